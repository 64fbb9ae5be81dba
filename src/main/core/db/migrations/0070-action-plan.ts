/**
 * 0070 — the action plan's own words.
 *
 * - `programme.action_area_names`: the programme's names of the action areas, by language
 *   (`{"training_awareness": {"en": "…", "es": "…"}}`); `{}`, the default, keeps Reggio Emilia's
 *   names, so every programme stored before keeps the names it showed.
 * - `measure.indicator_unit`: the unit an indicator is counted in (`%`, `people`); `''` for the
 *   measures stored before (their unit, if any, is still written in the indicator's text).
 */
import type { WritableDB } from '../handles';

export function up(db: WritableDB): void {
  db.exec(`
ALTER TABLE programme ADD COLUMN action_area_names TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(action_area_names));
ALTER TABLE measure ADD COLUMN indicator_unit TEXT NOT NULL DEFAULT '';
`);
}
