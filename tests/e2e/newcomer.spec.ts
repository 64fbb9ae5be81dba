/**
 * What a newcomer trips on (issue 7), in Chromium against the real core: navigation that follows
 * the role, the coordinator's overview, messages in the user's language on the field, and the
 * rough edges of the shell and its forms — each with axe in English and Spanish where a screen
 * is touched.
 */
import type { Locator, Page } from '@playwright/test';
import { builtInTemplate } from '../../src/main/core/seed/templates';
import { call, type Api } from './api';
import { expect, test } from './fixtures';

/** A programme with a coordinator, an auditor in an audit's team and the service's manager. */
async function programmeWithPeople(api: Api) {
  const begun = await call(api, 'session.begin', {
    displayName: 'Ana Coordinator',
    role: 'coordinator',
    code: 'COORD-1',
  });
  await call(api, 'programme.setUp', { name: 'CAMUS Fuenlabrada', city: 'Fuenlabrada' });
  const auditor = await call(api, 'people.create', { displayName: 'Bea Auditor', role: 'auditor', code: 'AUD-01' });
  const manager = await call(api, 'people.create', { displayName: 'Marta Manager', role: 'manager', code: 'MGR-01' });
  const service = await call(api, 'services.create', { name: 'Local Police', managerId: manager.id });
  const { version } = await call(api, 'templates.import', { file: builtInTemplate('general_front_office')! });
  const audit = await call(api, 'audits.plan', {
    serviceId: service.id,
    templateVersionId: version.id,
    title: 'Police reception 2026',
    methods: ['site_visit'],
    leadId: auditor.id,
    teamIds: [auditor.id],
  });
  return { coordinator: begun.currentPerson!, auditor, manager, service, audit };
}

const nav = (page: Page): Locator => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const segment = (page: Page, option: string): Locator =>
  page.getByRole('radiogroup', { name: /Language|Idioma/ }).getByText(option, { exact: true });
const field = (scope: Page | Locator, name: string): Locator => scope.getByRole('textbox', { name, exact: true });
const dialog = (page: Page): Locator => page.getByRole('dialog');

test('after creating the programme the coordinator lands on its overview; the header names the programme', async ({
  page,
  axe,
}) => {
  await page.goto('/');
  await field(page, 'Name').fill('Ana Coordinator');
  await field(page, 'Pseudonymous code').fill('COORD-1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await field(page, 'Programme name').fill('CAMUS Fuenlabrada 2026–2027');
  await field(page, 'City').fill('Fuenlabrada');
  await page.getByRole('button', { name: 'Create programme' }).click();

  await expect(page.getByRole('heading', { name: 'Programme overview', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/overview$/);
  await expect(page.getByTestId('programme-name')).toHaveText('CAMUS Fuenlabrada 2026–2027');
  await expect(page.getByTestId('count-services')).toHaveText('0');
  await expect(page.getByTestId('count-people')).toHaveText('1');
  await expect(page.getByRole('link', { name: 'Add the services to audit' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add the auditors of the programme' })).toBeVisible();
  await axe('overview');
  await segment(page, 'ES').click();
  await expect(page.getByRole('heading', { name: 'Resumen del programa', level: 1 })).toBeVisible();
  await axe('overview (es)');
});

test('the navigation follows the role: an auditor lands on My audits, a manager on Reviews', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const w = await programmeWithPeople({ request, harness });

  await call({ request, harness }, 'session.setCurrentPerson', { personId: w.auditor.id });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'My audits', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['My audits', 'Services', 'Audits', 'Action plan', 'Backups']);
  const link = page.getByRole('link', { name: 'Police reception 2026' });
  await expect(link).toHaveAttribute('href', `#/audits/${w.audit.id}`);
  await expect(page.getByRole('row', { name: /Police reception 2026/ })).toContainText('Local Police');
  await axe('my audits');
  // An auditor cannot reach the coordinator's screens, not even by their address.
  await page.goto('/#/people');
  await expect(page.getByRole('heading', { name: 'My audits', level: 1 })).toBeVisible();
  // Services are shown, without the coordinator's actions.
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('row', { name: /Local Police/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add service' })).toHaveCount(0);
  await segment(page, 'ES').click();
  await nav(page).getByRole('link', { name: 'Mis auditorías' }).click();
  await expect(page.getByRole('heading', { name: 'Mis auditorías', level: 1 })).toBeVisible();
  await axe('my audits (es)');

  await call({ request, harness }, 'session.setCurrentPerson', { personId: w.manager.id });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Revisiones', level: 1 })).toBeVisible();
  await expect(page.getByText('Todavía no hay recomendaciones sobre sus servicios.')).toBeVisible();
  await axe('reviews (es)');
  await segment(page, 'EN').click();
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['Reviews', 'Dashboards', 'Services', 'Action plan', 'Backups']);
  await axe('reviews');
});

test('a refusal by the core is shown in Spanish, on its field, and names no other person', async ({
  page,
  request,
  harness,
}) => {
  await programmeWithPeople({ request, harness });
  await call({ request, harness }, 'session.setLanguage', { language: 'es' });
  await page.goto('/#/people');
  await page.getByRole('button', { name: 'Añadir persona' }).click();
  await field(dialog(page), 'Nombre').fill('Luis Gómez');
  await field(dialog(page), 'Código seudónimo').fill('aud-01');
  await dialog(page).getByRole('button', { name: 'Guardar' }).click();
  const code = field(dialog(page), 'Código seudónimo');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/El código aud-01 ya lo usa otra persona activa/);
  await expect(dialog(page).getByRole('alert')).toContainText('El código aud-01 ya lo usa otra persona activa');
  // Neither the English message nor the other person's name reaches the screen.
  await expect(dialog(page)).not.toContainText('already used');
  await expect(dialog(page)).not.toContainText('Bea Auditor');
});

test('the skip link moves focus to the content without changing the route', async ({ page, request, harness }) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/services');
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await expect(page).toHaveURL(/#\/services$/);
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
});

test('switching the language keeps unsaved text and keyboard focus', async ({ page, request, harness }) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/programme');
  await field(page, 'City').fill('Villa Nueva (not saved)');
  await segment(page, 'ES').click();
  await expect(page.getByRole('heading', { name: 'Programa', level: 1 })).toBeVisible();
  await expect(field(page, 'Ciudad')).toHaveValue('Villa Nueva (not saved)');
  // Focus stays on the language control (not dropped to the page body).
  await expect(page.getByRole('radiogroup', { name: 'Idioma' }).locator(':focus')).toHaveCount(1);
});

test('a long name without spaces wraps instead of widening the page', async ({ page, request, harness, axe }) => {
  await programmeWithPeople({ request, harness });
  const long = 'Ayuntamiento'.repeat(16);
  await call({ request, harness }, 'services.create', { name: long, department: 'D'.repeat(120) });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/services');
  await expect(page.getByRole('row', { name: new RegExp(long.slice(0, 40)) })).toBeVisible();
  // (Typed by hand: these files are checked without the DOM library.)
  const widths = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return { page: root.scrollWidth, window: root.clientWidth };
  });
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  // …and the table's columns stay on screen: the table fits its frame, nothing to scroll sideways.
  const table = (await page.getByRole('table', { name: 'Services' }).boundingBox())!;
  const frame = (await page.locator('#main .content').boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toBeInViewport();
  await axe('services with a long name');
});

test('on a wide window the content is wider than 1,100 px and centred', async ({ page, request, harness }) => {
  await programmeWithPeople({ request, harness });
  await page.setViewportSize({ width: 2200, height: 900 });
  await page.goto('/#/services');
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
  const navbar = (await nav(page).boundingBox())!;
  const content = (await page.locator('#main .content').boundingBox())!;
  // Between the navigation bar and the window's right edge, with equal gaps on both sides.
  const box = {
    width: content.width,
    left: content.x - (navbar.x + navbar.width),
    right: 2200 - (content.x + content.width),
  };
  expect(box.width).toBeGreaterThan(1100);
  expect(Math.abs(box.left - box.right)).toBeLessThan(4);
});

test('closing a dialog with typed text asks first: Esc, a click outside, Cancel', async ({
  page,
  request,
  harness,
  axe,
}) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/services');
  await page.getByRole('button', { name: 'Add service' }).click();
  const name = field(dialog(page), 'Service name');
  await name.fill('Housing office');

  // Esc asks; "Keep editing" keeps the text.
  await page.keyboard.press('Escape');
  const ask = page.getByTestId('discard-changes');
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await axe('discard changes?');
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(name).toHaveValue('Housing office');

  // A click outside asks too.
  await page.mouse.click(5, 400);
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog(page)).toBeVisible();

  // Cancel asks; "Discard changes" closes.
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog(page)).toHaveCount(0);

  // An untouched dialog closes without asking.
  await page.getByRole('button', { name: 'Add service' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);

  // The same question, in Spanish.
  await segment(page, 'ES').click();
  await page.getByRole('button', { name: 'Añadir servicio' }).click();
  await field(dialog(page), 'Nombre del servicio').fill('Oficina de vivienda');
  await page.keyboard.press('Escape');
  await expect(ask.getByRole('button', { name: 'Seguir editando' })).toBeFocused();
  await axe('discard changes? (es)');
});

test('leaving a page with an edited form asks first', async ({ page, request, harness }) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/programme');
  await field(page, 'City').fill('Getafe');
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Discard your changes?' })).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(/#\/programme$/);
  await expect(field(page, 'City')).toHaveValue('Getafe');
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await dialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
  // Saved text leaves without asking.
  await nav(page).getByRole('link', { name: 'Programme' }).click();
  await field(page, 'City').fill('Getafe');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
});

