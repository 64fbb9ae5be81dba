/**
 * The Reports screen in Chromium against the real core over http: pick the report, the audit,
 * the language and the options, build it with progress shown, then get the file (the harness has
 * no shell, so the core answers the bytes and the screen offers them as a download); axe passes on
 * the screen before and after. Set CA_SCREENSHOTS=DIR to save a screenshot of it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { readDocx } from '../integration/helpers/docx';
import { call } from './api';
import { expect, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });

test('builds the audit report of the demo in Spanish and offers the file', async ({ page, request, harness, axe }) => {
  await call({ request, harness }, 'session.begin', {
    displayName: 'Ana Coordinator',
    role: 'coordinator',
    code: 'C-1',
  });
  await call({ request, harness }, 'session.openWorkspace', { workspace: 'demo' });
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: 'Audit recommendations report' }).check();
  const audit = page.getByRole('combobox', { name: 'Audit' });
  await audit.selectOption({ label: 'Audit of the Local Police — Central Station' });
  await page.getByRole('combobox', { name: 'Report language' }).selectOption('es');
  await page.getByLabel('Report date').fill('2026-03-31');
  await expect(page.getByRole('checkbox', { name: 'Include personal data' })).not.toBeChecked();
  await axe('reports screen');

  await page.getByRole('button', { name: 'Build and save…' }).click();
  await expect(page.getByTestId('report-ready')).toContainText(
    'audit-report-local-police-central-station-2026-03-31-es.docx',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('audit-report-local-police-central-station-2026-03-31-es.docx');
  const d = await readDocx(await readFile((await file.path())!));
  expect(d.text.includes('Informe de recomendaciones de la auditoría')).toBe(true);
  expect(d.styles.includes('<w:lang w:val="es-ES"')).toBe(true);
  await axe('reports screen, report ready');
  if (process.env.CA_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.CA_SCREENSHOTS}/20-reports.png`, fullPage: true });

  // The plan needs no audit: the audit picker goes away.
  await page.getByRole('radio', { name: 'Local Action Plan' }).check();
  await expect(audit).toHaveCount(0);
  await page.getByRole('button', { name: 'Build and save…' }).click();
  await expect(page.getByTestId('report-ready')).toContainText('local-action-plan-');
});
