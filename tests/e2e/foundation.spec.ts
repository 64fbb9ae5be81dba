/**
 * Acceptance test of the foundation issue, in Chromium against the real core over http:
 * first start ("Who are you?") → programme → services and people (create, edit, archive) → all
 * persisted across a reload; the language switch (and that it survives a reload); the demo
 * workspace and the way back; validation errors that keep typed text; and axe (WCAG 2.1 AA) on
 * every screen, with a modal form open and in Spanish.
 *
 * Set CA_SCREENSHOTS=DIR to also save a screenshot of each screen into DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { TOKEN_HEADER, type Harness } from '../harness/server';
import { call } from './api';
import { expect, test } from './fixtures';

const SHOTS = process.env.CA_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function beginAndCreateProgramme(api: { request: APIRequestContext; harness: Harness }): Promise<void> {
  await call(api, 'session.begin', { displayName: 'Ana Coordinator', role: 'coordinator', code: 'COORD-1' });
  await call(api, 'programme.setUp', { name: 'CAMUS Fuenlabrada', city: 'Fuenlabrada' });
}

/** What a coordinator's navigation lists, in order. */
const COORDINATOR_NAV = {
  en: [
    'Overview',
    'Dashboards',
    'Programme',
    'Services',
    'People',
    'Templates',
    'Audits',
    'Action plan',
    'Reports',
    'Backups',
  ],
  es: [
    'Resumen',
    'Paneles',
    'Programa',
    'Servicios',
    'Personas',
    'Plantillas',
    'Auditorías',
    'Plan de acción',
    'Informes',
    'Copias de seguridad',
  ],
};

const nav = (page: Page): Locator => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });
const dialog = (page: Page): Locator => page.getByRole('dialog');
const field = (scope: Page | Locator, name: string): Locator => scope.getByRole('textbox', { name, exact: true });
/** One option of a segmented control (a radio group whose inputs are visually hidden). */
const segment = (page: Page, group: RegExp, option: string): Locator =>
  page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true });
const select = (scope: Page | Locator, name: string): Locator => scope.getByRole('combobox', { name, exact: true });

