/**
 * The citizen auditor's day in the app, in Chromium against the real core over http, keyboard
 * only (focus, typing and key presses; no mouse calls): open an audit of the demo, answer every
 * criterion of one section with the number keys, add three observations (one with an image
 * through the file input) and a situation test, reload, and find everything there and shown as
 * saved; an accent-free search finds the observation; axe finds nothing on each screen, in
 * English and in Spanish. As the lead: the agreement view lists the demo's disagreements, and a
 * consolidated result is set. And a note being typed survives the core's process being killed.
 *
 * Set-up that is not what a test is about (starting the programme, planning the audit) goes
 * through the API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { call, openDemo, type Api } from './api';
import { expect, test } from './fixtures';

/** In the demo: a new audit of the police station in fieldwork, AUD-01 leading AUD-03; works as AUD-01. */
async function auditInFieldwork(api: Api) {
  const { byCode } = await openDemo(api);
  const service = (await call(api, 'services.list', {})).items.find((s) => /Police/.test(s.name))!;
  const template = (await call(api, 'templates.list', {})).items.find((t) => t.key === 'local_police')!;
  const version = (await call(api, 'templateVersions.list', { templateId: template.id })).items.find(
    (v) => v.status === 'published',
  )!;
  const planned = await call(api, 'audits.plan', {
    serviceId: service.id,
    templateVersionId: version.id,
    title: 'Follow-up audit of the Central Station',
    methods: ['site_visit', 'situation_testing'],
    leadId: byCode('AUD-01').id,
    teamIds: [byCode('AUD-01').id, byCode('AUD-03').id],
  });
  const audit = await call(api, 'audits.startFieldwork', { id: planned.id, rev: planned.rev });
  await call(api, 'session.setCurrentPerson', { personId: byCode('AUD-01').id });
  return { audit, aud1: byCode('AUD-01'), versionId: version.id };
}

/** Activates a control with the keyboard. */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.press(key);
}
async function typeInto(target: Locator, text: string, replace = false): Promise<void> {
  await target.focus();
  if (replace) await target.press('ControlOrMeta+a');
  await target.page().keyboard.type(text);
}
const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name });
const criteria = (page: Page) => page.locator('.criterion');
const firstSection = (page: Page) => page.locator('section').first();

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Answers every criterion of the first section from the keyboard: number keys on ratings, digits typed into numbers. */
async function answerFirstSection(page: Page): Promise<number> {
  const rows = firstSection(page).locator('.criterion');
  const n = await rows.count();
  await rows.first().focus();
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    await expect(row).toBeFocused();
    if ((await row.getByRole('radiogroup').count()) > 0) {
      await page.keyboard.press(String((i % 3) + 1));
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.type(String(i + 2));
      await page.keyboard.press('Shift+Tab');
    }
    await expect(row.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    if (i < n - 1) await page.keyboard.press('j');
  }
  return n;
}

async function addObservation(page: Page, o: { narrative: string; location: string; image?: boolean }): Promise<void> {
  const form = page.getByRole('region', { name: /New observation|Nueva observación/ });
  await typeInto(form.getByRole('textbox', { name: /^Location|^Lugar/ }), o.location);
  await typeInto(form.getByRole('textbox', { name: /What was observed|Qué se observó/ }), o.narrative);
  if (o.image) {
    await form.locator('input[type=file]').setInputFiles({ name: 'reception.png', mimeType: 'image/png', buffer: PNG });
    await expect(form.getByRole('img', { name: 'reception.png' })).toBeVisible();
  }
  await press(form.getByRole('button', { name: /Add observation|Añadir observación/ }));
  await expect(form.getByText(/Observation saved|Observación guardada/)).toBeVisible();
}

