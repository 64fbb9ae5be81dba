/**
 * Part of `npm run bench`: in Chromium, against the real core behind the http harness, the time
 * from a keypress in the observation log's search box to the list showing that query's results,
 * at 10,000 observations (p50 / p95), beside the same searches called over http alone in the same
 * run (the floor the page adds its work to). Needs the built renderer (`npm run build`); skipped, with a
 * message, when it or Chromium is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Channel, Input, Output } from '../src/shared/api/contract';
import type { Envelope } from '../src/shared/api/errors';
import { openDatabase } from '../src/main/core/db/open';
import { startHarness, TOKEN_HEADER } from '../tests/harness/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ENTRIES = Number(process.env.BENCH_BROWSER_OBSERVATIONS ?? 10_000);

/** p50 and p95 of some timings. */
function percentiles(times: number[]): [number, number] {
  const sorted = [...times].sort((a, b) => a - b);
  return [
    sorted[Math.floor(sorted.length / 2)]!,
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
  ];
}

export async function keypressToList(): Promise<string> {
  if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
    return 'keypress → list: skipped (no built renderer; run `npm run build`)';
  }
  if (!existsSync(CHROMIUM)) return `keypress → list: skipped (no Chromium at ${CHROMIUM})`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ca-bench-browser-'));
  const harness = await startHarness({ dataDir });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const res = await fetch(new URL(`/__api/${channel}`, harness.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: JSON.stringify(input),
    });
    const env = (await res.json()) as Envelope<Output<C>>;
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    return env.value;
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await call('session.begin', { displayName: 'Bench', role: 'coordinator', code: 'BENCH' });
    await call('programme.setUp', { name: 'Bench', city: 'Bench' });
    const auditor = await call('people.create', { displayName: 'Auditor', role: 'auditor', code: 'AUD-1' });
    const service = await call('services.create', { name: 'Front office' });
    const { version } = await call('templates.create', { name: { en: 'T' } });
    const section = await call('sections.add', { versionId: version.id, title: { en: 'S' } });
    await call('criteria.add', { sectionId: section.id, text: { en: 'C' } });
    await call('templateVersions.publish', { id: version.id, rev: version.rev });
    const planned = await call('audits.plan', {
      serviceId: service.id,
      templateVersionId: version.id,
      title: 'Bench',
      methods: ['site_visit'],
      leadId: auditor.id,
      teamIds: [auditor.id],
    });
    const audit = await call('audits.startFieldwork', { id: planned.id, rev: planned.rev });
    await call('session.setCurrentPerson', { personId: auditor.id });
    const db = openDatabase(join(dataDir, 'citizen-audit.sqlite'));
    const insert = db.prepare(
      `INSERT INTO observation (id, audit_id, author_id, observed_at, location, method, narrative, personal_data, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'site_visit', ?, 0, ?, ?)`,
    );
    const words = 'desk queue officer leaflet notice waiting interpreter complaint ramp counter signage passport'.split(
      ' ',
    );
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        const text = Array.from({ length: 40 }, (_, k) => words[(i * 5 + k * 7) % words.length]).join(' ');
        insert.run(
          crypto.randomUUID(),
          audit.id,
          auditor.id,
          at,
          `Office ${i % 40}`,
          `${i} ${text}${i % 50 === 0 ? ' policía' : ''}`,
          at,
          at,
        );
      }
    })();
    db.close();

    const page = await browser.newPage();
    await page.goto(`${harness.url}#/audits/${audit.id}?tab=observations`);
    const box = page.getByRole('searchbox', { name: 'Search the log' });
    await page.locator('[data-testid=observation-log][data-fresh=true]').waitFor();
    // Plain JavaScript in the page (a string: tsx would wrap a function's inner names in a helper
    // the page does not have). The keydown listener runs first (capture); the observer notes when
    // the list shows fresh results for what the box holds.
    await page.evaluate(`(() => {
      const input = document.querySelector('input[type=search]');
      const log = document.querySelector('[data-testid=observation-log]');
      window.__t0 = 0;
      window.__t1 = 0;
      window.__wait = () =>
        window.__t1 ? Promise.resolve(window.__t1 - window.__t0) : new Promise((r) => { window.__resolve = r; });
      input.addEventListener('keydown', () => { window.__t0 = performance.now(); window.__t1 = 0; window.__resolve = null; }, true);
      new MutationObserver(() => {
        if (window.__t0 && !window.__t1 && log.dataset.query === input.value && log.dataset.fresh === 'true') {
          window.__t1 = performance.now();
          if (window.__resolve) window.__resolve(window.__t1 - window.__t0);
          window.__resolve = null;
        }
      }).observe(log, { attributes: true, childList: true, subtree: true });
    })()`);
    await box.focus();
    const times: number[] = [];
    const keys = [
      ...'interpreter',
      ...Array<string>(11).fill('Backspace'),
      ...'policia',
      ...Array<string>(7).fill('Backspace'),
      ...'counter',
    ];
    for (const key of keys) {
      await page.keyboard.press(key);
      times.push(await page.evaluate<number>('window.__wait()'));
    }
    // Baseline, in the same run: the same searches (what the box held after each key) called
    // over http alone, without the page: the floor the page's own work is added to.
    const baseline: number[] = [];
    let typed = '';
    for (const key of keys) {
      typed = key === 'Backspace' ? typed.slice(0, -1) : typed + key;
      const t0 = performance.now();
      await call('observations.search', { auditId: audit.id, query: typed, limit: 25, offset: 0 });
      baseline.push(performance.now() - t0);
    }
    const [p50, p95] = percentiles(times);
    const [b50, b95] = percentiles(baseline);
    return (
      `keypress in the log's search box → list updated, Chromium, ${ENTRIES.toLocaleString('en')} observations, ${times.length} keys: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` +
      ` (the same searches over http alone: p50 ${b50.toFixed(1)} ms, p95 ${b95.toFixed(1)} ms)`
    );
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
