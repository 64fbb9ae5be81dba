/**
 * 0050 — full-text search over the observation log.
 *
 * `observation_fts` is an FTS5 index over each observation's narrative and location. It is an
 * external-content index (`content='observation'`): the text lives once, in `observation`; the
 * index holds only the tokens, keyed by the observation's rowid. Triggers keep it in step with
 * every insert, change and delete, whatever writes the row.
 *
 * The tokenizer is `unicode61 remove_diacritics 2`: case-insensitive in every script and blind to
 * accents and other diacritics, so "policia" finds "policía" and "karsimaton" finds "kärsimätön";
 * Arabic, Cyrillic or Greek words are tokens like any other.
 *
 * Keep in mind: the index is keyed by `observation.rowid`. A later migration that rebuilds the
 * `observation` table must keep the rowids or end with
 * `INSERT INTO observation_fts(observation_fts) VALUES ('rebuild')`.
 */
import type { WritableDB } from '../handles';

export function up(db: WritableDB): void {
  db.exec(`
CREATE VIRTUAL TABLE observation_fts USING fts5(
  narrative,
  location,
  content = 'observation',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER observation_fts_insert AFTER INSERT ON observation BEGIN
  INSERT INTO observation_fts (rowid, narrative, location) VALUES (new.rowid, new.narrative, new.location);
END;

CREATE TRIGGER observation_fts_delete AFTER DELETE ON observation BEGIN
  INSERT INTO observation_fts (observation_fts, rowid, narrative, location)
    VALUES ('delete', old.rowid, old.narrative, old.location);
END;

CREATE TRIGGER observation_fts_update AFTER UPDATE OF narrative, location ON observation
  WHEN old.narrative IS NOT new.narrative OR old.location IS NOT new.location BEGIN
  INSERT INTO observation_fts (observation_fts, rowid, narrative, location)
    VALUES ('delete', old.rowid, old.narrative, old.location);
  INSERT INTO observation_fts (rowid, narrative, location) VALUES (new.rowid, new.narrative, new.location);
END;

INSERT INTO observation_fts (observation_fts) VALUES ('rebuild');
`);
}