test('an auditor answers a section, logs observations and a situation test; all there after a reload', async ({
  page,
  request,
  harness,
  axe,
}) => {
  // A long walk: three tabs, a reload, two languages, and axe on each screen.
  test.setTimeout(240_000);
  const api = { request, harness };
  const { audit } = await auditInFieldwork(api);
  await page.goto('/#/audits');
  await expect(page.getByRole('heading', { name: 'Audits' })).toBeVisible();
  await axe('audits list');
  await press(page.getByRole('link', { name: audit.title }));
  await expect(page.getByRole('heading', { name: audit.title })).toBeVisible();
  await expect(page.getByTestId('audit-status')).toHaveText('Fieldwork');
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start fieldwork' })).toHaveCount(0);
  await axe('audit overview');

  // Checklist: every criterion of the first section, by number keys.
  await press(tab(page, /Checklist/));
  await expect(criteria(page).first()).toBeVisible();
  await axe('checklist');
  const n = await answerFirstSection(page);
  expect(n).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('section-progress-0')).toHaveText(`${n} of ${n} answered`);
  // The shortcuts, on ?.
  await criteria(page).first().focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await axe('checklist shortcuts');
  await page.keyboard.press('Escape');

  // Observations: three, one with an image.
  await press(tab(page, /Observations/));
  await addObservation(page, {
    location: 'Comisaría — mostrador',
    narrative: 'La policía no ofreció intérprete a una mujer que solo hablaba árabe.',
    image: true,
  });
  await addObservation(page, { location: 'Waiting room', narrative: 'Signs in Spanish only.' });
  await addObservation(page, { location: 'Entrance', narrative: 'The ramp is blocked by parked motorbikes.' });
  await expect(page.getByTestId('observation-entry')).toHaveCount(3);
  await axe('observations');

  // A situation test.
  await press(tab(page, /Situation tests/));
  await press(page.getByRole('button', { name: 'Add situation test' }));
  const dialog = page.getByRole('dialog');
  await typeInto(dialog.getByRole('textbox', { name: 'Scenario' }), 'Asking for a complaint form at the desk');
  await dialog.getByRole('combobox', { name: 'Ground tested' }).selectOption('racial_ethnic_origin');
  await typeInto(dialog.getByRole('textbox', { name: 'What happened to tester A' }), 'Given the form at once.');
  await typeInto(dialog.getByRole('textbox', { name: 'What happened to tester B' }), 'Told to come back another day.');
  await dialog.getByRole('combobox', { name: 'Differential treatment' }).selectOption('yes');
  await axe('situation test form');
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(page.getByTestId('situation-test')).toHaveCount(1);
  await expect(page.getByTestId('differential')).toHaveText('Differential treatment');
  await axe('situation tests');

  // Reload: everything is there, shown as saved.
  await page.reload();
  await expect(tab(page, /Situation tests/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('situation-test')).toHaveCount(1);
  await press(tab(page, /Checklist/));
  const rows = firstSection(page).locator('.criterion');
  await expect(rows).toHaveCount(n);
  for (let i = 0; i < n; i++)
    await expect(rows.nth(i).getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('section-progress-0')).toHaveText(`${n} of ${n} answered`);
  await expect(rows.first().getByRole('radio', { name: /^1 · / })).toBeChecked();
  // The photograph's caption is changed afterwards (through the core): its own history shows it.
  const [photo] = (await call(api, 'attachments.list', { auditId: audit.id })).items;
  await call(api, 'attachments.update', { id: photo!.id, rev: photo!.rev, caption: 'Reception desk, no signs' });
  await press(tab(page, /Observations/));
  await expect(page.getByTestId('observation-entry')).toHaveCount(3);

  // An accent-free search finds the observation, hits highlighted.
  await typeInto(page.getByRole('searchbox', { name: 'Search the log' }), 'policia interprete');
  await expect(page.getByTestId('observation-entry')).toHaveCount(1);
  const hit = page.getByTestId('observation-entry').first();
  await expect(hit.locator('mark')).toHaveText(['policía', 'intérprete']);
  // The whole entry, with the image preview and its history.
  await press(hit.getByRole('button', { name: 'Show whole entry' }));
  await expect(hit.getByRole('img', { name: 'reception.png' })).toBeVisible();
  await press(hit.getByRole('button', { name: 'Show history', exact: true }));
  await expect(hit.getByRole('list', { name: 'History', exact: true })).toContainText('created');
  // Its attachment has a history of its own.
  await press(hit.getByRole('button', { name: 'Show history — History of the attachment reception.png' }));
  const fileHistory = hit.getByRole('list', { name: 'History of the attachment reception.png' });
  await expect(fileHistory).toContainText('created');
  await expect(fileHistory).toContainText('Reception desk, no signs');
  await axe('observation search and entry');

  // The same screens in Spanish.
  await call(api, 'session.setLanguage', { language: 'es' });
  await page.reload();
  await expect(tab(page, /Observaciones/)).toHaveAttribute('aria-selected', 'true');
  await axe('observaciones');
  for (const [name, label] of [
    [/Resumen/, 'resumen'],
    [/Lista de verificación/, 'lista de verificación'],
    [/Pruebas de situación/, 'pruebas de situación'],
    [/Concordancia/, 'concordancia'],
  ] as const) {
    await press(tab(page, name));
    await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
    await axe(label);
  }
  await page.goto('/#/audits');
  await expect(page.getByRole('heading', { name: 'Auditorías' })).toBeVisible();
  await axe('auditorías');
});

