/**
 * The worker thread that hosts the core in the app, so that better-sqlite3's synchronous work
 * (opening an 82 MB database, a large report query) never blocks the main process's event loop
 * and the window stays responsive.
 *
 * It opens the core with the options it was started with and says `ready` (or `failed`, with the
 * error's code and message: nothing else is started); then it answers each `call` with the
 * envelope the core's dispatcher gives — which never throws — and on `close` closes the database
 * and lets the thread end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { openCore, type Core } from '../index';
import type { FromWorker, ToWorker, WorkerCoreOptions } from './protocol';

const port = parentPort;
if (!port) throw new Error('core/host/worker.ts runs only as a worker thread.');
const send = (m: FromWorker): void => port.postMessage(m);

let core: Core | null = null;
try {
  core = openCore({ dataDir: (workerData as WorkerCoreOptions).dataDir });
  send({ type: 'ready' });
} catch (e) {
  const error =
    e instanceof AppError
      ? e.toApiError()
      : { code: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
  send({ type: 'failed', error });
  port.close();
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'close') {
    core?.close();
    core = null;
    send({ type: 'closed' });
    port.close();
    return;
  }
  const open = core;
  if (!open) {
    send({
      type: 'answer',
      id: m.id,
      envelope: { ok: false, error: { code: 'internal', message: 'The core is closed.' } },
    });
    return;
  }
  void open.dispatch(m.channel, m.input).then((envelope) => send({ type: 'answer', id: m.id, envelope }));
});
