/**
 * The preload: a dumb bridge exposing exactly `window.citizenAudit = { invoke, on }`.
 * Invariants: the page can reach only the contract's channels (anything else is refused here,
 * without touching IPC) and only the allowlisted events; `ipcRenderer`, its events, `process`
 * and every other Node or Electron object stay in this isolated world.
 *
 * Sandboxed preloads may `require` only `electron` (and a few Node shims), so everything imported
 * here must be bundled: see the preload section of electron.vite.config.ts. It checks names
 * against the zod-free list of src/shared/api/channels.ts, never the contract itself, so the
 * bundle stays small (tests/e2e/build.spec.ts keeps it under 20 kB); the core parses inputs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_PREFIX, type Bridge } from '../shared/api/bridge';
import { isChannelName } from '../shared/api/channels';
import type { Envelope } from '../shared/api/errors';
import { isBridgeEvent } from './events';

const bridge: Bridge = {
  async invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` },
      };
    }
    try {
      return (await ipcRenderer.invoke(IPC_PREFIX + channel, input)) as Envelope<unknown>;
    } catch (error) {
      // The main process never rejects; this is a transport failure (e.g. an input that cannot
      // be cloned, or the app shutting down). The page still gets an envelope, not an exception.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `The call could not be delivered: ${message}` } };
    }
  },

  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isBridgeEvent(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // Only the payload is passed on: the IPC event object carries `sender` (ipcRenderer itself).
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload);
    };
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
