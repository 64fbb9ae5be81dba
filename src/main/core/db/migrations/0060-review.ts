/**
 * 0060 — what the review of findings needs beyond 0050.
 *
 * - `recommendation.addressed_to`: the service or department a recommendation is addressed to;
 *   '' (every existing row) means the audited service itself.
 * - `management_response.committed_by`: the date (YYYY-MM-DD) by which the manager commits to
 *   the measure they name; NULL when they name none or give no date (every existing row).
 * - `dismissed_suggestion`: the coordinator's "not a finding" for a draft finding suggested by a
 *   non-compliant consolidated result. A live row hides that result's suggestion; archiving the
 *   row brings the suggestion back. The composite foreign key keeps the result within the
 *   dismissal's audit, and one live dismissal per result.
 */
import type { WritableDB } from '../handles';

export function up(db: WritableDB): void {
  db.exec(`
ALTER TABLE recommendation ADD COLUMN addressed_to TEXT NOT NULL DEFAULT '';
ALTER TABLE management_response ADD COLUMN committed_by TEXT;

CREATE TABLE dismissed_suggestion (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  consolidated_result_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  rev INTEGER NOT NULL DEFAULT 1,
  archived_at TEXT,
  FOREIGN KEY (consolidated_result_id, audit_id) REFERENCES consolidated_result (id, audit_id)
) STRICT;

CREATE INDEX dismissed_suggestion_audit ON dismissed_suggestion (audit_id);
CREATE INDEX dismissed_suggestion_result ON dismissed_suggestion (consolidated_result_id, audit_id);
CREATE UNIQUE INDEX dismissed_suggestion_live ON dismissed_suggestion (consolidated_result_id)
  WHERE archived_at IS NULL;
`);
}
