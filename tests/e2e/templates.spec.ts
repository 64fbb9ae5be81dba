/**
 * The Templates screen in Chromium against the real core: install a built-in template, view a
 * version in both content languages, change a published version that an audit uses (a new draft
 * version), add a criterion and reorder criteria with the keyboard (announced, focus kept),
 * reorder by drag, publish — the audit keeps its own version — duplicate, export and import a
 * file, and refuse a bad file with its message while nothing changes; axe on each screen in
 * English and Spanish.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { TemplateFile } from '../../src/shared/exchange/templateFile';
import { call } from './api';
import { expect, test } from './fixtures';

const police = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../resources/templates/local_police.json', import.meta.url)), 'utf8'),
) as TemplateFile;
const section1 = police.sections[0]!;
const n1 = section1.criteria.length;

const segment = (page: Page, group: RegExp, option: string): Locator =>
  page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true });
const criterion = (page: Page, number: string): Locator => page.getByTestId(`criterion-${number}`);
/** Activates a control with the keyboard: focus, then Enter. */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.press(key);
}

test('templates: view both languages, change a used template by keyboard, publish, duplicate, export, import', async ({
  page,
  request,
  harness,
  axe,
}) => {
  // A long walk through the screen with ten axe runs on pages of some fifty criteria.
  test.setTimeout(240_000);
  const api = { request, harness };
  await call(api, 'session.begin', { displayName: 'Ana Coordinator', role: 'coordinator', code: 'COORD-1' });
  await call(api, 'programme.setUp', { name: 'CAMUS Fuenlabrada', city: 'Fuenlabrada' });

  await page.goto('/#/templates');
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Templates' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await axe('templates library, nothing installed (en)');

  // Install the built-in police template: it opens at its published version 1.
  await press(page.getByRole('button', { name: 'Install Local police' }));
  await expect(page.getByRole('heading', { name: 'Local police', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByTestId('version-status')).toHaveText('Published');
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[0]!.text.en!);
  await axe('published version (en)');

  // An audit pins version 1.
  const { items } = await call(api, 'templates.list', {});
  const templateId = items[0]!.id;
  const v1 = (await call(api, 'templateVersions.list', { templateId })).items[0]!;
  const v1Before = await call(api, 'templateVersions.checklist', { id: v1.id });
  const auditor = await call(api, 'people.create', { displayName: 'Aud', role: 'auditor', code: 'AUD-01' });
  const service = await call(api, 'services.create', { name: 'Local Police' });
  const audit = await call(api, 'audits.plan', {
    serviceId: service.id,
    templateVersionId: v1.id,
    title: 'Police audit',
    methods: ['site_visit'],
    leadId: auditor.id,
  });

  // Content language: Spanish content under an English UI.
  await segment(page, /Content language/, 'Spanish').click();
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[0]!.text.es!);
  await expect(page.getByRole('heading', { name: `1. ${section1.title.es}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to the templates' })).toBeVisible();
  await axe('published version, Spanish content (en)');
  await segment(page, /Content language/, 'English').click();
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[0]!.text.en!);

  // Published: no editing controls. "Change" starts draft version 2, a copy.
  await expect(page.getByRole('button', { name: 'Move criterion 1.1 down' })).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Change (start a new draft version)' }));
  await expect(page.getByTestId('version-status')).toHaveText('Draft');
  await expect(page.getByTestId('announcer')).toContainText('Draft version 2 started');
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[0]!.text.en!);

  // Add a criterion by keyboard: it goes to the end of section 1.
  await press(page.getByRole('button', { name: 'Add criterion to section 1' }));
  const dialog = page.getByRole('dialog', { name: 'New criterion in section 1' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Criterion (English)')).toBeFocused();
  await page.keyboard.type('Stop forms are available');
  // Closed by mistake, and the window reloaded: what was typed comes back, marked as not saved.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await press(page.getByRole('button', { name: 'Add criterion to section 1' }));
  await expect(dialog.getByTestId('restored')).toContainText('Restored what you typed earlier');
  await expect(dialog.getByLabel('Criterion (English)')).toHaveValue('Stop forms are available');
  await press(dialog.getByLabel('Criterion (English)'), 'End');
  await page.keyboard.type(' in the languages most spoken in the city.');
  await dialog
    .getByLabel('Criterion (Spanish)')
    .fill('Los formularios de parada están disponibles en las lenguas más habladas de la ciudad.');
  await dialog.getByLabel('Response type').selectOption('yes_no');
  await press(dialog.getByRole('checkbox', { name: 'Language' }), 'Space');
  await axe('criterion form (en)');
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toHaveCount(0);
  const added = `1.${n1 + 1}`;
  await expect(criterion(page, added)).toContainText('Stop forms are available');
  await expect(criterion(page, added)).toContainText('Yes / no');
  await press(page.getByRole('button', { name: 'Add criterion to section 1' }));
  await expect(dialog.getByLabel('Criterion (English)')).toHaveValue('');
  await expect(dialog.getByTestId('restored')).toHaveCount(0);
  await press(dialog.getByRole('button', { name: 'Cancel' }));

  // Move it up twice with the keyboard: each move is announced, and focus stays on it.
  await press(page.getByRole('button', { name: `Move criterion ${added} up` }));
  await expect(page.getByTestId('announcer')).toHaveText(
    `Criterion moved to position ${n1} of ${n1 + 1} in section 1. ${section1.title.en}.`,
  );
  await expect(page.getByRole('button', { name: `Move criterion 1.${n1} up` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announcer')).toHaveText(
    `Criterion moved to position ${n1 - 1} of ${n1 + 1} in section 1. ${section1.title.en}.`,
  );
  await expect(page.getByRole('button', { name: `Move criterion 1.${n1 - 1} up` })).toBeFocused();
  await expect(criterion(page, `1.${n1 - 1}`)).toContainText('Stop forms are available');
  await expect(criterion(page, `1.${n1 + 1}`)).toContainText(section1.criteria[n1 - 1]!.text.en!);
  // The shortcut does the same: Alt+↓ moves it back down one place, focus following it.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('announcer')).toHaveText(
    `Criterion moved to position ${n1} of ${n1 + 1} in section 1. ${section1.title.en}.`,
  );
  await expect(page.getByRole('button', { name: `Move criterion 1.${n1} down` })).toBeFocused();
  await expect(criterion(page, `1.${n1}`)).toContainText('Stop forms are available');
  await press(page.getByRole('button', { name: `Move criterion 1.${n1} up` }));
  await expect(criterion(page, `1.${n1 - 1}`)).toContainText('Stop forms are available');

  // Edit criterion 1.1 (its English text and its weight).
  await press(page.getByRole('button', { name: 'Edit criterion 1.1', exact: true }));
  const edit = page.getByRole('dialog', { name: 'Edit criterion 1.1', exact: true });
  await edit.getByLabel('Criterion (English)').fill('Every stop is recorded with its objective reason.');
  await edit.getByLabel('Weight').fill('3');
  await press(edit.getByRole('button', { name: 'Save' }));
  await expect(edit).toHaveCount(0);
  await expect(criterion(page, '1.1')).toContainText('Every stop is recorded with its objective reason.');
  await expect(criterion(page, '1.1')).toContainText('Weight 3');

  // Drag criterion 1.2 onto 1.1.
  const second = section1.criteria[1]!.text.en!;
  await criterion(page, '1.2').dragTo(criterion(page, '1.1'));
  await expect(criterion(page, '1.1')).toContainText(second);
  await expect(page.getByTestId('announcer')).toContainText('Criterion moved to position 1 of');
  await axe('draft version (en)');

  // Publish version 2; the audit still uses version 1, unchanged.
  await press(page.getByRole('button', { name: 'Publish' }));
  const confirm = page.getByRole('dialog', { name: 'Publish version 2?' });
  await press(confirm.getByRole('button', { name: 'Publish' }));
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('version-status')).toHaveText('Published');
  expect((await call(api, 'audits.get', { id: audit.id })).templateVersionId).toBe(v1.id);
  expect(await call(api, 'templateVersions.checklist', { id: v1.id })).toEqual(v1Before);
  await page.getByLabel('Version', { exact: true }).selectOption({ label: 'Version 1 · Published' });
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[0]!.text.en!);
  await expect(criterion(page, `1.${n1}`)).toContainText(section1.criteria[n1 - 1]!.text.en!);

  // Duplicate version 2 as an own template: it opens at its draft version 1.
  await page.getByLabel('Version', { exact: true }).selectOption({ label: 'Version 2 · Published' });
  await press(page.getByRole('button', { name: 'Duplicate' }));
  const dup = page.getByRole('dialog', { name: 'Duplicate as a new template of your own' });
  await expect(dup.getByLabel('Name (English)')).toHaveValue('Copy of Local police');
  await expect(dup.getByLabel('Name (Spanish)')).toHaveValue('Copia de Policía local');
  await press(dup.getByRole('button', { name: 'Save' }));
  await expect(page.getByRole('heading', { name: 'Copy of Local police', level: 1 })).toBeVisible();
  await expect(page.getByTestId('version-status')).toHaveText('Draft');
  await expect(criterion(page, `1.${n1 - 1}`)).toContainText('Stop forms are available');

  // Export the copy: a template file.
  const downloading = page.waitForEvent('download');
  await press(page.getByRole('button', { name: 'Export' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('copy-of-local-police-v1.json');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'citizen-audit/template', key: '' });

  // Rename the copy.
  await press(page.getByRole('button', { name: 'Edit name and description' }));
  const rename = page.getByRole('dialog', { name: 'Edit name and description' });
  await rename.getByLabel('Name (English)').fill('Our police checklist');
  await press(rename.getByRole('button', { name: 'Save' }));
  await expect(page.getByRole('heading', { name: 'Our police checklist', level: 1 })).toBeVisible();

  // Back in the library: a bad file is refused with where and why, and nothing changes.
  await press(page.getByRole('button', { name: 'Back to the templates' }));
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Templates of this programme' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  const bad = JSON.parse(exported) as { sections: { criteria: { responseType: string }[] }[] };
  bad.sections[0]!.criteria[1]!.responseType = 'stars';
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const refusal = page.getByTestId('import-error');
  await expect(refusal).toContainText('The file was not imported');
  await expect(refusal).toContainText(
    'At sections[0].criteria[1].responseType: “stars” is not a response type (use rating, yes_no, number, choice or text).',
  );
  await expect(rows).toHaveCount(3);
  await axe('library with an import refused (en)');
  await fileInput.setInputFiles({ name: 'not.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
  await expect(refusal).toContainText('The file is not valid JSON (at line 1, column 12).');

  // The exported file imports as a new published template.
  await fileInput.setInputFiles({
    name: 'copy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByTestId('import-status')).toContainText('Imported “Copy of Local police” from copy.json');
  await expect(refusal).toHaveCount(0);
  await expect(rows).toHaveCount(4);

  // In Spanish.
  await segment(page, /Language|Idioma/, 'ES').click();
  await expect(page.getByRole('heading', { name: 'Plantillas', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Plantillas' })).toBeVisible();
  await fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(refusal).toContainText('En sections[0].criteria[1].responseType: «stars» no es un tipo de respuesta');
  await axe('library with an import refused (es)');
  await press(page.getByRole('button', { name: 'Abrir Policía local' }));
  await expect(page.getByRole('heading', { name: 'Policía local', level: 1 })).toBeVisible();
  await expect(criterion(page, '1.1')).toContainText(section1.criteria[1]!.text.es!);
  await axe('published version (es)');
  // Content in English under the Spanish UI.
  await segment(page, /Idioma del contenido/, 'Inglés').click();
  await expect(criterion(page, '1.1')).toContainText(second);
  await expect(page.getByRole('button', { name: 'Volver a las plantillas' })).toBeVisible();
  await press(page.getByRole('button', { name: 'Cambiar (crear una nueva versión en borrador)' }));
  await expect(page.getByTestId('version-status')).toHaveText('Borrador');
  await expect(page.getByRole('button', { name: 'Subir el criterio 1.2' })).toBeVisible();
  await axe('draft version (es)');
  await press(page.getByRole('button', { name: 'Editar el criterio 1.2', exact: true }));
  await expect(page.getByRole('dialog', { name: 'Editar el criterio 1.2', exact: true })).toBeVisible();
  await axe('criterion form (es)');
});