test('first start → programme, service and person created, edited, archived, and persisted across a reload', async ({
  page,
  axe,
}) => {
  await page.goto('/');

  // Who are you?
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Citizen Audit');
  await axe('who are you');
  await shot(page, '01-who-are-you');
  await field(page, 'Name').fill('Ana Coordinator');
  // The first person is the programme's coordinator: no role to choose.
  await expect(select(page, 'Role')).toHaveCount(0);
  await field(page, 'Pseudonymous code').fill('COORD-1');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Start screen: an empty programme, no navigation yet.
  await expect(page.getByRole('heading', { name: 'Welcome to Citizen Audit' })).toBeVisible();
  await expect(page.getByTestId('current-person')).toHaveText('Ana Coordinator');
  await expect(nav(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open the demo programme' })).toBeVisible();
  await axe('start');
  await shot(page, '02-start');
  await field(page, 'Programme name').fill('CAMUS Fuenlabrada 2026–2027');
  await field(page, 'City').fill('Fuenlabrada');
  await field(page, 'Coordinating office').fill('Equality Office');
  await page.getByLabel('Period start').fill('2026-01-15');
  await page.getByLabel('Period end').fill('2027-12-31');
  await select(page, 'Default language').selectOption('es');
  await field(page, 'Report branding').fill('Ayuntamiento de Fuenlabrada');
  await page.getByRole('button', { name: 'Create programme' }).click();

  // The coordinator lands on the overview; the navigation shows only the screens that work.
  await expect(page.getByRole('heading', { name: 'Programme overview', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(COORDINATOR_NAV.en);
  await nav(page).getByRole('link', { name: 'Programme' }).click();
  await expect(page.getByRole('heading', { name: 'Programme', level: 1 })).toBeVisible();
  await expect(field(page, 'Programme name')).toHaveValue('CAMUS Fuenlabrada 2026–2027');
  await expect(page.getByLabel('Period start')).toHaveValue('15/01/2026');
  await expect(select(page, 'Default language')).toHaveValue('es');
  await axe('programme');
  await shot(page, '03-programme');
  await field(page, 'Coordinating office').fill('Office for Equality and Diversity');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');

  // People: create a manager, then edit them.
  await nav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ana Coordinator/ })).toContainText('COORD-1');
  await axe('people');
  await shot(page, '04-people');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog(page)).toBeVisible();
  await axe('people — new person modal');
  await shot(page, '05-people-modal');
  await field(dialog(page), 'Name').fill('Marta Ruiz');
  await select(dialog(page), 'Role').selectOption('manager');
  await field(dialog(page), 'Pseudonymous code').fill('MGR-01');
  await page.getByLabel('Certification date').fill('2026-02-01');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  const marta = page.getByRole('row', { name: /Marta Ruiz/ });
  await expect(marta).toContainText('Manager');
  await expect(marta).toContainText('MGR-01');
  await expect(marta).toContainText('2026');

  await page.getByRole('button', { name: 'Edit Marta Ruiz' }).click();
  await expect(field(dialog(page), 'Name')).toHaveValue('Marta Ruiz');
  await field(dialog(page), 'Name').fill('Marta Ruiz López');
  await field(dialog(page), 'Organisation').fill('Employment Services');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Marta Ruiz López/ })).toBeVisible();

  // A person to archive (after confirmation), and the role filter.
  await page.getByRole('button', { name: 'Add person' }).click();
  await field(dialog(page), 'Name').fill('Temporary Auditor');
  await select(dialog(page), 'Role').selectOption('auditor');
  await field(dialog(page), 'Pseudonymous code').fill('AUD-99');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /Temporary Auditor/ })).toBeVisible();
  await segment(page, /Show role|Mostrar rol/, 'Manager').click();
  await expect(page.getByRole('row')).toHaveCount(2); // header + Marta
  await expect(page.getByRole('row', { name: /Marta Ruiz López/ })).toBeVisible();
  await segment(page, /Show role|Mostrar rol/, 'All').click();
  await expect(page.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Archive Temporary Auditor' }).click();
  await expect(dialog(page)).toContainText('Archive “Temporary Auditor”?');
  await axe('people — archive confirmation');
  await dialog(page).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row', { name: /Temporary Auditor/ })).toHaveCount(0);

  // Services: create with the manager, edit, archive another after confirmation.
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
  await expect(page.getByText('No services yet.')).toBeVisible();
  await axe('services (empty)');
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(dialog(page)).toBeVisible();
  const managerOptions = select(dialog(page), 'Manager').locator('option');
  await expect(managerOptions).toHaveText(['No manager', 'Marta Ruiz López (MGR-01)']); // managers only
  await axe('services — new service modal');
  await shot(page, '06-services-modal');
  await field(dialog(page), 'Service name').fill('Local Police — Central Station');
  await field(dialog(page), 'Department').fill('Local Police');
  await select(dialog(page), 'Manager').selectOption({ label: 'Marta Ruiz López (MGR-01)' });
  await field(dialog(page), 'Address').fill('Plaza de España 1');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  const police = page.getByRole('row', { name: /Local Police — Central Station/ });
  await expect(police).toContainText('Marta Ruiz López');

  await page.getByRole('button', { name: 'Edit Local Police — Central Station' }).click();
  await expect(select(dialog(page), 'Manager')).toHaveValue(/[0-9a-f-]{36}/);
  await field(dialog(page), 'Department').fill('Public Safety');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(police).toContainText('Public Safety');

  await page.getByRole('button', { name: 'Add service' }).click();
  await field(dialog(page), 'Service name').fill('Old Front Office');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /Old Front Office/ })).toBeVisible();
  await axe('services');
  await shot(page, '07-services');
  await page.getByRole('button', { name: 'Archive Old Front Office' }).click();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Old Front Office/ })).toBeVisible(); // cancel changes nothing
  await page.getByRole('button', { name: 'Archive Old Front Office' }).click();
  await dialog(page).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row', { name: /Old Front Office/ })).toHaveCount(0);

  // Work as somebody else: the header follows, and so does the navigation (a manager lands on
  // the reviews of their services; the coordinator's screens are gone).
  await page.getByRole('button', { name: /Working as Ana Coordinator/ }).click();
  await page.getByRole('menuitem', { name: /Marta Ruiz López/ }).click();
  await expect(page.getByTestId('current-person')).toHaveText('Marta Ruiz López');
  await expect(nav(page).getByRole('link')).toHaveText(['Reviews', 'Dashboards', 'Services', 'Action plan', 'Backups']);

  // Everything is in the core, not in the page: reload and look again.
  await page.reload();
  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible();
  await expect(police).toContainText('Public Safety');
  await expect(police).toContainText('Marta Ruiz López');
  await expect(page.getByRole('row', { name: /Old Front Office/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Working as Marta Ruiz López/ }).click();
  await page.getByRole('menuitem', { name: /Ana Coordinator/ }).click();
  await expect(page.getByTestId('current-person')).toHaveText('Ana Coordinator');
  await nav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('row', { name: /Marta Ruiz López/ })).toContainText('MGR-01');
  await expect(page.getByRole('row', { name: /Ana Coordinator/ })).toContainText('you');
  await expect(page.getByRole('row', { name: /Temporary Auditor/ })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Programme' }).click();
  await expect(field(page, 'Coordinating office')).toHaveValue('Office for Equality and Diversity');
  await expect(field(page, 'Report branding')).toHaveValue('Ayuntamiento de Fuenlabrada');
  await expect(page.getByLabel('Period end')).toHaveValue('31/12/2027');
});

