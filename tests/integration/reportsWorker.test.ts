/**
 * A report is built in the core's worker thread, as the app runs it: the main thread's event loop
 * keeps turning while `reports.generate` runs, and the answer is the same report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreHost } from '../../src/main/core/host/client';
import { readDocx } from './helpers/docx';

const WORKER = new URL('../../src/main/core/host/worker.ts', import.meta.url);
const host = startCoreHost({
  workerFile: WORKER,
  execArgv: ['--import', 'tsx'],
  dataDir: mkdtempSync(join(tmpdir(), 'ca-report-worker-')),
});
afterAll(() => host.close());

describe('reports.generate in the worker thread', () => {
  it('leaves the main thread free while the report builds', async () => {
    await host.ready();
    expect(await host.dispatch('session.openWorkspace', { workspace: 'demo' })).toMatchObject({ ok: true });
    const audits = await host.dispatch('audits.list', {});
    if (!audits.ok) throw new Error(audits.error.message);
    const auditId = (audits.value as { items: { id: string }[] }).items[0]!.id;

    const order: string[] = [];
    let ticks = 0;
    const interval = setInterval(() => ticks++, 5);
    const call = host.dispatch('reports.generate', { kind: 'audit', auditId, language: 'en' }).then((env) => {
      order.push('report answered');
      return env;
    });
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer fired');
        resolve();
      }, 0),
    );
    const env = await call;
    clearInterval(interval);
    expect(order).toEqual(['timer fired', 'report answered']);
    expect(ticks).toBeGreaterThan(0);
    expect(env.ok).toBe(true);
    if (env.ok) {
      const d = await readDocx(Buffer.from((env.value as { contentBase64: string }).contentBase64, 'base64'));
      expect(d.text.includes('Executive summary')).toBe(true);
    }
  });
});
