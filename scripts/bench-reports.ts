/**
 * Benchmark of the Word reports on a large audit (300 criteria, 200 findings, 5,000 observations,
 * 20 images), made through the API: the time of `reports.generate`, the process's peak memory, and
 * — as the baseline of the same run — the time docx's Packer takes to pack the same document
 * prebuilt, so our own cost (queries, builders, charts) reads as a ratio. Prints; asserts nothing.
 * Run: `npm run bench` (after bench-core), or `tsx scripts/bench-reports.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { openCore } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/open';
import { buildReport } from '../src/main/core/reports/generate';
import { packReport } from '../src/main/core/reports/document';
import { ReportGenerate } from '../src/shared/domain/report';

const CRITERIA = 300;
const FINDINGS = 200;
const OBSERVATIONS = Number(process.env.CA_BENCH_OBSERVATIONS ?? 5000);
const IMAGES = 20;

// `--measure <data folder> <audit id>`: the report run, in its own process (see measureReport).
const measureAt = process.argv.indexOf('--measure');
if (measureAt >= 0) {
  const [dir, id] = [process.argv[measureAt + 1]!, process.argv[measureAt + 2]!];
  console.log(JSON.stringify(await measureReport(dir, id, process.argv.includes('--warm'))));
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ca-bench-reports-'));
const core = openCore({ dataDir });
const t0 = performance.now();

const coordinator = await core.call('session.begin', { displayName: 'Bench', role: 'coordinator', code: 'BENCH' });
await core.call('programme.setUp', { name: 'Bench programme', city: 'Bench' });
const auditors = [];
for (let i = 0; i < 3; i++)
  auditors.push(await core.call('people.create', { displayName: `Auditor ${i}`, role: 'auditor', code: `AUD-${i}` }));
const service = await core.call('services.create', { name: 'Front office of the town hall' });
const { version } = await core.call('templates.create', { name: { en: 'Large checklist', es: 'Lista grande' } });
const criteria: string[] = [];
for (let s = 0; s < 15; s++) {
  const section = await core.call('sections.add', {
    versionId: version.id,
    title: { en: `Section ${s + 1}`, es: `Sección ${s + 1}` },
  });
  for (let c = 0; c < CRITERIA / 15; c++)
    criteria.push(
      (
        await core.call('criteria.add', {
          sectionId: section.id,
          text: {
            en: `Criterion ${s + 1}.${c + 1}: staff treat every person equally`,
            es: `Criterio ${s + 1}.${c + 1}`,
          },
          reference: 'Law 15/2022, art. 9',
        })
      ).id,
    );
}
await core.call('templateVersions.publish', { id: version.id, rev: version.rev });
const planned = await core.call('audits.plan', {
  serviceId: service.id,
  templateVersionId: version.id,
  title: 'Large audit',
  methods: ['site_visit', 'interview'],
  leadId: auditors[0]!.id,
  teamIds: auditors.map((a) => a.id),
});
const audit = await core.call('audits.startFieldwork', { id: planned.id, rev: planned.rev });
const ratings = ['compliant', 'partly_compliant', 'non_compliant'] as const;
for (const [a, auditor] of auditors.slice(0, 2).entries()) {
  await core.call('session.setCurrentPerson', { personId: auditor.id });
  for (const [i, criterionId] of criteria.entries())
    await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId,
      rating: ratings[(i + a * (i % 2)) % 3]!,
      note: `Note of auditor ${a} on criterion ${i}.`,
      rev: null,
    });
}
const observations: string[] = [];
await core.call('session.setCurrentPerson', { personId: auditors[2]!.id });
for (let i = 0; i < OBSERVATIONS; i++)
  observations.push(
    (
      await core.call('observations.record', {
        auditId: audit.id,
        observedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
        location: `Desk ${i % 7}`,
        method: 'site_visit',
        narrative: `Observation ${i}: `.padEnd(400, 'a person waited at the desk and was told to come back later. '),
        personalData: i % 50 === 0,
        severity: i % 3 === 0 ? 'medium' : null,
      })
    ).id,
  );

/** A photograph-sized picture (1600×1200, many shapes, so its PNG is a few hundred kB). */
function photo(seed: number): string {
  let x = seed * 7919;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const shapes = Array.from(
    { length: 1500 },
    () =>
      `<circle cx="${(rnd() * 1600).toFixed(0)}" cy="${(rnd() * 1200).toFixed(0)}" r="${(rnd() * 40 + 2).toFixed(0)}" fill="rgb(${(rnd() * 255) | 0},${(rnd() * 255) | 0},${(rnd() * 255) | 0})"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="1600" height="1200" fill="#ddd"/>${shapes}</svg>`;
  return Buffer.from(new Resvg(svg).render().asPng()).toString('base64');
}
let imageBytes = 0;
for (let i = 0; i < IMAGES; i++) {
  const contentBase64 = photo(i + 1);
  imageBytes += (contentBase64.length * 3) / 4;
  await core.call('attachments.add', {
    auditId: audit.id,
    observationId: observations[i * 10]!,
    fileName: `photo-${i + 1}.png`,
    mediaType: 'image/png',
    contentBase64,
    caption: `Photograph ${i + 1} of the waiting area`,
  });
}
await core.call('session.setCurrentPerson', { personId: coordinator.currentPerson!.id });
const findingIds: string[] = [];
for (let i = 0; i < FINDINGS; i++)
  findingIds.push(
    (
      await core.call('findings.create', {
        auditId: audit.id,
        title: `Finding ${i + 1}: people are not told why they must come back`,
        criterion: 'Every person is told the reason for a decision.',
        condition: 'In the sample, reasons were given in less than half of the cases. '.repeat(3),
        cause: 'There is no written procedure.',
        effect: 'People give up on their claims.',
        severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
        type: 'structural',
        evidence: observations.slice(i * 5, i * 5 + 5).map((id) => ({ kind: 'observation' as const, id })),
      })
    ).id,
  );
for (let i = 0; i < FINDINGS; i += 2)
  await core.call('recommendations.create', {
    auditId: audit.id,
    title: `Recommendation ${i / 2 + 1}: write and train a procedure`,
    text: 'Write the procedure, train the staff and check it every six months.',
    findingIds: findingIds.slice(i, i + 2),
  });
const setupMs = performance.now() - t0;

core.close();

interface Measured {
  reportMs: number;
  size: number;
  buildMs: number;
  packMs: number;
  packedSize: number;
  peakRssMb: number;
  rssBeforeMb: number;
}

/**
 * Runs in a fresh process (so its peak memory is the report's, not the set-up's): the report
 * through the API as the app and the command line make it, then — the baseline of the same run —
 * the same document prebuilt and packed alone.
 */
async function measureReport(dir: string, id: string, warm: boolean): Promise<Measured> {
  const reportCore = openCore({ dataDir: dir });
  const input = { kind: 'audit', auditId: id, language: 'en', reportDate: '2026-03-31' } as const;
  const rssBeforeMb = process.memoryUsage().rss / 1e6;
  // With --warm, one report first, untimed, so the timed one and the baseline after it both run
  // compiled; without, the process makes one report only, so its peak memory is that report's.
  if (warm) await reportCore.call('reports.generate', input);
  const tReport = performance.now();
  const report = await reportCore.call('reports.generate', input);
  const reportMs = performance.now() - tReport;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  reportCore.close();
  const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
  const ctx = { db, personId: null, attachmentsDir: join(dir, 'attachments') };
  const tBuild = performance.now();
  const { doc } = buildReport(ctx, ReportGenerate.parse(input));
  const buildMs = performance.now() - tBuild;
  const tPack = performance.now();
  const packed = await packReport(doc);
  const packMs = performance.now() - tPack;
  db.close();
  return { reportMs, size: report.size, buildMs, packMs, packedSize: packed.length, peakRssMb, rssBeforeMb };
}

/** One run of measureReport in a process of its own. */
function inChild(warm: boolean): Measured {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--measure', dataDir, audit.id, ...(warm ? ['--warm'] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the report run failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}
const cold = inChild(false);
const m = inChild(true);

const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
console.log(
  `\nReports — a large audit: ${CRITERIA} criteria, ${FINDINGS} findings, ${OBSERVATIONS} observations, ${IMAGES} images (${(imageBytes / 1e6).toFixed(1)} MB)`,
);
line('set-up through the API', `${(setupMs / 1000).toFixed(1)} s`);
line(
  'reports.generate (audit report, bytes answered)',
  `${m.reportMs.toFixed(0)} ms → ${(m.size / 1e6).toFixed(1)} MB`,
);
line('  read + build the same document (again, alone)', `${m.buildMs.toFixed(0)} ms`);
line(
  'baseline: Packer on the same prebuilt document',
  `${m.packMs.toFixed(0)} ms → ${(m.packedSize / 1e6).toFixed(1)} MB`,
);
line('ratio report / packing alone', `${(m.reportMs / m.packMs).toFixed(2)}×`);
line('reports.generate in a fresh process (cold)', `${cold.reportMs.toFixed(0)} ms`);
line(
  'peak memory of that process (max RSS)',
  `${cold.peakRssMb.toFixed(0)} MB (${cold.rssBeforeMb.toFixed(0)} MB before the report)`,
);
// CA_BENCH_KEEP=1 keeps the data folder (to profile a report on it).
if (process.env.CA_BENCH_KEEP) console.log(`data kept in ${dataDir} (audit ${audit.id})`);
else rmSync(dataDir, { recursive: true, force: true });
