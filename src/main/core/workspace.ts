/**
 * A workspace is one database with its attachments folder: the user's own programme ("main") or
 * the demo programme ("demo"), each in its own folder under the data folder, so exploring the
 * demo never touches real data. The person the user works as is stored in the workspace.
 *
 * A workspace is created only where nothing says it existed: if its folder holds backups,
 * attachments or a WAL file, an absent or empty database is refused (`database_missing`, naming
 * the newest good backup) rather than replaced by an empty programme. The main workspace is
 * backed up before any migration.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { en } from '../../shared/i18n/en';
import { ruleMessage } from '../../shared/i18n/rules';
import type { Language } from '../../shared/domain/vocabulary';
import { backupDirOf, newestGoodBackup, takeBackup } from './backup/backups';
import type { WritableDB } from './db/handles';
import { openDatabase } from './db/open';
import { ensurePrivateDir } from './files/durable';
import type { ServiceContext } from './services/context';

export type WorkspaceName = 'main' | 'demo';

export interface Workspace {
  name: WorkspaceName;
  dir: string;
  file: string;
  db: WritableDB;
  attachmentsDir: string;
  backupDir: string;
  context(): ServiceContext;
  currentPersonId(): string | null;
  setCurrentPersonId(id: string): void;
  close(): void;
}

export interface Clock {
  now(): string;
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString(), newId: () => crypto.randomUUID() };

/** The user's programme lives in the data folder itself; the demos under `demo/` (see demoDir). */
export function workspaceDir(dataDir: string, name: WorkspaceName): string {
  return name === 'main' ? dataDir : join(dataDir, 'demo');
}

/**
 * The demo of one interface language, `demo/<language>/`: the demo's texts are loaded in the
 * language it is opened in, so each language has its own demo, built on its first opening.
 */
export function demoDir(dataDir: string, language: Language): string {
  return join(workspaceDir(dataDir, 'demo'), language);
}

export const DATABASE_FILE = 'citizen-audit.sqlite';

/** True for a folder with entries, or for anything else at that path (a file where a folder was). */
const nonEmpty = (dir: string): boolean => {
  if (!existsSync(dir)) return false;
  return !statSync(dir).isDirectory() || readdirSync(dir).length > 0;
};

/** True when the folder shows a database lived there: a WAL, backups or attachments. */
export function showsPriorData(dir: string, file = join(dir, DATABASE_FILE)): boolean {
  return existsSync(`${file}-wal`) || nonEmpty(backupDirOf(dir)) || nonEmpty(join(dir, 'attachments'));
}

export function openWorkspace(
  name: WorkspaceName,
  dir: string,
  clock: Clock,
  file = join(dir, DATABASE_FILE),
): Workspace {
  ensurePrivateDir(dir);
  const attachmentsDir = join(dir, 'attachments');
  const backupDir = backupDirOf(dir);
  let db: WritableDB;
  try {
    db = openDatabase(file, {
      create: !showsPriorData(dir, file),
      beforeMigrate: (open) => {
        // A migration rewrites tables: keep the data as it was, in case the new version is not wanted.
        if (name === 'main')
          takeBackup({ db: open, attachmentsDir, backupDir, secondDir: null }, new Date(), 'before-migration');
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'database_missing') {
      const offer = newestGoodBackup(backupDir);
      const params = { file, backup: offer?.file ?? '' };
      const key = offer ? 'databaseMissingWithBackup' : 'databaseMissing';
      throw new AppError('database_missing', ruleMessage(en, key, params), { rule: { key, params } });
    }
    throw e;
  }
  const read = db.prepare(`SELECT value FROM app_setting WHERE key = 'current_person_id'`);
  const write = db.prepare(
    `INSERT INTO app_setting (key, value) VALUES ('current_person_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const currentPersonId = (): string | null => (read.get() as { value: string } | undefined)?.value ?? null;
  return {
    name,
    dir,
    file,
    db,
    attachmentsDir,
    backupDir,
    currentPersonId,
    setCurrentPersonId: (id) => void write.run(id),
    context: () => ({ db, now: clock.now, newId: clock.newId, personId: currentPersonId(), attachmentsDir }),
    close: () => db.close(),
  };
}
