/**
 * What happens on every API call that reaches the main process, without any `electron` import,
 * so the whole path — sender check, dispatch, error mapping — is unit-tested in plain Node.
 * `ipc.ts` only wires these functions to `ipcMain`.
 *
 * Invariants: the core is called only for a call from the main frame of the app's window showing
 * the app's own page; every call answers an envelope; no exception crosses IPC.
 */
import { CHANNELS } from '../../shared/api/contract';
import { IPC_PREFIX } from '../../shared/api/bridge';
import { ApiError, type Envelope } from '../../shared/api/errors';
import type { Dispatcher } from '../core/api/dispatch';
import { isTrustedSenderUrl, type AppPageLocation } from './senderCheck';

/** What the main process knows about the frame that sent a call. */
export interface SenderFrameInfo {
  /** The frame's current URL. */
  url: string;
  /** True only for the top frame of the app's own window (not a subframe, not another window). */
  isAppMainFrame: boolean;
}

/** The part of the core the IPC layer uses. */
export type { Dispatcher };

/** Where problems are reported (the main process log); the renderer only sees safe messages. */
export type InvokeLog = (message: string, detail?: unknown) => void;

const defaultLog: InvokeLog = (message, detail) => {
  console.error(`[ipc] ${message}`, detail ?? '');
};

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return 'value' in value;
  if (ok === false) return ApiError.safeParse((value as { error?: unknown }).error).success;
  return false;
}

/**
 * Handles one API call: refuses a sender that is not the app's own page in the app's main frame
 * (`forbidden_sender`, the core is not called), otherwise answers what the core answers. Never
 * throws.
 */
export async function handleInvoke(
  core: Dispatcher,
  channel: string,
  frame: SenderFrameInfo | null,
  input: unknown,
  trust: AppPageLocation,
  log: InvokeLog = defaultLog,
): Promise<Envelope<unknown>> {
  // The frame is null when it navigated away or was destroyed before the call was handled:
  // nobody can say who sent it, so it is refused.
  if (frame === null || !frame.isAppMainFrame || !isTrustedSenderUrl(frame.url, trust)) {
    log(`refused ${channel}: sender is not the app's page`, frame?.url ?? '(no frame)');
    return {
      ok: false,
      error: { code: 'forbidden_sender', message: 'This call did not come from the app’s own page.' },
    };
  }
  try {
    const answer = await core.dispatch(channel, input);
    if (isEnvelope(answer)) return answer;
    log(`${channel}: the core answered something that is not an envelope`, answer);
  } catch (error) {
    log(`${channel}: the core threw`, error);
  }
  return { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } };
}

/** The subset of `ipcMain` used to register handlers (so a fake can stand in for it in tests). */
export interface HandlerRegistrar<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers one handler per contract channel, named `IPC_PREFIX + channel`, on `registrar`.
 * `describeSender` reads the sender frame from the event and must do so synchronously, before
 * any await (Electron's `senderFrame` becomes null once the frame navigates).
 * Returns a function that removes the handlers.
 */
export function registerApiHandlers<E>(
  registrar: HandlerRegistrar<E>,
  core: Dispatcher,
  describeSender: (event: E) => SenderFrameInfo | null,
  trust: AppPageLocation,
  log: InvokeLog = defaultLog,
): () => void {
  const names: string[] = [];
  for (const channel of CHANNELS) {
    const name = IPC_PREFIX + channel;
    registrar.handle(name, (event, ...args) => {
      let frame: SenderFrameInfo | null;
      try {
        frame = describeSender(event);
      } catch (error) {
        log(`${channel}: could not read the sender frame`, error);
        frame = null;
      }
      // The preload sends exactly one argument: the input object.
      return handleInvoke(core, channel, frame, args[0], trust, log);
    });
    names.push(name);
  }
  return () => {
    for (const name of names) registrar.removeHandler(name);
  };
}
