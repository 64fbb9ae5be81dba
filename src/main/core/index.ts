/**
 * The core: everything the app does, without Electron. `openCore` opens the user's workspace
 * and answers calls of the API contract; the Electron shell serves it over IPC (from a worker
 * thread), the test harness over http on 127.0.0.1, the command line in-process — the same
 * contract each time.
 *
 * Every call goes through one dispatcher, which runs calls one at a time, each by the kind its
 * channel declares: a `read` directly, a `write` in one IMMEDIATE transaction (all or nothing),
 * an `exclusive` call (switching workspace, settings, backups, restore) on its own.
 *
 * The core holds its data folder's lock while it is open: a second process is told the folder
 * is in use. It backs the user's programme up when a day has passed since the last backup (at
 * start, and checked again after writes), and keeps the last failure to show it.
 */
import { accessSync, constants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { channelKind, type Call, type Channel, type Output, type SessionState } from '../../shared/api/contract';
import { AppError, type ApiError, type Envelope } from '../../shared/api/errors';
import type { BackupInfo as BackupInfoOut, BackupListing } from '../../shared/domain/backup';
import { en } from '../../shared/i18n/en';
import { ruleMessage } from '../../shared/i18n/rules';
import { createDispatcher, toApiError, type Dispatcher } from './api/dispatch';
import {
  HANDLERS,
  type ExclusiveHandlerContext,
  type ReadHandlerContext,
  type WriteHandlerContext,
} from './api/handlers';
import {
  backupDue,
  backupsToKeep,
  countRecords,
  listBackups,
  putBackupInPlace,
  rotateBackups,
  takeBackup,
  total,
  type BackupReason,
} from './backup/backups';
import { ensurePrivateDir } from './files/durable';
import { lockDataFolder } from './files/lock';
import { getRecord } from './repositories/table';
import { PERSON } from './repositories/specs';
import type { BackupControl } from './services/backups';
import { currentProgramme } from './services/programme';
import { currentPerson } from './services/context';
import type { SessionControl, WorkspaceName } from './services/session';
import { readSettings, writeSettings, type Settings } from './settings';
import { clearOpenCopies } from './services/attachmentFiles';
import { LANGUAGES } from '../../shared/domain/vocabulary';
import {
  DATABASE_FILE,
  demoDir,
  openWorkspace,
  systemClock,
  workspaceDir,
  type Clock,
  type Workspace,
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

/** A typed in-process caller over a dispatcher: an error envelope becomes a thrown AppError. */
export function callerOf(d: Dispatcher): Call {
  return async (channel, input) => {
    const env = await d.dispatch(channel, input);
    if (!env.ok) throw AppError.fromApiError(env.error);
    return env.value as Output<typeof channel>;
  };
}

/** How often, at most, the core looks whether a daily backup is due while it runs. */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export function openCore(options: CoreOptions): Core {
  const { dataDir } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? console.error;
  ensurePrivateDir(dataDir);
  const lock = lockDataFolder(dataDir);
  // Copies made for the system's viewer in an earlier run are no longer being read.
  for (const dir of [dataDir, ...LANGUAGES.map((l) => demoDir(dataDir, l))]) clearOpenCopies(dir);
  const settingsFile = join(dataDir, 'settings.json');
  let settings: Settings = readSettings(settingsFile);
  let ws: Workspace;
  try {
    ws = openWorkspace('main', workspaceDir(dataDir, 'main'), clock);
  } catch (e) {
    lock.release();
    throw e;
  }

  let backupProblem: ApiError | null = null;
  let secondFolderError: string | null = null;
  let lastBackupCheck = 0;

  /** Backs up the main workspace (open as `main`), then rotates. Throws AppError on failure. */
  const backUp = (main: Workspace, reason: BackupReason) => {
    const result = takeBackup(
      {
        db: main.db,
        attachmentsDir: main.attachmentsDir,
        backupDir: main.backupDir,
        secondDir: settings.backupSecondFolder,
      },
      new Date(),
      reason,
    );
    secondFolderError = result.secondFolderError;
    // The copy holds exactly the database's records (takeBackup checked it).
    const current = result.backup.records;
    const shas = (main.db.prepare(`SELECT DISTINCT sha256 FROM attachment`).all() as { sha256: string }[]).map(
      (r) => r.sha256,
    );
    rotateBackups(main.backupDir, current, shas);
    if (settings.backupSecondFolder && result.secondFolderError === null) {
      try {
        rotateBackups(settings.backupSecondFolder, current, shas);
      } catch (e) {
        secondFolderError = e instanceof Error ? e.message : String(e);
      }
    }
    return result;
  };

  /** The daily backup of the user's programme, when due. A failure is kept to be shown, never thrown. */
  const backUpIfDue = () => {
    lastBackupCheck = Date.now();
    if (ws.name !== 'main') return;
    try {
      if (!backupDue(ws.backupDir, new Date())) return;
      backUp(ws, 'daily');
      backupProblem = null;
    } catch (e) {
      log(e);
      backupProblem = toApiError(e, () => undefined);
    }
  };
  backUpIfDue();

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
        backupProblem,
      };
    },
    setCurrentPersonId: (id) => current().setCurrentPersonId(id),
    setLanguage(language) {
      settings = { ...settings, language };
      writeSettings(settingsFile, settings);
    },
    openWorkspace: switchTo,
  });

  /** Backups are of the user's own programme: refused while the demo is open. */
  const requireMain = (): Workspace => {
    if (ws.name !== 'main') {
      throw new AppError('rule_violation', ruleMessage(en, 'backupsOnlyMain', {}), {
        rule: { key: 'backupsOnlyMain', params: {} },
      });
    }
    return ws;
  };

  const backupControl: BackupControl = {
    list(): BackupListing {
      const main = requireMain();
      const counts = countRecords(main.db);
      const currentRecords = total(counts);
      const local = listBackups(main.backupDir);
      const { protectedFile } = backupsToKeep(local, currentRecords);
      const localFiles = new Set(local.map((b) => b.file));
      let second: ReturnType<typeof listBackups> = [];
      if (settings.backupSecondFolder) {
        try {
          second = listBackups(settings.backupSecondFolder).filter((b) => !localFiles.has(b.file));
        } catch (e) {
          // A stick pulled out: the listing still answers, and says what is wrong there.
          secondFolderError = e instanceof Error ? e.message : String(e);
        }
      }
      return {
        backups: [
          ...local.map((b): BackupInfoOut => ({ ...b, location: 'local', holdsMoreData: b.file === protectedFile })),
          ...second.map((b): BackupInfoOut => ({ ...b, location: 'second', holdsMoreData: false })),
        ].sort((a, b) => b.takenAt.localeCompare(a.takenAt)),
        currentRecords,
        lastError: backupProblem,
        secondFolder: settings.backupSecondFolder,
        secondFolderError,
      };
    },
    take() {
      const result = backUp(requireMain(), 'manual');
      backupProblem = null;
      const { protectedFile } = backupsToKeep(listBackups(ws.backupDir), result.backup.records);
      return {
        ...result,
        backup: { ...result.backup, location: 'local' as const, holdsMoreData: result.backup.file === protectedFile },
      };
    },
    restore(file, location) {
      const main = requireMain();
      const from = location === 'second' ? settings.backupSecondFolder : main.backupDir;
      if (from === null || !listBackups(from).some((b) => b.file === file)) {
        const params = { file };
        throw new AppError('backup_failed', ruleMessage(en, 'backupNotFound', params), {
          rule: { key: 'backupNotFound', params },
        });
      }
      // The current state first: a restore is undone by restoring this backup.
      backUp(main, 'before-restore');
      main.close();
      try {
        putBackupInPlace(from, file, main.file, main.attachmentsDir);
      } finally {
        ws = openWorkspace('main', workspaceDir(dataDir, 'main'), clock);
      }
      return Promise.resolve();
    },
    setSecondFolder(folder) {
      if (folder !== null) {
        try {
          ensurePrivateDir(folder);
          accessSync(folder, constants.W_OK);
          if (!statSync(folder).isDirectory()) throw new Error('not a folder');
        } catch (e) {
          const params = { folder, reason: e instanceof Error ? e.message : String(e) };
          throw new AppError('rule_violation', ruleMessage(en, 'backupFolderUnusable', params), {
            rule: { key: 'backupFolderUnusable', params },
            field: 'folder',
          });
        }
      }
      settings = { ...settings, backupSecondFolder: folder };
      writeSettings(settingsFile, settings);
      secondFolderError = null;
    },
  };

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
          backups: backupControl,
        };
        return (handler as (ctx: ReadHandlerContext, input: unknown) => unknown)(ctx, input);
      }
      case 'write': {
        const value = w.db.transaction(() => handler({ ...base, session, backups: backupControl }, input)).immediate();
        if (Date.now() - lastBackupCheck > BACKUP_CHECK_MS) backUpIfDue();
        return value;
      }
      case 'exclusive': {
        const ctx: ExclusiveHandlerContext = { session, backups: backupControl };
        return (handler as (ctx: ExclusiveHandlerContext, input: unknown) => Promise<unknown>)(ctx, input);
      }
    }
  };

  const dispatcherFor = (current: () => Workspace, switchTo: (name: WorkspaceName) => Promise<void>) => {
    const session = sessionOf(current, switchTo);
    return createDispatcher(
      (channel, input) => runOn(current(), session, channel, input),
      () => currentPerson(current().context()).role,
      {
        checkOutputs: options.checkOutputs ?? false,
        log: options.log,
      },
    );
  };

  /**
   * Opens the demo workspace of the interface language, building it on first use in a temporary
   * file that is renamed only when complete: an interrupted load never leaves half a demo behind.
   */
  async function openDemo(): Promise<Workspace> {
    const { language } = settings;
    const dir = demoDir(dataDir, language);
    const file = join(dir, DATABASE_FILE);
    // A demo built by an older version (one language only, in `demo/` itself) is rebuilt per language.
    const legacy = join(workspaceDir(dataDir, 'demo'), DATABASE_FILE);
    for (const f of [legacy, `${legacy}-wal`, `${legacy}-shm`]) rmSync(f, { force: true });
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
        await loadDemo(call, { language, setNow: (iso) => void (storyTime = Date.parse(iso)) });
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
    if (name === 'main') backUpIfDue();
  };

  const dispatcher = dispatcherFor(() => ws, switchTo);
  return {
    dispatch: dispatcher.dispatch,
    call: callerOf(dispatcher),
    dataDir,
    changes: () => (ws.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    close: () => {
      if (ws.db.open) ws.close();
      lock.release();
    },
  };
}
