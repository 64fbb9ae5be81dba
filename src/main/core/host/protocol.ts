/**
 * The messages between the main thread and the worker thread that hosts the core. Everything
 * crosses by structured clone; an envelope is plain data, so it crosses unchanged.
 */
import type { ApiError, Envelope } from '../../../shared/api/errors';
import type { CoreOptions } from '../index';

/** What the worker is started with (`workerData`). */
export type WorkerCoreOptions = Pick<CoreOptions, 'dataDir'>;

export type ToWorker = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };
