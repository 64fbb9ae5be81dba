/**
 * The core hosted in a worker thread, as the app runs it: the same envelopes as in-process, a
 * main thread that keeps answering while a long call runs (where the in-process core blocks it),
 * start-up failures reported with the core's code, and a dead worker answering `internal`
 * instead of leaving calls hanging.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type CoreHost } from '../../src/main/core/host/client';
import { LATEST_VERSION } from '../../src/main/core/db/migrations';
import { APPLICATION_ID } from '../../src/main/core/db/open';
import type { TemplateFile } from '../../src/shared/exchange/templateFile';
import { testCore, type TestCore } from './helpers/core';

const WORKER = new URL('../../src/main/core/host/worker.ts', import.meta.url);
const hosts: CoreHost[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  for (const c of cores.splice(0)) c.cleanup();
});

function host(dataDir = mkdtempSync(join(tmpdir(), 'ca-worker-'))): CoreHost {
  const h = startCoreHost({ workerFile: WORKER, execArgv: ['--import', 'tsx'], dataDir });
  hosts.push(h);
  return h;
}

/** A template file large enough that installing it takes hundreds of milliseconds. */
function bigTemplate(): TemplateFile {
  return {
    format: 'citizen-audit/template',
    formatVersion: 1,
    key: '',
    name: { en: 'Big' },
    description: {},
    sections: Array.from({ length: 20 }, (_, s) => ({
      title: { en: `Section ${s}` },
      criteria: Array.from({ length: 100 }, (_, c) => ({
        text: { en: `Criterion ${s}.${c}` },
        responseType: 'rating' as const,
        grounds: ['language'],
      })),
    })),
  };
}

/** Starts a long call and a main-thread timer; says which finished first. */
async function race(dispatch: CoreHost['dispatch']): Promise<string[]> {
  const order: string[] = [];
  const call = dispatch('templates.import', { file: bigTemplate() }).then((env) => {
    expect(env).toMatchObject({ ok: true });
    order.push('call answered');
  });
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push('timer fired');
      resolve();
    }, 0),
  );
  await Promise.all([call, timer]);
  return order;
}

describe('the core in a worker thread', () => {
  it('answers the same envelopes as the core in-process', async () => {
    const h = host();
    await h.ready();
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: true, value: { currentPerson: null } });
    expect(await h.dispatch('people.create', { displayName: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await h.dispatch('nothing.here', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await h.dispatch('programme.setUp', { name: 'P', city: 'C' })).toMatchObject({
      ok: false,
      error: { code: 'no_current_person', rule: { key: 'sessionNoPerson' } },
    });
    expect(
      await h.dispatch('session.begin', { displayName: 'Ana', role: 'coordinator', code: 'COORD-1' }),
    ).toMatchObject({ ok: true, value: { currentPerson: { code: 'COORD-1' } } });
  });

  it('keeps the main thread answering while a long call runs (in-process, the same call blocks it)', async () => {
    const h = host();
    await h.ready();
    await h.dispatch('session.begin', { displayName: 'Ana', role: 'coordinator', code: 'COORD-1' });
    expect(await race(h.dispatch)).toEqual(['timer fired', 'call answered']);

    const inProcess = testCore();
    cores.push(inProcess);
    await inProcess.call('session.begin', { displayName: 'Ana', role: 'coordinator', code: 'COORD-1' });
    expect(await race(inProcess.dispatch)).toEqual(['call answered', 'timer fired']);
  });

  it("reports a start-up failure with the core's code and message", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-worker-new-'));
    const db = new Database(join(dataDir, 'citizen-audit.sqlite'));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    db.close();
    const h = host(dataDir);
    await expect(h.ready()).rejects.toMatchObject({
      code: 'database_too_new',
      message: expect.stringMatching(/newer version/),
    });
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers internal, for pending and later calls, once the worker is gone', async () => {
    const h = host();
    await h.ready();
    await h.dispatch('session.begin', { displayName: 'Ana', role: 'coordinator', code: 'COORD-1' });
    const pending = h.dispatch('templates.import', { file: bigTemplate() });
    await h.kill();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses an input that cannot cross to the worker, without reaching the core', async () => {
    const h = host();
    await h.ready();
    expect(await h.dispatch('session.get', { f: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await h.dispatch('session.get', {})).toMatchObject({ ok: true });
  });

  it('closes the database cleanly: a new host opens the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-worker-close-'));
    const first = host(dataDir);
    await first.ready();
    await first.dispatch('session.begin', { displayName: 'Ana', role: 'coordinator', code: 'COORD-1' });
    await first.close();
    const second = host(dataDir);
    await second.ready();
    expect(await second.dispatch('session.get', {})).toMatchObject({
      ok: true,
      value: { currentPerson: { code: 'COORD-1' } },
    });
  });
});
