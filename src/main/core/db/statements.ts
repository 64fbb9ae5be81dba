/**
 * Prepared statements, compiled once per connection and reused: the generic repository builds
 * the same few SQL texts for every record it reads or writes, so compiling them on each call
 * would put SQLite's parser on the hot path of every list and save.
 */
import type Database from 'better-sqlite3';
import type { ReadableDB } from './handles';

const cache = new WeakMap<ReadableDB, Map<string, Database.Statement>>();

/** `prepared(db, 'SELECT * FROM person WHERE id = ?').get(id)` — the statement for this SQL on this connection. */
export function prepared(db: ReadableDB, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
