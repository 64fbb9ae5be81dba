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
const programme = await core.call('programmes.create', { name: 'Bench', city: 'Bench' });
const auditors: string[] = [];
await time('people.create (auditor)', 200, async (i) => {
  auditors.push(
    (await core.call('people.create', { displayName: `Auditor ${i}`, role: 'auditor', code: `A-${i}` })).id,
  );
});
const service = await core.call('services.create', { programmeId: programme.id, name: 'Front office' });
const template = await core.call('templates.create', { name: { en: 'Bench template' } });
const version = await core.call('templateVersions.create', { templateId: template.id });
const criteria: string[] = [];
await time('sections.create + 10 criteria.create', 6, async (s) => {
  const section = await core.call('sections.create', {
    versionId: version.id,
    position: s,
    title: { en: `Section ${s}` },
  });
  for (let c = 0; c < 10; c++) {
    criteria.push(
      (await core.call('criteria.create', { sectionId: section.id, position: c, text: { en: `Criterion ${s}.${c}` } }))
        .id,
    );
  }
});
await core.call('templateVersions.publish', { id: version.id });
const audit = await core.call('audits.create', {
  programmeId: programme.id,
  serviceId: service.id,
  templateVersionId: version.id,
  title: 'Bench audit',
  methods: ['site_visit'],
  leadId: auditors[0]!,
  teamIds: auditors.slice(0, 3),
});
const ratings = ['compliant', 'partly_compliant', 'non_compliant'] as const;
await time('responses.create', criteria.length * 3, async (i) => {
  await core.call('responses.create', {
    auditId: audit.id,
    criterionId: criteria[i % criteria.length]!,
    auditorId: auditors[Math.floor(i / criteria.length)]!,
    rating: ratings[i % 3]!,
    answeredAt: new Date().toISOString(),
  });
});
await time('observations.create', 300, (i) =>
  core.call('observations.create', {
    auditId: audit.id,
    authorId: auditors[i % 3]!,
    observedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
    method: 'site_visit',
    narrative: `Observation ${i}: `.padEnd(800, 'lorem ipsum '),
    criterionIds: [criteria[i % criteria.length]!],
  }),
);
await time('responses.list (180 rows)', 50, () => core.call('responses.list', { auditId: audit.id }));
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
