/**
 * One process at a time per data folder. Two processes writing the same SQLite files and
 * attachments (two copies of the app, or the app and `npm run browser`) could interleave
 * workspace switches and backups and corrupt the folder; the second one is told the folder is in
 * use instead.
 *
 * The lock is SQLite's own: a small database in the folder, held in an exclusive write
 * transaction for as long as the core runs. The operating system releases it when the process
 * ends, however it ends (a crash or a kill leaves no stale lock), on every platform SQLite runs on.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { en } from '../../../shared/i18n/en';
import { ruleMessage } from '../../../shared/i18n/rules';
import { ensurePrivateFile } from './durable';

export const LOCK_FILE = 'citizen-audit.lock';

export interface FolderLock {
  release(): void;
}

/** Takes the data folder's lock, or throws `database_in_use`. */
export function lockDataFolder(dataDir: string): FolderLock {
  const file = join(dataDir, LOCK_FILE);
  ensurePrivateFile(file);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') {
      const params = { folder: dataDir };
      throw new AppError('database_in_use', ruleMessage(en, 'databaseInUse', params), {
        rule: { key: 'databaseInUse', params },
      });
    }
    throw e;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
