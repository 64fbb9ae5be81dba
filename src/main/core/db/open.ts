/**
 * Opens the app's SQLite database: WAL journal, foreign keys on, full fsync on commit so an
 * acknowledged change survives a crash, an integrity check before anything is written, then the
 * migrations. A database newer than this app or one that fails its check is refused with a
 * message a coordinator can act on, and is left untouched.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { asWritable, type WritableDB } from './handles';
import { migrate, MIGRATIONS, refuseNewer, type Migration } from './migrations';

export interface OpenOptions {
  /** For tests of the migration machinery. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  let raw: Database.Database;
  try {
    raw = new Database(file, { readonly: options.readonly ?? false });
  } catch (e) {
    throw new AppError('database_corrupt', `The database file ${file} cannot be opened: ${(e as Error).message}`);
  }
  const db = asWritable(raw);
  try {
    checkIntegrity(db, file);
    // Refuse a newer database before anything (even the journal mode) touches the file.
    refuseNewer(db, (options.migrations ?? MIGRATIONS).at(-1)?.version ?? 0);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function checkIntegrity(db: WritableDB, file: string): void {
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (e) {
    throw new AppError(
      'database_corrupt',
      `The database ${file} is damaged or is not a Citizen Audit database (${(e as Error).message}). Restore it from a backup; the file has not been changed.`,
    );
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new AppError(
      'database_corrupt',
      `The database ${file} failed its integrity check (${problems.slice(0, 3).join('; ')}). Restore it from a backup; the file has not been changed.`,
    );
  }
}
