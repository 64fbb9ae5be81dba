/**
 * The core: everything the app does, without Electron. `openCore` opens the user's workspace
 * and answers calls of the API contract; the Electron shell serves it over IPC, the test
 * harness over http on 127.0.0.1, the command line in-process — the same contract each time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Call, Channel, Output, SessionState } from '../../shared/api/contract';
import { AppError, type Envelope } from '../../shared/api/errors';
import { Language } from '../../shared/domain/vocabulary';
import { createDispatcher } from './api/dispatch';
import { backupDir, backupIfDue } from './db/backup';
import { HANDLERS, isReadOnly, type DatabaseChannel } from './api/handlers';
import type { ServiceContext } from './services/context';
import type { Person } from '../../shared/domain/programme';
import { getRecord, listRecords } from './repositories/table';
import { PERSON, PROGRAMME } from './repositories/specs';
import { createEntity, requireRecord, violation, type Fields } from './services/entity';
import { personRules } from './services/programme';
import {
  DATABASE_FILE,
  openWorkspace,
  systemClock,
  workspaceDir,
  type Clock,
  type Workspace,
  type WorkspaceName,
} from './workspace';

export interface CoreOptions {
  /** The data folder: the user's data folder in the app, a temporary one in tests. */
  dataDir: string;
  clock?: Clock;
  /** Parse every answer with its output schema too (tests). */
  checkOutputs?: boolean;
  log?: (e: unknown) => void;
}

export type { Call };

export interface Core {
  /** Parses the input against the contract, runs the handler, never throws. */
  dispatch(channel: string, rawInput: unknown): Promise<Envelope<unknown>>;
  /** The same, typed, for in-process callers; throws AppError on an error envelope. */
  call: Call;
  readonly dataDir: string;
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

  const sessionState = (w: Workspace): SessionState => {
    const personId = w.currentPersonId();
    const person = personId ? getRecord(w.db, PERSON, personId) : null;
    return {
      workspace: w.name,
      currentPerson: person,
      language: settings.language,
      programme: listRecords(w.db, PROGRAMME, {})[0] ?? null,
      dataDir,
    };
  };

  /** Runs one parsed call against a workspace. */
  const runOn = async (w: Workspace, channel: Channel, input: unknown): Promise<unknown> => {
    switch (channel) {
      case 'session.get':
        return sessionState(w);
      case 'session.setLanguage':
        settings = { ...settings, language: (input as { language: Language }).language };
        writeSettings(settingsFile, settings);
        return sessionState(w);
      case 'session.begin':
        w.db
          .transaction(() => {
            // The first person creates themselves: the record is attributed to its own id.
            const id = clock.newId();
            createEntity(w.context(), PERSON, personRules, input as Fields<Person>, { id, personId: id });
            w.setCurrentPersonId(id);
          })
          .immediate();
        return sessionState(w);
      case 'session.setCurrentPerson': {
        const { personId } = input as { personId: string };
        const p = requireRecord(w.db, PERSON, personId);
        if (p.archivedAt !== null) throw violation(`${p.displayName} is archived; choose an active person.`);
        w.setCurrentPersonId(p.id);
        return sessionState(w);
      }
      case 'session.openWorkspace': {
        const name = (input as { workspace: WorkspaceName }).workspace;
        if (name !== ws.name) {
          const next = name === 'demo' ? await openDemo() : openWorkspace('main', workspaceDir(dataDir, 'main'), clock);
          ws.close();
          ws = next;
        }
        return sessionState(ws);
      }
      default: {
        const c = channel as DatabaseChannel;
        // The dispatcher parsed `input` with this channel's schema, which is exactly what its
        // handler takes; TypeScript cannot correlate the two through the channel union.
        const handler = HANDLERS[c] as unknown as (ctx: ServiceContext, input: unknown) => unknown;
        const exec = () => handler(w.context(), input);
        return isReadOnly(c) ? exec() : w.db.transaction(exec).immediate();
      }
    }
  };

  const dispatcherFor = (w: () => Workspace) =>
    createDispatcher((channel, input) => runOn(w(), channel, input), {
      checkOutputs: options.checkOutputs ?? false,
      log: options.log,
    });

  const callWith =
    (d: ReturnType<typeof dispatcherFor>): Call =>
    async (channel, input) => {
      const env = await d.dispatch(channel, input);
      if (!env.ok) throw new AppError(env.error.code, env.error.message, env.error.fields);
      return env.value as Output<typeof channel>;
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
      const tmp = openWorkspace('demo', dir, clock, loading);
      try {
        // Loaded on demand: the demo's data is only read when someone opens it.
        const { loadDemo } = await import('./seed/demo');
        await loadDemo(callWith(dispatcherFor(() => tmp)));
      } finally {
        tmp.close();
      }
      renameSync(loading, file);
    }
    return openWorkspace('demo', dir, clock);
  }

  const dispatcher = dispatcherFor(() => ws);
  return {
    dispatch: dispatcher.dispatch,
    call: callWith(dispatcher),
    dataDir,
    close: () => ws.close(),
  };
}
