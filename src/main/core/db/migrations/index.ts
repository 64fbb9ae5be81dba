/**
 * The migration registry. Migrations are numbered in steps of 10 (`0010-initial.ts`), applied in
 * order, each in one transaction that also sets `PRAGMA user_version` to its number, so a failed
 * migration leaves the database exactly as it was. A shipped migration is never edited: add a
 * new one.
 *
 * Foreign keys are switched off while migrations run (SQLite cannot rebuild a table that others
 * reference otherwise, and the switch is ignored inside a transaction), and every migration ends
 * with `PRAGMA foreign_key_check`: a migration that would leave a dangling reference fails and
 * is rolled back.
 */
import type { WritableDB } from '../handles';
import { AppError } from '../../../../shared/api/errors';
import * as m0010 from './0010-initial';
import * as m0020 from './0020-relations';
import * as m0030 from './0030-ownership-and-changes';
import * as m0050 from './0050-observation-search';
import * as m0060 from './0060-review';
import * as m0070 from './0070-action-plan';

export interface Migration {
  version: number;
  name: string;
  up(db: WritableDB): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', up: m0010.up },
  { version: 20, name: 'relations', up: m0020.up },
  { version: 30, name: 'ownership-and-changes', up: m0030.up },
  // 40 was never used (numbers only grow; gaps are allowed).
  { version: 50, name: 'observation-search', up: m0050.up },
  { version: 60, name: 'review', up: m0060.up },
  { version: 70, name: 'action-plan', up: m0070.up },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export function currentVersion(db: WritableDB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws `database_too_new` when the database's schema is newer than `known`. */
export function refuseNewer(db: WritableDB, known: number): void {
  const from = currentVersion(db);
  if (from > known) {
    throw new AppError(
      'database_too_new',
      `This database was written by a newer version of Citizen Audit (schema ${from}; this version knows up to ${known}). Install the newer version to open it; the file has not been changed.`,
    );
  }
}

/**
 * Brings the database up to `target` (default: the latest). Refuses a database whose version is
 * newer than this app knows, because its schema may mean something this code would corrupt.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[] = MIGRATIONS, target?: number): number {
  const latest = target ?? migrations.at(-1)?.version ?? 0;
  const from = currentVersion(db);
  refuseNewer(db, migrations.at(-1)?.version ?? 0);
  const pending = migrations.filter((m) => m.version > from && m.version <= latest);
  if (pending.length === 0) return from;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        m.up(db);
        const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (dangling.length > 0) {
          const first = dangling[0]!;
          throw new Error(
            `Migration ${m.version} (${m.name}) would leave ${dangling.length} dangling reference(s), e.g. ${first.table} → ${first.parent}.`,
          );
        }
        // user_version cannot be bound as a parameter; the value is an integer from our own registry.
        db.pragma(`user_version = ${Math.trunc(m.version)}`);
      }).immediate();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return currentVersion(db);
}