test('the lead sees the demo’s disagreements with kappa and sets a consolidated result', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  const lead = (await openDemo(api, { as: 'AUD-01' })).byCode('AUD-01');
  const audit = (await call(api, 'audits.list', {})).items.find((a) => /Police/.test(a.title))!;
  const expected = await call(api, 'audits.agreement', { id: audit.id });

  await page.goto(`/#/audits/${audit.id}?tab=agreement`);
  const table = page.getByTestId('agreement-table');
  await expect(table.locator('tbody tr')).toHaveCount(expected.disagreements.length);
  expect(expected.disagreements.length).toBe(6);
  await expect(table.locator('tbody tr[data-disagreement]')).toHaveCount(6);
  await expect(page.getByTestId('disagreement-count')).toHaveText('6');
  await expect(page.getByTestId('kappa')).toHaveText('0.67');
  await expect(page.getByText('Fleiss’ kappa')).toBeVisible();
  await expect(page.getByTestId('percent-agreement')).toHaveText('80%');
  await axe('agreement');

  const first = table.locator('tbody tr').first();
  await press(first.getByRole('button', { name: /^Set result: / }));
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Consolidated result' }).selectOption('non_compliant');
  await typeInto(dialog.getByRole('textbox', { name: 'Note' }), 'Agreed after reviewing the records together.', true);
  await axe('consolidation form');
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toHaveCount(0);
  await expect(first.getByTestId('consolidated')).toHaveText('Non-compliant');
  await expect(first.getByText('Agreed after reviewing the records together.')).toBeVisible();
  // The checklist's "disagreements" filter shows the same criteria (the audit is in review: read-only).
  await press(tab(page, /Checklist/));
  await expect(page.getByText(/The audit is In review/)).toBeVisible();
  await press(page.getByRole('radio', { name: 'Disagreements' }), 'Space');
  await expect(criteria(page)).toHaveCount(6);
  await axe('checklist, disagreements, read-only');
  const results = (await call(api, 'audits.consolidatedResults', { auditId: audit.id })).items;
  expect(results.find((r) => r.note === 'Agreed after reviewing the records together.')).toMatchObject({
    rating: 'non_compliant',
    decidedBy: lead.id,
  });
});

test('a coordinator plans an audit from the keyboard; only the status moves that fit are offered', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await openDemo(api);
  await page.goto('/#/audits');
  // Filters: the demo's two audits; by status, one.
  await expect(page.getByRole('table', { name: 'Audits' }).locator('tbody tr')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('in_review');
  await expect(page.getByRole('table', { name: 'Audits' }).locator('tbody tr')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await typeInto(page.getByRole('searchbox', { name: 'Search audits' }), 'employment');
  await expect(page.getByRole('table', { name: 'Audits' }).locator('tbody tr')).toHaveCount(1);

  await press(page.getByRole('button', { name: 'Plan an audit' }));
  const dialog = page.getByRole('dialog', { name: 'Plan an audit' });
  await typeInto(dialog.getByRole('textbox', { name: 'Title' }), 'Audit of the Library — accessibility');
  await dialog.getByRole('combobox', { name: 'Service' }).selectOption({ index: 1 });
  await dialog.getByRole('combobox', { name: 'Checklist template' }).selectOption({ index: 1 });
  await press(dialog.getByRole('checkbox', { name: 'Interview' }), 'Space');
  await press(dialog.getByRole('checkbox', { name: /AUD-02/ }), 'Space');
  await press(dialog.getByRole('checkbox', { name: /AUD-05/ }), 'Space');
  await dialog.getByRole('combobox', { name: 'Lead auditor' }).selectOption({ label: 'Elena Muestra Ortega (AUD-02)' });
  await axe('plan an audit');
  await press(dialog.getByRole('button', { name: 'Save' }));
  await expect(page.getByRole('heading', { name: 'Audit of the Library — accessibility' })).toBeVisible();
  await expect(page.getByTestId('audit-status')).toHaveText('Planned');
  const moves = page.getByRole('group', { name: 'Status moves' }).getByRole('button');
  await expect(moves).toHaveText(['Start fieldwork']);
  await press(moves.first());
  await expect(page.getByTestId('audit-status')).toHaveText('Fieldwork');
  await expect(moves).toHaveText(['Submit for review']);
  await expect(page.getByText(/AUD-02.*Lead auditor/)).toBeVisible();
});

test('files dropped on the observation form are attached to the entry', async ({ page, request, harness }) => {
  const api = { request, harness };
  const { audit } = await auditInFieldwork(api);
  await page.goto(`/#/audits/${audit.id}?tab=observations`);
  const form = page.getByRole('region', { name: 'New observation' });
  // A drop as the browser delivers it (no mouse: the event carries the files).
  const dataTransfer = await page.evaluateHandle(
    `(() => { const d = new DataTransfer(); d.items.add(new File(['minutes of the visit'], 'minutes.txt', { type: 'text/plain' })); return d; })()`,
  );
  await form.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(form.getByText('minutes.txt')).toBeVisible();
  await typeInto(form.getByRole('textbox', { name: 'What was observed' }), 'Minutes of the visit attached.');
  await press(form.getByRole('button', { name: 'Add observation' }));
  await expect(form.getByText('Observation saved.')).toBeVisible();
  const attachments = (await call(api, 'attachments.list', { auditId: audit.id })).items;
  expect(attachments).toMatchObject([{ fileName: 'minutes.txt', mediaType: 'text/plain', size: 20 }]);
  expect(attachments[0]!.observationId).not.toBeNull();
});

/** A free local port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The harness in a process of its own (so it can be killed), on `port`, over `dataDir`. */
async function startHarnessProcess(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const serve = fileURLToPath(new URL('../harness/serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', serve, '--data', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`harness exited (${code}): ${err}`)));
  });
  return { child, url };
}

