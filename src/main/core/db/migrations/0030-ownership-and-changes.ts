/**
 * 0030 — the file says it is ours, and the history keeps what changed.
 *
 * - `PRAGMA application_id` marks the file as a Citizen Audit database, so the app can refuse
 *   another application's SQLite file instead of migrating into it (db/open.ts).
 * - `history.changes`: from now on an update records only the fields that changed, each as
 *   `[before, after]`, instead of the whole record twice (a 20,000-character narrative saved at
 *   every pause in typing filled the history). A creation still records the whole record in
 *   `after`. Earlier entries keep their `before`/`after` as written: history is append-only.
 */
import type { WritableDB } from '../handles';

/** `CAUD`, as db/open.ts's APPLICATION_ID (a shipped migration keeps its own copy of the value). */
const APPLICATION_ID = 0x43415544;

export function up(db: WritableDB): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(`ALTER TABLE history ADD COLUMN changes TEXT CHECK (changes IS NULL OR json_valid(changes))`);
}
