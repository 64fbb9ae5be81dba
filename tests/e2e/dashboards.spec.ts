/**
 * The Dashboards screen and the audit's compliance chart in Chromium against the real core over
 * http, on the demo programme as its coordinator: every count and every table view equals what
 * the test counts itself from the list channels (never from the dashboard channels); the overdue
 * measures are marked in words; an audit's compliance table equals its consolidated results;
 * axe finds nothing in English and in Spanish. Set CA_SCREENSHOTS=DIR to save screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { isOverdue } from '../../src/shared/domain/actionPlan';
import type { Paged } from '../../src/shared/domain/common';
import { MEASURE_STATUSES, RATINGS, SEVERITIES } from '../../src/shared/domain/vocabulary';
import { en } from '../../src/shared/i18n/en';
import { call, openDemo, type Api } from './api';
import { expect, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: /Main navigation|Navegación principal/ });

/** Every item of a paged list channel. */
async function all<T>(page: (offset: number) => Promise<Paged<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const p: Paged<T> = await page(offset);
    items.push(...p.items);
    offset = p.next;
  }
  return items;
}

/** The rows of a chart's table view, opened with the keyboard, as text. */
async function tableOf(chart: Locator): Promise<string[][]> {
  const toggle = chart.getByRole('button', { name: /Table view|Vista de tabla/ });
  await toggle.focus();
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const table = chart.getByRole('table');
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

const sorted = (rows: (string | number)[][]): string[][] => rows.map((r) => r.map(String)).sort();

/** What the dashboard should say, counted from the list channels. */
async function expected(api: Api) {
  const audits = await all((offset) => call(api, 'audits.list', { offset }));
  const services = new Map(
    (await all((offset) => call(api, 'services.list', { offset, includeArchived: true }))).map((s) => [s.id, s.name]),
  );
  const grounds = new Map(
    (await all((offset) => call(api, 'grounds.list', { offset }))).map((g) => [g.code, g.label.en ?? g.code]),
  );
  const findings = (
    await Promise.all(
      audits.map(async (a) =>
        (await all((offset) => call(api, 'findings.list', { auditId: a.id, offset }))).map((f) => ({
          ...f,
          service: services.get(a.serviceId)!,
        })),
      ),
    )
  ).flat();
  const measures = await all((offset) => call(api, 'measures.list', { offset }));
  const today = new Date().toISOString().slice(0, 10);
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([k, n]) => [k, n]);
  };
  const withoutGround = findings.filter((f) => f.grounds.length === 0).length;
  return {
    findings: findings.length,
    measures: measures.length,
    overdue: measures.filter((m) => isOverdue(m, today)).map((m) => m.title),
    byGround: [
      ...count(findings.flatMap((f) => f.grounds.map((g) => grounds.get(g) ?? g))),
      ...(withoutGround ? [[en.dashboards.withoutGround, withoutGround]] : []),
    ],
    bySeverity: SEVERITIES.map((s) => [en.vocab.severity[s], findings.filter((f) => f.severity === s).length]),
    byService: count(findings.map((f) => f.service)),
    byStatus: MEASURE_STATUSES.map((s) => [en.vocab.measureStatus[s], measures.filter((m) => m.status === s).length]),
  };
}

