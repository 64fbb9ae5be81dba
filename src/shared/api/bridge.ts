/**
 * The shape of what the preload exposes on `window.citizenAudit` (and what the http test
 * transport provides in its place): invoke one allowlisted channel, answer an envelope.
 */
import type { Envelope } from './errors';

export const BRIDGE_KEY = 'citizenAudit';
/** The prefix of IPC channel names, so the app's channels never clash with Electron's own. */
export const IPC_PREFIX = 'api:';

export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to a main-process event; returns the function that unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