test('Spanish: every screen switches language, keeps it across a reload, and passes axe', async ({ page, axe }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await segment(page, /Language|Idioma/, 'ES').click();
  await expect(page.getByRole('heading', { name: '¿Quién es usted?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await axe('who are you (es)');
  await field(page, 'Nombre').fill('Ana Coordinadora');
  await field(page, 'Código seudónimo').fill('COORD-1');
  await page.getByRole('button', { name: 'Continuar' }).click();

  await expect(page.getByRole('heading', { name: 'Le damos la bienvenida a Citizen Audit' })).toBeVisible();
  await axe('start (es)');
  await shot(page, '08-start-es');
  await field(page, 'Nombre del programa').fill('CAMUS Fuenlabrada');
  await field(page, 'Ciudad').fill('Fuenlabrada');
  await page.getByRole('button', { name: 'Crear programa' }).click();

  await expect(nav(page).getByRole('link')).toHaveText(COORDINATOR_NAV.es);
  await expect(page.getByRole('heading', { name: 'Resumen del programa', level: 1 })).toBeVisible();
  await axe('overview (es)');
  await nav(page).getByRole('link', { name: 'Programa' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Programa', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Guardar' })).toBeVisible();
  await axe('programme (es)');

  await nav(page).getByRole('link', { name: 'Personas' }).click();
  await expect(page.getByRole('columnheader')).toHaveText([
    'Nombre',
    'Rol',
    'Código seudónimo',
    'Fecha de certificación',
    'Acciones',
  ]);
  await expect(page.getByRole('row', { name: /Ana Coordinadora/ })).toContainText('Coordinador/a');
  await axe('people (es)');
  await page.getByRole('button', { name: 'Añadir persona' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Nueva persona' })).toBeVisible();
  await axe('people modal (es)');
  await shot(page, '09-people-modal-es');
  await dialog(page).getByRole('button', { name: 'Cancelar' }).click();

  await nav(page).getByRole('link', { name: 'Servicios' }).click();
  await expect(page.getByText('Todavía no hay servicios.')).toBeVisible();
  await axe('services (es)');
  await page.getByRole('button', { name: 'Añadir servicio' }).click();
  await expect(select(dialog(page), 'Responsable').locator('option')).toHaveText(['Sin responsable']);
  await axe('services modal (es)');
  await dialog(page).getByRole('button', { name: 'Cancelar' }).click();

  await nav(page).getByRole('link', { name: 'Informes' }).click();
  await expect(page.getByRole('heading', { name: 'Informes', level: 1 })).toBeVisible();
  await expect(page.getByText('Todavía no hay auditorías.')).toBeVisible();
  await axe('reports (es)');

  // And back to English.
  await segment(page, /Language|Idioma/, 'EN').click();
  await expect(nav(page).getByRole('link')).toHaveText(COORDINATOR_NAV.en);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/** What the demo data set holds, read from the demo file so the test follows the real demo. */
interface DemoExpectations {
  programmeName: string | null;
  coordinatorName: string | null;
  services: string[];
  auditorCodes: string[];
}
function demoExpectations(): DemoExpectations {
  const file = fileURLToPath(new URL('../../resources/demo/demo.json', import.meta.url));
  if (!existsSync(file)) return { programmeName: null, coordinatorName: null, services: [], auditorCodes: [] };
  /** The demo's bilingual texts are `{ en, es }` (docs/formats/demo.md); this test opens it in English. */
  type Text = string | { en?: string };
  const en = (t: Text | undefined): string | undefined => (typeof t === 'object' ? t.en : t);
  const demo = JSON.parse(readFileSync(file, 'utf8')) as {
    coordinator?: string;
    programme?: { name?: Text };
    services?: { name?: Text }[];
    people?: { ref?: string; displayName?: string; role?: string; code?: string }[];
  };
  const people = demo.people ?? [];
  const expected: DemoExpectations = {
    programmeName: en(demo.programme?.name) ?? null,
    coordinatorName: people.find((p) => p.ref === demo.coordinator)?.displayName ?? null,
    services: (demo.services ?? []).flatMap((s) => (en(s.name) ? [en(s.name)!] : [])),
    auditorCodes: people.flatMap((p) => (p.role === 'auditor' && p.code ? [p.code] : [])),
  };
  // A demo file this test cannot read would make the checks below check nothing: say so instead.
  if (
    !expected.programmeName ||
    !expected.coordinatorName ||
    !expected.services.length ||
    !expected.auditorCodes.length
  ) {
    throw new Error(`${file}: its shape is not what demoExpectations() reads; update the test`);
  }
  return expected;
}

test('the demo programme lists its services and people, says it is the demo, and leads back', async ({
  page,
  request,
  harness,
  axe,
}) => {
  await call({ request, harness }, 'session.begin', {
    displayName: 'Ana Coordinator',
    role: 'coordinator',
    code: 'COORD-1',
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Citizen Audit' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo programme' }).click();

  const banner = page.getByTestId('demo-banner');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('workspace-badge')).toHaveText('Demo programme');
  await expect(page.getByRole('heading', { name: 'Programme overview', level: 1 })).toBeVisible();
  await axe('demo overview');
  await nav(page).getByRole('link', { name: 'Programme' }).click();
  await expect(page.getByRole('heading', { name: 'Programme', level: 1 })).toBeVisible();
  const expected = demoExpectations();
  if (expected.programmeName) await expect(field(page, 'Programme name')).toHaveValue(expected.programmeName);
  // The demo's coordinator is who you work as inside the demo.
  if (expected.coordinatorName) await expect(page.getByTestId('current-person')).toHaveText(expected.coordinatorName);
  await axe('demo programme');
  await shot(page, '10-demo-programme');

  await nav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('row', { name: /Local Police/ }).first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Employment/ }).first()).toBeVisible();
  for (const name of expected.services) await expect(page.getByRole('row', { name })).toBeVisible();
  await axe('demo services');
  await shot(page, '11-demo-services');

  await nav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('row', { name: /AUD-01/ })).toBeVisible();
  for (const code of expected.auditorCodes)
    await expect(page.getByRole('row', { name: new RegExp(code) })).toBeVisible();
  await segment(page, /Show role|Mostrar rol/, 'Auditor').click();
  await expect(page.getByRole('row', { name: /Manager|Coordinator/ })).toHaveCount(0);
  await axe('demo people');
  await shot(page, '12-demo-people');

  // Back to my own programme: still empty, still me.
  await banner.getByRole('button', { name: 'Back to my programme' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Citizen Audit' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('current-person')).toHaveText('Ana Coordinator');
});

test('invalid input shows the error next to the field and keeps what was typed', async ({ page, request, harness }) => {
  await beginAndCreateProgramme({ request, harness });
  await page.goto('/#/people');
  await page.getByRole('button', { name: 'Add person' }).click();

  // Client-side check, with the same schema as the core: the message sits next to the field.
  await field(dialog(page), 'Name').fill('Luis Gómez');
  await field(dialog(page), 'Pseudonymous code').fill('a b!');
  await field(dialog(page), 'Email').fill('not-an-email');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  const code = field(dialog(page), 'Pseudonymous code');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page).getByText('Use 2–20 letters, digits, - or _')).toBeVisible();
  await expect(dialog(page).getByText('Enter a valid email address')).toBeVisible();
  await expect(code).toBeFocused();
  await expect(code).toHaveValue('a b!');
  await expect(field(dialog(page), 'Name')).toHaveValue('Luis Gómez');
  await expect(field(dialog(page), 'Email')).toHaveValue('not-an-email');

  // A rule only the core knows (codes are unique): its message is shown, the text stays.
  await code.fill('COORD-1');
  await field(dialog(page), 'Email').fill('');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page).getByRole('alert')).toContainText('COORD-1');
  await expect(dialog(page)).toBeVisible();
  await expect(code).toHaveValue('COORD-1');
  await expect(field(dialog(page), 'Name')).toHaveValue('Luis Gómez');
  await shot(page, '13-people-error');

  // Fixing it saves.
  await code.fill('AUD-02');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Luis Gómez/ })).toContainText('AUD-02');

  // The programme form: a period that ends before it starts is refused next to "Period end".
  await page.goto('/#/programme');
  await page.getByLabel('Period start').fill('2027-01-01');
  await page.getByLabel('Period end').fill('2026-01-01');
  await field(page, 'City').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The period ends before it starts')).toBeVisible();
  await expect(page.getByText('Required')).toBeVisible();
  await expect(page.getByLabel('Period end')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Period start')).toHaveValue('01/01/2027');
  await expect(page.getByRole('status')).toHaveText('');
  // Nothing was saved.
  await page.reload();
  await expect(field(page, 'City')).toHaveValue('Fuenlabrada');
});

test('the http harness keeps the contract: envelopes for bad bodies and channels, no files outside the renderer', async ({
  request,
  harness,
}) => {
  const headers = { [TOKEN_HEADER]: harness.token };
  const notJson = await request.post('/__api/session.get', {
    data: 'this is not json',
    headers: { ...headers, 'content-type': 'application/json' },
  });
  expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const badInput = await request.post('/__api/people.create', { data: { displayName: '' }, headers });
  expect(await badInput.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const unknown = await request.post('/__api/nothing.here', { data: {}, headers });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

  const page = await request.get('/');
  expect(page.headers()['content-type']).toContain('text/html');
  const html = await page.text();
  expect(html.indexOf('/__harness/bridge.js')).toBeLessThan(html.indexOf('type="module"'));
  const bridge = await request.get('/__harness/bridge.js');
  expect(bridge.headers()['content-type']).toContain('text/javascript');

  for (const path of [
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
  ]) {
    const res = await request.get(path);
    expect([400, 403, 404], path).toContain(res.status());
  }
});