async function tokenOf(request: APIRequestContext, url: string): Promise<string> {
  const html = await (await request.get(url)).text();
  return /name="citizen-audit-harness-token" content="([^"]+)"/.exec(html)![1]!;
}

test('killing the core’s process while a note is typed loses nothing acknowledged', async ({ page, request }) => {
  // A folder of its own: the page's fixture harness holds the test's data folder, and a second
  // process on one folder is refused (one writer at a time).
  const dataDir = await mkdtemp(join(tmpdir(), 'citizen-audit-e2e-kill-'));
  const port = await freePort();
  let { child, url } = await startHarnessProcess(dataDir, port);
  try {
    let api: Api = { request, harness: { url, token: await tokenOf(request, url) } };
    const { audit, aud1 } = await auditInFieldwork(api);
    await page.goto(`${url}#/audits/${audit.id}?tab=checklist`);
    const note = criteria(page).first().getByRole('textbox', { name: 'Note' });
    await typeInto(note, 'Generic reasons in most records');
    const state = criteria(page).first().getByTestId('save-state');
    await expect(state).toHaveAttribute('data-state', 'saved');
    // Typing goes on; the core's process dies mid-sentence, and the typing goes on after it.
    await page.keyboard.type(', six');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await page.keyboard.type(' describe appearance');
    await expect(state).toHaveAttribute('data-state', 'error');

    ({ child, url } = await startHarnessProcess(dataDir, port));
    api = { request, harness: { url, token: await tokenOf(request, url) } };
    // What was acknowledged is in the database the new process opened.
    await call(api, 'session.openWorkspace', { workspace: 'demo' });
    const stored = (await call(api, 'audits.answers', { auditId: audit.id, auditorId: aud1.id })).items;
    // (A save may have landed between the first acknowledgement and the kill: then more is there.)
    expect(stored.find((r) => r.note.startsWith('Generic reasons in most records'))).toBeDefined();
    // And what was typed after it comes back from the draft and is saved.
    await page.reload();
    const again = criteria(page).first().getByRole('textbox', { name: 'Note' });
    await expect(again).toHaveValue('Generic reasons in most records, six describe appearance');
    await expect(criteria(page).first().getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    const after = (await call(api, 'audits.answers', { auditId: audit.id, auditorId: aud1.id })).items;
    expect(after.map((r) => r.note)).toContain('Generic reasons in most records, six describe appearance');
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(null)));
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the demo opened with the Spanish interface shows its services and audits in Spanish', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await call(api, 'session.begin', { displayName: 'Ana Coordinadora', role: 'coordinator', code: 'COORD-1' });
  await call(api, 'session.setLanguage', { language: 'es' });
  await page.goto('/');
  await press(page.getByRole('button', { name: 'Abrir el programa de demostración' }));
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  await page.goto('/#/services');
  await expect(page.getByRole('row', { name: /Policía Local — Comisaría Central/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Servicios Municipales de Empleo — Oficina 2/ })).toBeVisible();
  await expect(page.getByText('Local Police — Central Station')).toHaveCount(0);
  await page.goto('/#/audits');
  await expect(page.getByRole('link', { name: 'Auditoría de la Policía Local — Comisaría Central' })).toBeVisible();
  await axe('demo en español: auditorías');
  // A finding of the demo, as the core holds it: in Spanish too.
  const audit = (await call(api, 'audits.list', {})).items.find((a) => /Policía/.test(a.title))!;
  const findings = (await call(api, 'findings.list', { auditId: audit.id })).items.map((f) => f.title);
  expect(findings).toContain('La señalización y la información están solo en español y son en parte inaccesibles');
});

