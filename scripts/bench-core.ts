/**
 * Benchmark of the core's common operations through the API contract, on a temporary database.
 * Prints figures; asserts nothing. Run: `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../src/main/core';

const dataDir = mkdtempSync(join(tmpdir(), 'ca-bench-'));
const core = openCore({ dataDir });
const rows: [string, number, number][] = [];

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  rows.push([label, n, performance.now() - t0]);
}

const t0 = performance.now();
await core.call('session.begin', { displayName: 'Bench', role: 'coordinator', code: 'BENCH' });
await core.call('programme.setUp', { name: 'Bench', city: 'Bench' });
const auditors: string[] = [];
await time('people.create (auditor)', 200, async (i) => {
  auditors.push(
    (await core.call('people.create', { displayName: `Auditor ${i}`, role: 'auditor', code: `A-${i}` })).id,
  );
});
const service = await core.call('services.create', { name: 'Front office' });
const { version } = await core.call('templates.create', { name: { en: 'Bench template' } });
const criteria: string[] = [];
await time('sections.add + 10 criteria.add', 6, async (s) => {
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
const ratings = ['compliant', 'partly_compliant', 'non_compliant'] as const;
// Each auditor answers the whole checklist as themselves (the session switches once per auditor).
for (const [a, auditorId] of auditors.slice(0, 3).entries()) {
  await core.call('session.setCurrentPerson', { personId: auditorId });
  await time(`audits.recordAnswer (auditor ${a + 1})`, criteria.length, async (i) => {
    await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: criteria[i]!,
      rating: ratings[(i + a) % 3]!,
      rev: null,
    });
  });
}
await time('observations.record', 300, (i) =>
  core.call('observations.record', {
    auditId: audit.id,
    observedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
    method: 'site_visit',
    narrative: `Observation ${i}: `.padEnd(800, 'lorem ipsum '),
    criterionIds: [criteria[i % criteria.length]!],
  }),
);
await time('audits.answers (180 rows)', 50, () => core.call('audits.answers', { auditId: audit.id }));
await time('observations.list (300 rows)', 20, () => core.call('observations.list', { auditId: audit.id }));
await time('audits.agreement', 50, () => core.call('audits.agreement', { id: audit.id }));
await time('people.list (201 rows)', 50, () => core.call('people.list', {}));
await time('history.list (200 rows)', 50, () => core.call('history.list', { limit: 200 }));
const tDemo = performance.now();
await core.call('session.openWorkspace', { workspace: 'demo' });
const demoMs = performance.now() - tDemo;

console.log('operation'.padEnd(40), 'count'.padStart(6), 'total ms'.padStart(10), 'ms/op'.padStart(8));
for (const [label, n, ms] of rows) {
  console.log(label.padEnd(40), String(n).padStart(6), ms.toFixed(0).padStart(10), (ms / n).toFixed(2).padStart(8));
}
console.log('session.openWorkspace demo (first open)'.padEnd(40), '1'.padStart(6), demoMs.toFixed(0).padStart(10));
console.log(`total ${(performance.now() - t0).toFixed(0)} ms`);
core.close();
rmSync(dataDir, { recursive: true, force: true });
