/**
 * The main thread's side of the worker-hosted core: a `Dispatcher` like the in-process core, so
 * the IPC registration plugs into it unchanged. Invariants: every call answers an envelope, in
 * order of the answers the worker gives; if the worker dies (crash, exit, `kill`), every pending
 * call and every later call answers `internal` — nothing hangs and nothing throws.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type Envelope } from '../../../shared/api/errors';
import type { Dispatcher } from '../api/dispatch';
import type { FromWorker, ToWorker, WorkerCoreOptions } from './protocol';

export interface CoreHost extends Dispatcher {
  /** Resolves once the core is open; rejects with the core's AppError (e.g. `database_too_new`). */
  ready(): Promise<void>;
  /** Closes the database and ends the worker; resolves when it has ended. */
  close(): Promise<void>;
  /** Ends the worker at once (a close that does not answer in time). */
  kill(): Promise<void>;
}

export interface CoreHostOptions extends WorkerCoreOptions {
  /** The worker's script: the built `coreWorker.js` in the app, the TypeScript entry in tests. */
  workerFile: string | URL;
  /** Node options of the worker thread (tests pass `['--import', 'tsx']`). */
  execArgv?: string[];
  /** How long `close` waits for the worker before ending it (ms). */
  closeTimeoutMs?: number;
}

const dead = (why: string): Envelope<never> => ({ ok: false, error: { code: 'internal', message: why } });

export function startCoreHost(options: CoreHostOptions): CoreHost {
  const worker = new Worker(options.workerFile, {
    workerData: { dataDir: options.dataDir } satisfies WorkerCoreOptions,
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
  });
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  let nextId = 1;
  let gone: string | null = null;

  let markReady: () => void = () => undefined;
  let markFailed: (e: AppError) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A failure is reported to whoever awaits ready(); nobody awaiting is not an unhandled error.
  ready.catch(() => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const end = (why: string): void => {
    if (gone !== null) return;
    gone = why;
    markFailed(new AppError('internal', why));
    for (const answer of pending.values()) answer(dead(why));
    pending.clear();
  };

  worker.on('message', (m: FromWorker) => {
    switch (m.type) {
      case 'ready':
        markReady();
        break;
      case 'failed':
        markFailed(AppError.fromApiError(m.error));
        end(m.error.message);
        break;
      case 'answer': {
        const answer = pending.get(m.id);
        pending.delete(m.id);
        answer?.(m.envelope);
        break;
      }
      case 'closed':
        end('The core has been closed.');
        break;
    }
  });
  worker.on('error', (e) => end(`The core stopped: ${e.message}`));
  worker.on('exit', (code) => end(`The core stopped (exit code ${code}).`));

  const post = (m: ToWorker): void => worker.postMessage(m);

  return {
    ready: () => ready,
    dispatch(channel, input) {
      if (gone !== null) return Promise.resolve(dead(gone));
      const id = nextId++;
      return new Promise<Envelope<unknown>>((resolve) => {
        pending.set(id, resolve);
        try {
          post({ type: 'call', id, channel, input });
        } catch (e) {
          // An input that cannot be cloned (a function, a symbol) never reaches the core.
          pending.delete(id);
          resolve({
            ok: false,
            error: {
              code: 'invalid_input',
              message: `The input cannot be sent: ${e instanceof Error ? e.message : String(e)}`,
            },
          });
        }
      });
    },
    async close() {
      if (gone === null) {
        post({ type: 'close' });
        const timeout = setTimeout(() => void worker.terminate(), options.closeTimeoutMs ?? 10_000);
        await exited;
        clearTimeout(timeout);
      }
      await exited;
    },
    async kill() {
      await worker.terminate();
      await exited;
    },
  };
}
