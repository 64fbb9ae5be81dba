/**
 * Opens the app's SQLite database: WAL journal, foreign keys on, full fsync on commit so an
 * acknowledged change survives a crash or a power cut, an integrity check before anything is
 * written, then the migrations (a caller-given backup first, when a database holding data is
 * about to be migrated).
 *
 * Only our own files are opened: a database carries our `application_id`; a file of another
 * application, a database newer than this app, or one that fails its check is refused with a
 * message a coordinator can act on, and left untouched. A new database is made only where the
 * caller allows it (`create`): where a file of ours was expected, an absent, zero-length or blank
 * file is refused (`database_missing`) instead of silently becoming an empty programme.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { en } from '../../../shared/i18n/en';
import { ruleMessage } from '../../../shared/i18n/rules';
import { ensurePrivateFile } from '../files/durable';
import { asWritable, type ReadableDB, type WritableDB } from './handles';
import { currentVersion, migrate, MIGRATIONS, refuseNewer, type Migration } from './migrations';

/** `CAUD`: marks a SQLite file as a Citizen Audit database (PRAGMA application_id). */
export const APPLICATION_ID = 0x43415544;

export interface OpenOptions {
  /** For tests of the migration machinery. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /**
   * Whether an absent, zero-length or blank file may become a new database (default true). False
   * where the folder shows a database of ours should be there.
   */
  create?: boolean;
  /** Called before migrations run on a database that already holds data (schema > 0). */
  beforeMigrate?: (db: ReadableDB, fromVersion: number) => void;
}

function refusal(
  code: 'database_foreign' | 'database_missing' | 'database_corrupt',
  key: string,
  file: string,
): AppError {
  const params = { file };
  return new AppError(code, ruleMessage(en, key, params), { rule: { key, params } });
}

/** What the file is: ours (possibly from before application_id was set), blank, or foreign. */
function kindOf(db: WritableDB): 'ours' | 'blank' | 'foreign' {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === APPLICATION_ID) return 'ours';
  if (id !== 0) return 'foreign';
  const version = currentVersion(db);
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  if (version === 0 && tables.length === 0) return 'blank';
  // Written before migration 0030 stamped application_id: our schema version and our tables.
  if (
    version >= 10 &&
    version < 30 &&
    ['programme', 'person', 'history', 'app_setting'].every((t) => tables.includes(t))
  ) {
    return 'ours';
  }
  return 'foreign';
}

export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  const create = options.create ?? true;
  const size = existsSync(file) ? statSync(file).size : null;
  if ((size === null || size === 0) && !create) throw refusal('database_missing', 'databaseMissing', file);
  // Made by us, readable by the user only; SQLite gives its -wal and -shm files the same mode.
  if (size === null && !options.readonly) ensurePrivateFile(file);

  let raw: Database.Database;
  try {
    raw = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new AppError('database_corrupt', `The database file ${file} cannot be opened: ${(e as Error).message}`);
  }
  const db = asWritable(raw);
  try {
    checkIntegrity(db, file);
    const kind = kindOf(db);
    if (kind === 'foreign') throw refusal('database_foreign', 'databaseForeign', file);
    if (kind === 'blank' && !create) throw refusal('database_missing', 'databaseMissing', file);
    // Refuse a newer database before anything (even the journal mode) touches the file.
    const migrations = options.migrations ?? MIGRATIONS;
    refuseNewer(db, migrations.at(-1)?.version ?? 0);
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const from = currentVersion(db);
    if (from > 0 && from < (migrations.at(-1)?.version ?? 0)) options.beforeMigrate?.(db, from);
    migrate(db, migrations);
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