test('the dashboard counts what the records hold, in tables too, in English and Spanish', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await openDemo(api);
  const e = await expected(api);
  expect(e.findings).toBeGreaterThan(0);
  expect(e.measures).toBeGreaterThan(0);

  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible();
  await expect(page.getByTestId('count-findings')).toHaveText(String(e.findings));
  await expect(page.getByTestId('count-measures')).toHaveText(String(e.measures));
  await expect(page.getByTestId('count-overdue')).toHaveText(String(e.overdue.length));
  // The charts are drawn (SVG, under the app's CSP), each an image named by its alt text.
  for (const id of ['chart-ground', 'chart-severity', 'chart-service', 'chart-status'])
    await expect(page.getByTestId(id).getByRole('img').locator('svg')).toBeVisible();
  await axe('dashboards, charts');
  if (process.env.CA_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.CA_SCREENSHOTS}/30-dashboards.png`, fullPage: true });

  // Overdue measures: listed, and marked in words.
  const overdue = page.getByTestId('overdue-measure');
  await expect(overdue).toHaveCount(e.overdue.length);
  for (const title of e.overdue) await expect(overdue.filter({ hasText: title })).toContainText('Overdue');

  expect(sorted(await tableOf(page.getByTestId('chart-ground')))).toEqual(sorted(e.byGround));
  expect(await tableOf(page.getByTestId('chart-severity'))).toEqual(e.bySeverity.map((r) => r.map(String)));
  expect(sorted(await tableOf(page.getByTestId('chart-service')))).toEqual(sorted(e.byService));
  expect(await tableOf(page.getByTestId('chart-status'))).toEqual(e.byStatus.map((r) => r.map(String)));

  // An indicator over time: its recorded values by date, as the measure's progress says.
  const measures = await all((offset) => call(api, 'measures.list', { offset }));
  const indicator = page.getByRole('combobox', { name: 'Measure' });
  const pickedTitle = await indicator.locator('option:checked').textContent();
  const picked = measures.find((m) => m.title === pickedTitle)!;
  const progress = await all((offset) => call(api, 'measures.progress', { measureId: picked.id, offset }));
  const dates = new Set(progress.filter((p) => p.indicatorValue !== null).map((p) => p.date));
  const rows = await tableOf(page.getByTestId('chart-indicator'));
  expect(rows.filter((r) => r[0] === 'Recorded value')).toHaveLength(dates.size);
  expect(rows.some((r) => r[0] === 'Target')).toBe(picked.target !== null);
  await axe('dashboards, table views');

  await call(api, 'session.setLanguage', { language: 'es' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Paneles', level: 1 })).toBeVisible();
  await expect(page.getByTestId('count-findings')).toHaveText(String(e.findings));
  await expect(page.getByTestId('overdue-measure').first()).toContainText('Vencida');
  await axe('dashboards (es)');
  await tableOf(page.getByTestId('chart-status'));
  await axe('dashboards (es), table view');
});

test("an audit's Overview shows its compliance per section, as its consolidated results say", async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await openDemo(api);
  const audits = await all((offset) => call(api, 'audits.list', { offset }));
  let checked = 0;
  for (const audit of audits) {
    const results = await all((offset) => call(api, 'audits.consolidatedResults', { auditId: audit.id, offset }));
    if (results.length === 0) continue;
    const checklist = await call(api, 'templateVersions.checklist', { id: audit.templateVersionId });
    const want = checklist.sections.map((s) => {
      const ratings = s.criteria.map((c) => results.find((r) => r.criterionId === c.id)?.rating ?? null);
      return [
        s.title.en ?? '',
        ...RATINGS.map((r) => ratings.filter((x) => x === r).length),
        ratings.filter((x) => x === null).length,
        ratings.length,
      ].map(String);
    });
    await page.goto(`/#/audits/${audit.id}`);
    await expect(page.getByRole('heading', { name: audit.title, level: 1 })).toBeVisible();
    const chart = page.getByTestId('chart-compliance');
    await expect(chart.getByRole('heading', { name: 'Compliance per section' })).toBeVisible();
    await expect(chart.getByRole('img').locator('svg')).toBeVisible();
    await expect(page.getByTestId('compliance-results')).toHaveText(`${results.length} consolidated results`);
    if (process.env.CA_SCREENSHOTS && checked === 0)
      await page.screenshot({ path: `${process.env.CA_SCREENSHOTS}/31-audit-compliance.png`, fullPage: true });
    expect(await tableOf(chart)).toEqual(want);
    await axe('audit overview, compliance table');
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
});

test("a manager's dashboard counts only the findings of the services they manage", async ({
  page,
  request,
  harness,
}) => {
  const api = { request, harness };
  await openDemo(api);
  // Counted as the coordinator, who sees every finding: those of the manager's services.
  const services = await all((offset) => call(api, 'services.list', { offset }));
  const managerId = services.find((s) => s.managerId !== null)!.managerId!;
  const theirs = new Map(services.filter((s) => s.managerId === managerId).map((s) => [s.id, s.name]));
  const audits = (await all((offset) => call(api, 'audits.list', { offset }))).filter((a) => theirs.has(a.serviceId));
  const byService = new Map<string, number>();
  for (const a of audits) {
    const n = (await all((offset) => call(api, 'findings.list', { auditId: a.id, offset }))).length;
    if (n > 0) byService.set(theirs.get(a.serviceId)!, (byService.get(theirs.get(a.serviceId)!) ?? 0) + n);
  }
  const total = [...byService.values()].reduce((a, b) => a + b, 0);
  const everyone = (
    await Promise.all(
      (await all((offset) => call(api, 'audits.list', { offset }))).map(
        async (a) => (await all((offset) => call(api, 'findings.list', { auditId: a.id, offset }))).length,
      ),
    )
  ).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(everyone);

  await call(api, 'session.setCurrentPerson', { personId: managerId });
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByText('Findings of the services you manage')).toBeVisible();
  await expect(page.getByTestId('count-findings')).toHaveText(String(total));
  expect(sorted(await tableOf(page.getByTestId('chart-service')))).toEqual(sorted([...byService]));
});

test('a programme without findings or measures shows what is missing, not blank charts', async ({
  page,
  request,
  harness,
  axe,
}) => {
  const api = { request, harness };
  await call(api, 'session.begin', { displayName: 'Ana Coordinator', role: 'coordinator', code: 'C-1' });
  await call(api, 'programme.setUp', { name: 'New programme', city: 'Getafe' });
  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByTestId('count-findings')).toHaveText('0');
  for (const id of ['chart-ground', 'chart-severity', 'chart-service'])
    await expect(page.getByTestId(id).getByTestId('chart-empty')).toHaveText(en.dashboards.noFindings);
  await expect(page.getByTestId('chart-status').getByTestId('chart-empty')).toHaveText(en.dashboards.noMeasures);
  await expect(page.getByRole('img')).toHaveCount(0);
  await expect(page.getByText(en.dashboards.overdueNone)).toBeVisible();
  await expect(page.getByText(en.dashboards.noIndicators)).toBeVisible();
  await axe('dashboards, empty');
});
