/**
 * Benchmark of the core's common operations through the API contract, on a temporary database.
 * Each figure is printed beside a baseline measured in the same run — the same rows written or
 * read with plain SQLite statements on a database opened the same way — so the ratio (the cost
 * of validation, rules, history and the envelope) holds on a noisy machine. Prints figures;
 * asserts nothing. Run: `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/open';
import { startCoreHost } from '../src/main/core/host/client';

const dataDir = mkdtempSync(join(tmpdir(), 'ca-bench-'));
const core = openCore({ dataDir });
const raw = openDatabase(join(mkdtempSync(join(tmpdir(), 'ca-bench-raw-')), 'raw.sqlite'));
const rows: { label: string; n: number; ms: number; baseline?: { label: string; ms: number } }[] = [];

async function time(n: number, fn: (i: number) => unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return performance.now() - t0;
}

/** Times `fn` n times, and `base` n times right after, as its baseline. */
async function measure(
  label: string,
  n: number,
  fn: (i: number) => unknown,
  baseline?: { label: string; fn: (i: number) => unknown },
): Promise<void> {
  const ms = await time(n, fn);
  rows.push({
    label,
    n,
    ms,
    ...(baseline ? { baseline: { label: baseline.label, ms: await time(n, baseline.fn) } } : {}),
  });
}

const now = () => new Date().toISOString();
const t0 = performance.now();
const { currentPerson: coordinator } = await core.call('session.begin', {
  displayName: 'Bench',
  role: 'coordinator',
  code: 'BENCH',
});
await core.call('programme.setUp', { name: 'Bench', city: 'Bench' });

// Baselines write the same rows into the same tables (with their indexes) of a second database
// opened the same way, one plain INSERT each, each its own commit as each API call is. Foreign
// keys are off there: the rows they point to live in the other database.
raw.pragma('foreign_keys = OFF');
const rawPerson = raw.prepare(
  `INSERT INTO person (id, display_name, role, code, email, organisation, created_at, updated_at) VALUES (?, ?, 'auditor', ?, '', '', ?, ?)`,
);
const auditors: string[] = [];
await measure(
  'people.create (auditor)',
  200,
  async (i) => {
    auditors.push(
      (await core.call('people.create', { displayName: `Auditor ${i}`, role: 'auditor', code: `A-${i}` })).id,
    );
  },
  { label: 'INSERT person', fn: (i) => rawPerson.run(crypto.randomUUID(), `Auditor ${i}`, `A-${i}`, now(), now()) },
);
const service = await core.call('services.create', { name: 'Front office' });
const { version } = await core.call('templates.create', { name: { en: 'Bench template' } });
const criteria: string[] = [];
await measure('sections.add + 10 criteria.add', 6, async (s) => {
  const section = await core.call('sections.add', { versionId: version.id, title: { en: `Section ${s}` } });
  for (let c = 0; c < 10; c++) {
    criteria.push((await core.call('criteria.add', { sectionId: section.id, text: { en: `Criterion ${s}.${c}` } })).id);
  }
});
await core.call('templateVersions.publish', { id: version.id, rev: version.rev });
const planned = await core.call('audits.plan', {
  serviceId: service.id,
  templateVersionId: version.id,
  title: 'Bench audit',
  methods: ['site_visit'],
  leadId: auditors[0]!,
  teamIds: auditors.slice(0, 3),
});
const audit = await core.call('audits.startFieldwork', { id: planned.id, rev: planned.rev });