test('a counter appears near a field’s limit; a service named like another is warned about', async ({
  page,
  request,
  harness,
  axe,
}) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/services');
  await page.getByRole('button', { name: 'Add service' }).click();
  const name = field(dialog(page), 'Service name');
  await name.fill('x'.repeat(100));
  await expect(dialog(page).getByText(/of 200 characters/)).toHaveCount(0);
  await name.fill('x'.repeat(170));
  await expect(name).toHaveAccessibleDescription('170 of 200 characters');
  await name.fill('local police ');
  await expect(name).toHaveAccessibleDescription(/Another service is already called “Local Police”/);
  await axe('service form with a warning');
  // It is a warning, not a refusal: it saves.
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /local police/i })).toHaveCount(2);
  await segment(page, 'ES').click();
  await page.getByRole('button', { name: 'Añadir servicio' }).click();
  await field(dialog(page), 'Nombre del servicio').fill('y'.repeat(190));
  await expect(field(dialog(page), 'Nombre del servicio')).toHaveAccessibleDescription('190 de 200 caracteres');
  await axe('service form with a counter (es)');
});

test('archiving a person still assigned warns and says where; afterwards no record names them', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const w = await programmeWithPeople({ request, harness });
  await page.goto('/#/people');
  await page
    .getByRole('row', { name: /Marta Manager/ })
    .getByRole('button', { name: /Archive/ })
    .click();
  const warning = page.getByTestId('still-assigned');
  await expect(warning).toContainText('Manager of the service “Local Police”');
  await axe('archive a person still assigned');
  await dialog(page).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row', { name: /Marta Manager/ })).toHaveCount(0);
  const service = await call({ request, harness }, 'services.get', { id: w.service.id });
  expect(service.managerId).toBeNull();
  await page
    .getByRole('row', { name: /Bea Auditor/ })
    .getByRole('button', { name: /Archive/ })
    .click();
  await expect(page.getByTestId('still-assigned')).toContainText('In the team of the audit “Police reception 2026”');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await segment(page, 'ES').click();
  await page
    .getByRole('row', { name: /Bea Auditor/ })
    .getByRole('button', { name: /Archivar/ })
    .click();
  await expect(page.getByTestId('still-assigned')).toContainText(
    'En el equipo de la auditoría «Police reception 2026»',
  );
  await axe('archive a person still assigned (es)');
});

test('a certification date in the future is refused on its field, in the interface language', async ({
  page,
  request,
  harness,
}) => {
  await programmeWithPeople({ request, harness });
  await call({ request, harness }, 'session.setLanguage', { language: 'es' });
  await page.goto('/#/people');
  await page.getByRole('button', { name: 'Añadir persona' }).click();
  await field(dialog(page), 'Nombre').fill('Luis Gómez');
  await field(dialog(page), 'Código seudónimo').fill('AUD-09');
  const future = new Date(Date.now() + 40 * 86_400_000);
  const date = dialog(page).getByRole('textbox', { name: 'Fecha de certificación' });
  await date.fill(
    `${String(future.getUTCDate()).padStart(2, '0')}/${String(future.getUTCMonth() + 1).padStart(2, '0')}/${future.getUTCFullYear()}`,
  );
  await dialog(page).getByRole('button', { name: 'Guardar' }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/La fecha de certificación es futura/);
  await expect(field(dialog(page), 'Nombre')).toHaveValue('Luis Gómez');
});

test('dates are typed and shown in the interface language’s format, not the browser’s', async ({
  page,
  request,
  harness,
  axe,
}) => {
  await programmeWithPeople({ request, harness });
  await page.goto('/#/programme');
  const start = page.getByRole('textbox', { name: 'Period start' });
  await expect(start).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await start.fill('15/01/2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  const programme = await call({ request, harness }, 'programme.get', {});
  expect(programme?.periodStart).toBe('2026-01-15');
  await page.reload();
  await expect(start).toHaveValue('15/01/2026');
  await start.fill('31/02/2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(/DD\/MM\/YYYY/);
  await segment(page, 'ES').click();
  await expect(page.getByRole('textbox', { name: 'Inicio del periodo' })).toHaveAttribute('placeholder', 'DD/MM/AAAA');
  await axe('programme dates (es)');
  // Tables show the same day-month order, in the same language.
  await call({ request, harness }, 'people.create', {
    displayName: 'Cert',
    role: 'auditor',
    code: 'AUD-07',
    certificationDate: '2026-02-01',
  });
  await page.goto('/#/people');
  await page.reload();
  await expect(page.getByRole('row', { name: /AUD-07/ })).toContainText('1 feb 2026');
  await segment(page, 'EN').click();
  await expect(page.getByRole('row', { name: /AUD-07/ })).toContainText('1 Feb 2026');
});
