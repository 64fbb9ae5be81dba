/**
 * Branded database handles. A function that only reads takes a `ReadableDB`; one that writes
 * takes a `WritableDB`. A writable handle can be passed where a readable one is expected, never
 * the other way round, so the type checker shows every place that may write.
 */
import type Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

/** Marks a freshly opened connection; only `openDatabase` and tests should call this. */
export function asWritable(db: Database.Database): WritableDB {
  return db as WritableDB;
}
