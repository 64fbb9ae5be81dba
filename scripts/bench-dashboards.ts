/**
 * Benchmark of the dashboard queries (docs/dashboards.md) on a programme of 50 audits, 2,000
 * findings (with their grounds), 2,000 consolidated results, 500 measures and 5,000 progress
 * updates. The people, services and checklist are made through the API; the bulk rows are
 * inserted with plain SQL into the same database (made by the core's migrations), in one
 * transaction. Each channel's p50 and p95 through the core (dispatcher included) is printed
 * beside the time to read the same rows with plain `SELECT *`s on a second connection, the two
 * timed in turns in the same run, with the ratio of the p95s. Prints figures; asserts nothing. Run: `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/open';
import { DEFAULT_GROUNDS, MEASURE_STATUSES, RATINGS, SEVERITIES } from '../src/shared/domain/vocabulary';

const AUDITS = 50;
const FINDINGS = 2_000;
const MEASURES = 500;
const UPDATES = 5_000;
const SECTIONS = 4;
const CRITERIA_PER_SECTION = 10;
const RUNS = 60;

const dataDir = mkdtempSync(join(tmpdir(), 'ca-bench-dash-'));
const file = join(dataDir, 'citizen-audit.sqlite');

/** A small deterministic generator, so every run builds the same programme. */
let seed = 42;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const day = (base: string, plus: number): string =>
  new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

// The people, services and checklist, through the API.
let core: Core = openCore({ dataDir });
const begun = await core.call('session.begin', { displayName: 'Bench', role: 'coordinator', code: 'BENCH' });
const coordinatorId = begun.currentPerson!.id;
await core.call('programme.setUp', { name: 'Bench', city: 'Bench' });
const managers: string[] = [];
for (let i = 0; i < 5; i++)
  managers.push(
    (await core.call('people.create', { displayName: `Manager ${i}`, role: 'manager', code: `M-${i}` })).id,
  );
const services: string[] = [];
for (let i = 0; i < 10; i++)
  services.push((await core.call('services.create', { name: `Service ${i}`, managerId: managers[i % 5]! })).id);
const { version } = await core.call('templates.create', { name: { en: 'Bench template' } });
const criteria: string[] = [];
for (let s = 0; s < SECTIONS; s++) {
  const section = await core.call('sections.add', { versionId: version.id, title: { en: `Section ${s}` } });
  for (let c = 0; c < CRITERIA_PER_SECTION; c++)
    criteria.push((await core.call('criteria.add', { sectionId: section.id, text: { en: `Criterion ${s}.${c}` } })).id);
}
await core.call('templateVersions.publish', { id: version.id, rev: version.rev });
core.close();

