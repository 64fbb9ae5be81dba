/**
 * Benchmark of the Word reports on a large audit (300 criteria, 200 findings, 5,000 observations,
 * 20 images), made through the API: the time of `reports.generate` and — as the baseline of the
 * same run, interleaved with it — the time docx's Packer takes to pack the same document prebuilt
 * whole, so our own cost (queries, builders, charts) reads as a ratio of medians; and the peak
 * memory of a fresh process making one report, beside that of one packing the baseline. Prints;
 * asserts nothing.
 * Run: `npm run bench` (after bench-core), or `tsx scripts/bench-reports.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { openCore } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/open';
import { reportDocument } from '../src/main/core/reports/document';
import { buildReport } from '../src/main/core/reports/generate';
import { packWhole } from '../src/main/core/reports/pack';
import { ReportGenerate } from '../src/shared/domain/report';

const CRITERIA = 300;
const FINDINGS = 200;
const OBSERVATIONS = Number(process.env.CA_BENCH_OBSERVATIONS ?? 5000);
const IMAGES = 20;

const ROUNDS = Number(process.env.CA_BENCH_ROUNDS ?? 7);
const INPUT = { kind: 'audit', language: 'en', reportDate: '2026-03-31' } as const;

// `--times <data folder> <audit id>` and `--memory <data folder> <audit id> <report|pack>`: the
// measuring runs, each in a process of its own (see measureTimes and measureMemory).
const [mode, dir, id, what] = process.argv.slice(2);
if (mode === '--times' || mode === '--memory') {
  const result = mode === '--times' ? await measureTimes(dir!, id!) : await measureMemory(dir!, id!, what!);
  console.log(JSON.stringify(result));
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

/** Nearest-rank percentile of some timings. */
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds of each measured step, round by round: on the clock, and of CPU (all the process's threads). */
interface Series {
  /** reports.generate, through the API, as the app and the command line make it. */
  report: number[];
  /** Reading and building the report alone (no packing). */
  build: number[];
  /** Baseline: docx's Packer on the same document, prebuilt whole. */
  pack: number[];
}

interface Timings {
  wall: Series;
  cpu: Series;
  size: number;
  packedSize: number;
}

interface Memory {
  peakRssMb: number;
  rssBeforeMb: number;
  bytes: number;
}

/**
 * In a fresh process: one warm-up of each, then ROUNDS rounds, each timing a report, then
 * building the same document whole (untimed) and timing docx's Packer on it, interleaved so a
 * slow moment of the machine falls on both alike.
 */
async function measureTimes(dir: string, auditId: string): Promise<Timings> {
  const core = openCore({ dataDir: dir });
  const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
  const ctx = { db, personId: null, attachmentsDir: join(dir, 'attachments') };
  const input = { ...INPUT, auditId };
  const parsed = ReportGenerate.parse(input);
  const t: Timings = {
    wall: { report: [], build: [], pack: [] },
    cpu: { report: [], build: [], pack: [] },
    size: 0,
    packedSize: 0,
  };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  async function timed<T>(step: keyof Series, warm: boolean, work: () => T | Promise<T>): Promise<T> {
    const [w0, c0] = [performance.now(), cpuMs()];
    const result = await work();
    if (!warm) {
      t.wall[step].push(performance.now() - w0);
      t.cpu[step].push(cpuMs() - c0);
    }
    return result;
  }
  for (let round = -1; round < ROUNDS; round++) {
    const warm = round < 0; // the warm-up
    t.size = (await timed('report', warm, () => core.call('reports.generate', input))).size;
    const built = await timed('build', warm, () => buildReport(ctx, parsed));
    const doc = reportDocument(built.ctx, built.parts);
    t.packedSize = (await timed('pack', warm, () => packWhole(doc))).length;
  }
  db.close();
  core.close();
  return t;
}

/**
 * In a fresh process, so nothing made before counts: one report through the API (`report`), or
 * the baseline — the document built whole and packed by docx's Packer (`pack`). The peak is the
 * process's max RSS (everything: code, database, docx), with its RSS before the work beside it.
 */
async function measureMemory(dir: string, auditId: string, what: string): Promise<Memory> {
  const input = { ...INPUT, auditId };
  const rssBeforeMb = process.memoryUsage().rss / 1e6;
  let bytes: number;
  if (what === 'report') {
    const core = openCore({ dataDir: dir });
    bytes = (await core.call('reports.generate', input)).size;
    core.close();
  } else {
    const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
    const built = buildReport(
      { db, personId: null, attachmentsDir: join(dir, 'attachments') },
      ReportGenerate.parse(input),
    );
    bytes = (await packWhole(reportDocument(built.ctx, built.parts))).length;
    db.close();
  }
  return { peakRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb, bytes };
}

function inChild<T>(...args: string[]): T {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the measuring process failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}

const memory = {
  report: inChild<Memory>('--memory', dataDir, audit.id, 'report'),
  pack: inChild<Memory>('--memory', dataDir, audit.id, 'pack'),
};
const times = inChild<Timings>('--times', dataDir, audit.id);

const ms = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} ms (p95 ${percentile(xs, 95).toFixed(0)})`;
const line = (label: string, wall: string, cpu = '') => console.log(`${label.padEnd(50)} ${wall.padEnd(26)} ${cpu}`);
const ratio = (s: Series) => `${(percentile(s.report, 50) / percentile(s.pack, 50)).toFixed(2)}×`;
console.log(
  `\nReports — a large audit: ${CRITERIA} criteria, ${FINDINGS} findings, ${OBSERVATIONS} observations, ${IMAGES} images (${(imageBytes / 1e6).toFixed(1)} MB)`,
);
console.log(
  `set-up through the API: ${(setupMs / 1000).toFixed(1)} s; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`median (p95) of ${ROUNDS} interleaved rounds after a warm-up, in one fresh process:`);
line('', 'on the clock', 'CPU time (all threads)');
line(
  `  reports.generate (bytes answered, ${(times.size / 1e6).toFixed(1)} MB)`,
  ms(times.wall.report),
  ms(times.cpu.report),
);
line('  of which reading + building, timed alone', ms(times.wall.build), ms(times.cpu.build));
line(`  baseline: docx's Packer, same document prebuilt`, ms(times.wall.pack), ms(times.cpu.pack));
line('  ratio of medians report / packing alone', ratio(times.wall), ratio(times.cpu));
console.log('peak memory (max RSS) of a fresh process making one, RSS before it in brackets:');
line('  reports.generate', `${memory.report.peakRssMb.toFixed(0)} MB (${memory.report.rssBeforeMb.toFixed(0)} MB)`);
line(
  "  baseline: build whole + docx's Packer",
  `${memory.pack.peakRssMb.toFixed(0)} MB (${memory.pack.rssBeforeMb.toFixed(0)} MB)`,
);
// CA_BENCH_KEEP=1 keeps the data folder (to profile a report on it).
if (process.env.CA_BENCH_KEEP) console.log(`data kept in ${dataDir} (audit ${audit.id})`);
else rmSync(dataDir, { recursive: true, force: true });