const rawResponse = raw.prepare(
  `INSERT INTO response (id, audit_id, criterion_id, auditor_id, rating, note, answered_at, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
);
const ratings = ['compliant', 'partly_compliant', 'non_compliant'] as const;
// Each auditor answers the whole checklist as themselves (the session switches once per auditor).
for (const [a, auditorId] of auditors.slice(0, 3).entries()) {
  await core.call('session.setCurrentPerson', { personId: auditorId });
  await measure(
    `audits.recordAnswer (auditor ${a + 1})`,
    criteria.length,
    (i) =>
      core.call('audits.recordAnswer', {
        auditId: audit.id,
        criterionId: criteria[i]!,
        rating: ratings[(i + a) % 3]!,
        rev: null,
      }),
    {
      label: 'INSERT response',
      fn: (i) =>
        rawResponse.run(
          crypto.randomUUID(),
          audit.id,
          criteria[i],
          auditorId,
          ratings[(i + a) % 3],
          now(),
          now(),
          now(),
        ),
    },
  );
}
const rawObservation = raw.prepare(
  `INSERT INTO observation (id, audit_id, author_id, observed_at, location, method, narrative, personal_data, created_at, updated_at)
   VALUES (?, ?, ?, ?, '', 'site_visit', ?, 0, ?, ?)`,
);
const narrative = (i: number) => `Observation ${i}: `.padEnd(800, 'lorem ipsum ');
await measure(
  'observations.record',
  300,
  (i) =>
    core.call('observations.record', {
      auditId: audit.id,
      observedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
      method: 'site_visit',
      narrative: narrative(i),
      criterionIds: [criteria[i % criteria.length]!],
    }),
  {
    label: 'INSERT observation',
    fn: (i) => rawObservation.run(crypto.randomUUID(), audit.id, auditors[2], now(), narrative(i), now(), now()),
  },
);

// Reads: the same rows with a plain SELECT on a second connection to the same database.
const db = openDatabase(join(dataDir, 'citizen-audit.sqlite'));
const select = (sql: string, ...params: unknown[]) => {
  const statement = db.prepare(sql);
  return () => statement.all(...params);
};
await measure('audits.answers (180 rows)', 50, () => core.call('audits.answers', { auditId: audit.id }), {
  label: 'SELECT * response',
  fn: select(`SELECT * FROM response WHERE audit_id = ? AND archived_at IS NULL`, audit.id),
});
await measure(
  'observations.list (200/300, excerpts)',
  20,
  () => core.call('observations.list', { auditId: audit.id }),
  {
    label: 'SELECT * observation',
    fn: select(`SELECT * FROM observation WHERE audit_id = ? AND archived_at IS NULL`, audit.id),
  },
);
await measure('audits.agreement', 50, () => core.call('audits.agreement', { id: audit.id }), {
  label: 'SELECT * response',
  fn: select(`SELECT * FROM response WHERE audit_id = ? AND archived_at IS NULL`, audit.id),
});
await measure('people.list (204 rows)', 50, () => core.call('people.list', {}), {
  label: 'SELECT * person',
  fn: select(`SELECT * FROM person WHERE archived_at IS NULL ORDER BY display_name`),
});
// The whole history is the coordinator's to read (docs/roles.md); the writes above ran as auditors.
await core.call('session.setCurrentPerson', { personId: coordinator!.id });
await measure('history.list (200 rows)', 50, () => core.call('history.list', { limit: 200 }), {
  label: 'SELECT * history',
  fn: select(`SELECT * FROM history ORDER BY seq DESC LIMIT 200`),
});
db.close();

// The observation log at 100,000 entries: full-text search (FTS5) beside the same query done with
// LIKE on the same connection, and the first page of the list. Entries are written straight into
// the core's database in one transaction (the triggers of migration 0050 index them as they go).
const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 100_000);
const logAudit = await core.call('audits.plan', {
  serviceId: service.id,
  templateVersionId: version.id,
  title: 'Bench log',
  methods: ['site_visit', 'interview'],
  leadId: auditors[0]!,
  teamIds: auditors.slice(0, 3),
});
await core.call('audits.startFieldwork', { id: logAudit.id, rev: logAudit.rev });
const words =
  'desk queue officer leaflet notice waiting form appointment interpreter complaint ramp counter signage identity document residence card passport register office staff window phone website minutes visit morning afternoon'.split(
    ' ',
  );
/** Words that occur rarely: one entry in 100 says "policía", one in 1,000 "kärsimätön", one in 10,000 Arabic. */
const rare = (i: number) =>
  `${i % 100 === 0 ? ' La policía pidió el pasaporte.' : ''}${i % 1000 === 0 ? ' Virkailija oli kärsimätön.' : ''}${i % 10_000 === 0 ? ' لم يكن هناك مترجم' : ''}`;
const logDb = openDatabase(join(dataDir, 'citizen-audit.sqlite'));
const tFill = performance.now();
const insertObservation = logDb.prepare(
  `INSERT INTO observation (id, audit_id, author_id, observed_at, location, method, narrative, personal_data, created_at, updated_at, created_by, updated_by)
   VALUES (?, ?, ?, ?, ?, 'site_visit', ?, 0, ?, ?, ?, ?)`,
);
logDb.transaction(() => {
  for (let i = 0; i < OBSERVATIONS; i++) {
    const text = Array.from({ length: 45 }, (_, k) => words[(i * 7 + k * 13 + ((i * k) % 11)) % words.length]).join(
      ' ',
    );
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    insertObservation.run(
      crypto.randomUUID(),
      logAudit.id,
      auditors[i % 3],
      at,
      `Office ${i % 40}`,
      `Entry ${i}: ${text}.${rare(i)}`,
      at,
      at,
      auditors[i % 3],
      auditors[i % 3],
    );
  }
})();
const fillMs = performance.now() - tFill;

/** p50 and p95 of `n` timed runs of `fn`, in ms. */
async function percentiles(n: number, fn: () => unknown): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)]!, p95: times[Math.min(n - 1, Math.floor(n * 0.95))]! };
}
const likePage = logDb.prepare(
  `SELECT id, substr(narrative, 1, 240) FROM observation
    WHERE audit_id = ? AND archived_at IS NULL AND (narrative LIKE ? OR location LIKE ?)
    ORDER BY observed_at DESC LIMIT 51`,
);
const searchRows: {
  label: string;
  api: { p50: number; p95: number };
  like: { p50: number; p95: number };
  hits: number;
}[] = [];
for (const [label, query, like] of [
  ['"policia" (1 in 100)', 'policia', '%policía%'],
  ['"karsimaton" (1 in 1,000)', 'karsimaton', '%kärsimätön%'],
  ['Arabic word (1 in 10,000)', 'مترجم', '%مترجم%'],
  ['"interpreter" (common)', 'interpreter', '%interpreter%'],
] as const) {
  const hits = (await core.call('observations.search', { auditId: logAudit.id, query, limit: 50 })).items.length;
  searchRows.push({
    label,
    hits,
    api: await percentiles(40, () => core.call('observations.search', { auditId: logAudit.id, query, limit: 50 })),
    like: await percentiles(40, () => likePage.all(logAudit.id, like, like)),
  });
}
const firstPage = await percentiles(40, () => core.call('observations.list', { auditId: logAudit.id, limit: 50 }));
const newestFirst = await percentiles(40, () =>
  core.call('observations.search', { auditId: logAudit.id, query: '', limit: 50 }),
);
const plainPage = await percentiles(40, () =>
  logDb
    .prepare(`SELECT * FROM observation WHERE audit_id = ? AND archived_at IS NULL ORDER BY observed_at LIMIT 51`)
    .all(logAudit.id),
);
logDb.close();

// The worker thread that hosts the core in the app: a call there, against the same call in-process.
const host = startCoreHost({
  workerFile: new URL('../src/main/core/host/worker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
  dataDir: mkdtempSync(join(tmpdir(), 'ca-bench-worker-')),
});
await host.ready();
await measure('session.get in the worker thread', 500, () => host.dispatch('session.get', {}), {
  label: 'session.get in-process',
  fn: () => core.dispatch('session.get', {}),
});
await host.close();

const tDemo = performance.now();
await core.call('session.openWorkspace', { workspace: 'demo' });
const demoMs = performance.now() - tDemo;

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, n = 8) => x.toFixed(2).padStart(n);
console.log(
  `${pad('operation', 38)} ${'count'.padStart(5)} ${'ms/op'.padStart(8)}   ${pad('baseline (same run)', 24)} ${'ms/op'.padStart(8)} ${'ratio'.padStart(7)}`,
);
for (const r of rows) {
  const base = r.baseline
    ? `${pad(r.baseline.label, 24)} ${num(r.baseline.ms / r.n)} ${(r.ms / r.baseline.ms).toFixed(1).padStart(6)}×`
    : pad('—', 24);
  console.log(`${pad(r.label, 38)} ${String(r.n).padStart(5)} ${num(r.ms / r.n)}   ${base}`);
}
console.log(`${pad('session.openWorkspace demo (first open)', 38)} ${'1'.padStart(5)} ${num(demoMs)}   —`);
console.log(
  `\nObservation log, ${OBSERVATIONS.toLocaleString('en')} entries (written in ${(fillMs / 1000).toFixed(1)} s, indexed by the triggers); p50 / p95 in ms`,
);
console.log(
  `${pad('search, first page of 50', 38)} ${'hits'.padStart(5)} ${'FTS5 (API)'.padStart(17)}   ${'LIKE (plain SQL)'.padStart(17)} ${'LIKE/FTS p95'.padStart(12)}`,
);
for (const r of searchRows) {
  console.log(
    `${pad(r.label, 38)} ${String(r.hits).padStart(5)} ${`${num(r.api.p50, 7)} /${num(r.api.p95, 7)}`}   ${`${num(r.like.p50, 7)} /${num(r.like.p95, 7)}`} ${(r.like.p95 / r.api.p95).toFixed(1).padStart(11)}×`,
  );
}
console.log(
  `${pad('observations.list, first page (50)', 38)} ${''.padStart(5)} ${`${num(firstPage.p50, 7)} /${num(firstPage.p95, 7)}`}   ${`${num(plainPage.p50, 7)} /${num(plainPage.p95, 7)}`} (SELECT * LIMIT 51)`,
);
console.log(
  `${pad('observations.search, no query (50)', 38)} ${''.padStart(5)} ${`${num(newestFirst.p50, 7)} /${num(newestFirst.p95, 7)}`}`,
);
const { keypressToList } = await import('./bench-browser');
console.log(await keypressToList().catch((e: unknown) => `keypress → list: failed (${String(e)})`));
console.log(`total ${(performance.now() - t0).toFixed(0)} ms`);
core.close();
raw.close();
rmSync(dataDir, { recursive: true, force: true });