// The bulk rows, with plain SQL, in one transaction.
const tFill = performance.now();
const db = openDatabase(file);
const at = '2026-01-01T09:00:00.000Z';
const meta = [at, at, coordinatorId, coordinatorId] as const;
const insert = {
  audit: db.prepare(
    `INSERT INTO audit (id, service_id, template_version_id, title, scope, methods, status, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, '', '["site_visit"]', 'reported', ?, ?, ?, ?)`,
  ),
  result: db.prepare(
    `INSERT INTO consolidated_result (id, audit_id, criterion_id, rating, note, decided_by, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  ),
  finding: db.prepare(
    `INSERT INTO finding (id, audit_id, title, criterion, condition, cause, effect, severity, type, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, '', '', '', '', ?, 'structural', ?, ?, ?, ?)`,
  ),
  ground: db.prepare(`INSERT INTO finding_ground (finding_id, ground_code, position) VALUES (?, ?, ?)`),
  measure: db.prepare(
    `INSERT INTO measure (id, title, description, action_area, department, responsible_id, start_date, due_date, indicator, baseline, target, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, '', 'services_to_citizens', 'Department', ?, '2025-06-01', ?, 'Indicator', 0, 100, ?, ?, ?, ?)`,
  ),
  progress: db.prepare(
    `INSERT INTO progress_update (id, measure_id, date, status, indicator_value, note, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, 'Progress', ?, ?, ?, ?)`,
  ),
};
const audits: string[] = [];
const grounds = DEFAULT_GROUNDS.map((g) => g.code);
db.transaction(() => {
  for (let a = 0; a < AUDITS; a++) {
    const id = crypto.randomUUID();
    audits.push(id);
    insert.audit.run(id, services[a % services.length], version.id, `Audit ${a}`, ...meta);
    for (const c of criteria) insert.result.run(crypto.randomUUID(), id, c, pick(RATINGS), coordinatorId, ...meta);
  }
  for (let f = 0; f < FINDINGS; f++) {
    const id = crypto.randomUUID();
    insert.finding.run(id, audits[f % AUDITS], `Finding ${f}`, pick(SEVERITIES), ...meta);
    const first = pick(grounds);
    insert.ground.run(id, first, 0);
    if (f % 2 === 0) insert.ground.run(id, pick(grounds.filter((g) => g !== first)), 1);
  }
  for (let m = 0; m < MEASURES; m++) {
    const id = crypto.randomUUID();
    insert.measure.run(id, `Measure ${m}`, pick(managers), day('2025-09-01', Math.floor(random() * 700)), ...meta);
    for (let u = 0; u < UPDATES / MEASURES; u++)
      insert.progress.run(
        crypto.randomUUID(),
        id,
        day('2025-07-01', u * 30),
        pick(MEASURE_STATUSES.filter((s) => s !== 'not_started')),
        Math.round(random() * 100),
        ...meta,
      );
  }
})();
db.close();
const fillMs = performance.now() - tFill;

core = openCore({ dataDir });
await core.call('session.setCurrentPerson', { personId: coordinatorId });
const plain = openDatabase(file, { readonly: true });

type Percentiles = { p50: number; p95: number };
const percentiles = (times: number[]): Percentiles => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(RUNS * 0.5)]!, p95: sorted[Math.min(RUNS - 1, Math.floor(RUNS * 0.95))]! };
};
/**
 * p50 and p95 of RUNS timed runs of `api` and of `plain`, taken in turns (after one untimed
 * warm-up of each), so a busy moment of the machine falls on both alike.
 */
async function paired(api: () => unknown, plain: () => unknown): Promise<{ api: Percentiles; plain: Percentiles }> {
  await api();
  await plain();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await api();
    a.push(performance.now() - t);
    t = performance.now();
    await plain();
    b.push(performance.now() - t);
  }
  return { api: percentiles(a), plain: percentiles(b) };
}

// The rows each dashboard counts, read whole.
const selectAll = (sql: string) => plain.prepare(sql);
const programmeRows = [
  'SELECT * FROM finding',
  'SELECT * FROM finding_ground',
  'SELECT * FROM audit',
  'SELECT * FROM service',
  'SELECT * FROM measure',
  'SELECT * FROM progress_update',
].map(selectAll);
const auditRows = [
  selectAll('SELECT * FROM template_section WHERE version_id = ?'),
  selectAll('SELECT * FROM criterion WHERE section_id IN (SELECT id FROM template_section WHERE version_id = ?)'),
];
const auditResults = selectAll('SELECT * FROM consolidated_result WHERE audit_id = ?');
let n = 0;

const check = await core.call('dashboards.programme', {});
const rows: { label: string; api: Percentiles; plain: Percentiles }[] = [];
const readProgramme = () => programmeRows.map((st) => st.all());
rows.push({
  label: 'dashboards.programme (coordinator)',
  ...(await paired(() => core.call('dashboards.programme', {}), readProgramme)),
});
rows.push({
  label: 'dashboards.audit',
  ...(await paired(
    () => core.call('dashboards.audit', { auditId: audits[n % AUDITS]! }),
    () => {
      for (const st of auditRows) st.all(version.id);
      auditResults.all(audits[n++ % AUDITS]);
    },
  )),
});
await core.call('session.setCurrentPerson', { personId: managers[0]! });
const managed = await core.call('dashboards.programme', {});
rows.push({
  label: 'dashboards.programme (a manager)',
  ...(await paired(() => core.call('dashboards.programme', {}), readProgramme)),
});
core.close();
plain.close();
rmSync(dataDir, { recursive: true, force: true });

const pad = (s: string, w: number) => s.padEnd(w);
const num = (x: number) => x.toFixed(2).padStart(7);
console.log(
  `\nDashboards: ${AUDITS} audits, ${check.findings.toLocaleString('en')} findings, ${(AUDITS * criteria.length).toLocaleString('en')} consolidated results, ${check.measures} measures, ${check.indicators.reduce((t, i) => t + i.points.length, 0).toLocaleString('en')} progress updates (${check.overdue.length} measures overdue; a manager's scope: ${managed.findings} findings); rows written in ${(fillMs / 1000).toFixed(1)} s`,
);
console.log(
  `${pad('p50 / p95 in ms', 36)} ${'API'.padStart(17)}   ${'plain SELECT *'.padStart(17)} ${'ratio p95'.padStart(10)}`,
);
for (const r of rows)
  console.log(
    `${pad(r.label, 36)} ${num(r.api.p50)} /${num(r.api.p95)}   ${num(r.plain.p50)} /${num(r.plain.p95)} ${(r.api.p95 / r.plain.p95).toFixed(2).padStart(9)}×`,
  );
