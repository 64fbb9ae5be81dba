/**
 * The migration registry. Migrations are numbered in steps of 10 (`0010-initial.ts`), applied in
 * order, each in one transaction that also sets `PRAGMA user_version` to its number, so a failed
 * migration leaves the database exactly as it was. A shipped migration is never edited: add a
 * new one.
 */
import type { WritableDB } from '../handles';
import { AppError } from '../../../../shared/api/errors';
import * as m0010 from './0010-initial';

export interface Migration {
  version: number;
  name: string;
  up(db: WritableDB): void;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 10, name: 'initial', up: m0010.up }];

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
  for (const m of migrations) {
    if (m.version <= from || m.version > latest) continue;
    db.transaction(() => {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is an integer from our own registry.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
  }
  return currentVersion(db);
}
