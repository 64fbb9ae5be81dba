/**
 * The core: everything the app does, without Electron. `openCore` opens the user's workspace
 * and answers calls of the API contract; the Electron shell serves it over IPC, the test
 * harness over http on 127.0.0.1, the command line in-process — the same contract each time.
 *
 * Every call goes through one dispatcher, which runs it by the kind its channel declares: a
 * `read` directly, a `write` in one IMMEDIATE transaction (all or nothing), a `session` change
 * (switching workspace, language) on its own.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelKind, type Call, type Channel, type Output, type SessionState } from '../../shared/api/contract';
import { AppError, type Envelope } from '../../shared/api/errors';
import { Language } from '../../shared/domain/vocabulary';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { HANDLERS, type ReadHandlerContext, type WriteHandlerContext } from './api/handlers';
import { backupDir, backupIfDue } from './db/backup';
import { getRecord } from './repositories/table';
import { PERSON } from './repositories/specs';
import { currentProgramme } from './services/programme';
import type { SessionControl, WorkspaceName } from './services/session';
import { DATABASE_FILE, openWorkspace, systemClock, workspaceDir, type Clock, type Workspace } from './workspace';

export interface CoreOptions {
  /** The data folder: the user's data folder in the app, a temporary one in tests. */
  dataDir: string;
  clock?: Clock;
  /** Parse every answer with its output schema too (tests). */
  checkOutputs?: boolean;
  log?: (e: unknown) => void;
}

export type { Call };

export interface Core extends Dispatcher {
  /** Parses the input against the contract, runs the handler, never throws. */
  dispatch(channel: string, rawInput: unknown): Promise<Envelope<unknown>>;
  /** The same, typed, for in-process callers; throws AppError on an error envelope. */
  call: Call;
  readonly dataDir: string;
  /**
   * Rows written through the open workspace's connection since it opened, rolled-back writes
   * included (SQLite's total_changes()): tests use it to prove a refused call wrote and was
   * rolled back; benchmarks to count work.
   */
  changes(): number;
  close(): void;
}

interface Settings {
  language: Language;
}

function readSettings(file: string): Settings {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { language?: unknown };
    return { language: Language.catch('en').parse(raw.language) };
  } catch {
    return { language: 'en' };
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a settings file. */
function writeSettings(file: string, s: Settings): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(s, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** A typed in-process caller over a dispatcher: an error envelope becomes a thrown AppError. */
export function callerOf(d: Dispatcher): Call {
  return async (channel, input) => {
    const env = await d.dispatch(channel, input);
    if (!env.ok) throw AppError.fromApiError(env.error);
    return env.value as Output<typeof channel>;
  };
}

export function openCore(options: CoreOptions): Core {
  const { dataDir } = options;
  const clock = options.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true });
  const settingsFile = join(dataDir, 'settings.json');
  let settings = readSettings(settingsFile);
  let ws = openWorkspace('main', workspaceDir(dataDir, 'main'), clock);
  try {
    backupIfDue(ws.db, backupDir(workspaceDir(dataDir, 'main')), new Date());
  } catch (e) {
    // A failed backup must not keep the user from their work; it is logged and retried next start.
    (options.log ?? console.error)(e);
  }

  /** The session as seen from one workspace (the demo builder has its own). */
  const sessionOf = (current: () => Workspace, switchTo: (name: WorkspaceName) => Promise<void>): SessionControl => ({
    state(): SessionState {
      const w = current();
      const personId = w.currentPersonId();
      return {
        workspace: w.name,
        currentPerson: personId ? getRecord(w.db, PERSON, personId) : null,
        language: settings.language,
        programme: currentProgramme(w.db),
        dataDir,
      };
    },
    setCurrentPersonId: (id) => current().setCurrentPersonId(id),
    setLanguage(language) {
      settings = { ...settings, language };
      writeSettings(settingsFile, settings);
    },
    openWorkspace: switchTo,
  });

  /** Runs one parsed call against a workspace, as its channel's kind says. */
  const runOn = (w: Workspace, session: SessionControl, channel: Channel, input: unknown): unknown => {
    // The dispatcher parsed `input` with this channel's schema, which is exactly what its
    // handler takes; TypeScript cannot correlate the two through the channel union.
    const handler = HANDLERS[channel] as (ctx: WriteHandlerContext, input: unknown) => unknown;
    const base = w.context();
    switch (channelKind(channel)) {
      case 'read': {
        const ctx: ReadHandlerContext = {
          db: base.db,
          personId: base.personId,
          attachmentsDir: base.attachmentsDir,
          now: base.now,
          session,
        };
        return (handler as (ctx: ReadHandlerContext, input: unknown) => unknown)(ctx, input);
      }
      case 'write':
        return w.db.transaction(() => handler({ ...base, session }, input)).immediate();
      case 'session':
        return (handler as (ctx: { session: SessionControl }, input: unknown) => Promise<unknown>)({ session }, input);
    }
  };

  const dispatcherFor = (current: () => Workspace, switchTo: (name: WorkspaceName) => Promise<void>) => {
    const session = sessionOf(current, switchTo);
    return createDispatcher((channel, input) => runOn(current(), session, channel, input), {
      checkOutputs: options.checkOutputs ?? false,
      log: options.log,
    });
  };

  /**
   * Opens the demo workspace, building it on first use in a temporary file that is renamed
   * only when complete: an interrupted load never leaves half a demo behind.
   */
  async function openDemo(): Promise<Workspace> {
    const dir = workspaceDir(dataDir, 'demo');
    const file = join(dir, DATABASE_FILE);
    if (!existsSync(file)) {
      const loading = join(dir, `${DATABASE_FILE}.loading`);
      for (const f of [loading, `${loading}-wal`, `${loading}-shm`]) rmSync(f, { force: true });
      // The demo's records are dated as its story tells (a 2025 audit is answered in 2025).
      let storyTime: number | null = null;
      const storyClock: Clock = {
        now: () => (storyTime === null ? clock.now() : new Date((storyTime += 1)).toISOString()),
        newId: clock.newId,
      };
      const tmp = openWorkspace('demo', dir, storyClock, loading);
      try {
        // Loaded on demand: the demo's data is only read when someone opens it.
        const { loadDemo } = await import('./seed/demo');
        const call = callerOf(
          dispatcherFor(
            () => tmp,
            () => Promise.reject(new Error('The demo is being built.')),
          ),
        );
        await loadDemo(call, { setNow: (iso) => void (storyTime = Date.parse(iso)) });
      } finally {
        tmp.close();
      }
      renameSync(loading, file);
    }
    return openWorkspace('demo', dir, clock);
  }

  const switchTo = async (name: WorkspaceName): Promise<void> => {
    if (name === ws.name) return;
    const next = name === 'demo' ? await openDemo() : openWorkspace('main', workspaceDir(dataDir, 'main'), clock);
    ws.close();
    ws = next;
  };

  const dispatcher = dispatcherFor(() => ws, switchTo);
  return {
    dispatch: dispatcher.dispatch,
    call: callerOf(dispatcher),
    dataDir,
    changes: () => (ws.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    close: () => ws.close(),
  };
}