test('an attachment that is not an image opens from the keyboard; in the browser it is downloaded', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  const { audit } = await auditInFieldwork(api);
  const observation = await call(api, 'observations.record', {
    auditId: audit.id,
    observedAt: '2026-03-02T10:00:00.000Z',
    method: 'document_review',
    narrative: 'The complaint register, photographed and scanned.',
  });
  const attach = (fileName: string, text: string) =>
    call(api, 'attachments.add', {
      auditId: audit.id,
      observationId: observation.id,
      fileName,
      contentBase64: Buffer.from(text).toString('base64'),
    });
  await attach('register 2025.txt', 'Complaints received: 14');
  await attach('viewer.exe', 'MZ');

  await page.goto(`/#/audits/${audit.id}?tab=observations`);
  const entry = page.getByTestId('observation-entry').first();
  await press(entry.getByRole('button', { name: 'Show whole entry' }));
  const text = entry.getByTestId('attachment').filter({ hasText: 'register 2025.txt' });
  const downloading = page.waitForEvent('download');
  await press(text.getByRole('button', { name: 'Open register 2025.txt' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('register 2025.txt');
  const saved = await download.path();
  expect(await readFile(saved, 'utf8')).toBe('Complaints received: 14');
  await expect(text.getByTestId('attachment-open-status')).toHaveText(
    'register 2025.txt was downloaded; open it from your downloads.',
  );

  // A program is not handed to anyone: the reason, in the interface language.
  const program = entry.getByTestId('attachment').filter({ hasText: 'viewer.exe' });
  await press(program.getByRole('button', { name: 'Open viewer.exe' }));
  await expect(program.getByTestId('attachment-open-status')).toContainText('Files of this kind (.exe) are not opened');
  await axe('attachments of an observation');
});

test('each checklist answer has its history, and so has the team’s result, from the keyboard', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  const { audit, aud1 } = await auditInFieldwork(api);
  await page.goto(`/#/audits/${audit.id}?tab=checklist`);
  const row = criteria(page).first();
  await expect(row.getByRole('radiogroup')).toBeVisible();
  // No answer yet, no history.
  await expect(row.getByTestId('criterion-history')).toHaveCount(0);
  await row.focus();
  await page.keyboard.press('2');
  await expect(row.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await press(row.getByRole('button', { name: 'Show history' }));
  const mine = row.getByRole('list', { name: 'History of my answer' });
  await expect(mine.locator(':scope > li')).toHaveCount(1);
  await expect(mine).toContainText(`(${aud1.code})`);
  await expect(mine).toContainText('created');

  // A change of the rating shows in the open panel, before → after.
  await row.focus();
  await page.keyboard.press('3');
  await expect(row.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(mine.locator(':scope > li')).toHaveCount(2);
  await expect(mine.locator(':scope > li').first()).toContainText('changed');
  await expect(mine.locator(':scope > li').first()).toContainText('rating');

  // The lead sets the team's result: the criterion shows its history too.
  const criterionId = (await row.getAttribute('data-criterion'))!;
  await call(api, 'audits.consolidate', {
    auditId: audit.id,
    criterionId,
    rating: 'non_compliant',
    note: 'Agreed on site.',
    rev: null,
  });
  await page.reload();
  const again = criteria(page).first();
  const panels = again.getByTestId('criterion-history');
  await expect(panels.getByRole('heading')).toHaveText(['History of my answer', 'History of the team’s result']);
  await press(panels.getByRole('button', { name: 'Show history' }).nth(1));
  const result = again.getByRole('list', { name: 'History of the team’s result' });
  await expect(result.locator(':scope > li')).toHaveCount(1);
  await expect(result).toContainText(aud1.code);
  await expect(result).toContainText('created');
  await press(panels.getByRole('button', { name: 'Show history' }).first());
  await expect(again.getByRole('list', { name: 'History of my answer' }).locator(':scope > li')).toHaveCount(2);
  await axe('checklist, both histories of a criterion open');
});
