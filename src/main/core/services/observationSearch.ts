/**
 * The observation log as lists and searches show it: entries with an excerpt instead of the
 * whole narrative (a narrative may be 20,000 characters; `observations.get` gives it whole), and
 * full-text search over narratives and locations with the FTS5 index of migration 0050
 * (case- and accent-insensitive, any script), combined with filters.
 */
import type { z } from 'zod';
import type { Paged } from '../../../shared/domain/common';
import {
  EXCERPT_CHARS,
  type MarkedText,
  type Observation,
  type ObservationEntry,
  type ObservationSearch,
} from '../../../shared/domain/audit';
import type { ReadableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { pageRecords, queryRecords, type Paging } from '../repositories/table';
import { AUDIT, OBSERVATION } from '../repositories/specs';
import type { ReadContext } from './context';
import { requireRecord } from './entity';
import { teamMember } from './access';

/** Marks FTS5's snippet() and highlight() put around hits; stripped from stored text first. */
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * The FTS5 query for what a person typed: each word, quoted as a string (so `"`, `AND`, `NEAR`,
 * `*`, `:` or `^` are plain text, never syntax) and matched as a word or the start of one
 * (search as you type); all words must occur. Null when nothing searchable was typed.
 */
export function ftsQuery(typed: string): string | null {
  const words = typed
    .replace(/"/g, ' ')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 20);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Cuts a text marked with OPEN/CLOSE into parts. */
export function marked(text: string): MarkedText {
  const parts: MarkedText = [];
  let hit = false;
  let current = '';
  for (const ch of text) {
    if (ch === OPEN || ch === CLOSE) {
      if (current) parts.push({ text: current, hit });
      current = '';
      hit = ch === OPEN;
    } else current += ch;
  }
  if (current) parts.push({ text: current, hit });
  return parts;
}

const plain = (text: string): MarkedText => (text ? [{ text, hit: false }] : []);

/** The start of a narrative, cut at a word boundary near EXCERPT_CHARS. */
export function excerptOf(narrative: string): string {
  const text = narrative.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function entryOf(o: Observation, excerpt?: MarkedText, location?: MarkedText): ObservationEntry {
  const { narrative, location: loc, ...rest } = o;
  return {
    ...rest,
    location: location ?? plain(loc),
    excerpt: excerpt ?? plain(excerptOf(narrative)),
    narrativeLength: narrative.length,
  };
}

/** One page of an audit's observations, in the log's order, as entries. */
export function listObservations(
  ctx: ReadContext,
  input: Paging & { auditId: string; includeArchived?: boolean | undefined },
): Paged<ObservationEntry> {
  requireRecord(ctx.db, AUDIT, input.auditId);
  teamMember(ctx, input.auditId);
  const page = pageRecords(ctx.db, OBSERVATION, { auditId: input.auditId }, input);
  return { items: page.items.map((o) => entryOf(o)), next: page.next };
}

type SearchInput = z.output<typeof ObservationSearch>;

/** The filters of a search, as conditions over the observation row `t`. */
function filters(input: SearchInput): { sql: string[]; params: unknown[] } {
  const sql = ['t.audit_id = ?'];
  const params: unknown[] = [input.auditId];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    sql.push(condition);
    params.push(value);
  };
  add('EXISTS (SELECT 1 FROM observation_ground g WHERE g.observation_id = t.id AND g.ground_code = ?)', input.ground);
  add('t.severity = ?', input.severity);
  add('t.method = ?', input.method);
  add('t.author_id = ?', input.authorId);
  add('substr(t.observed_at, 1, 10) >= ?', input.from);
  add('substr(t.observed_at, 1, 10) <= ?', input.to);
  if (!input.includeArchived) sql.push('t.archived_at IS NULL');
  return { sql, params };
}

/** The records of these ids, in the order given. */
function byIds(db: ReadableDB, ids: string[]): Observation[] {
  if (ids.length === 0) return [];
  const found = new Map(
    queryRecords(db, OBSERVATION, 'WHERE t.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]).map((o) => [
      o.id,
      o,
    ]),
  );
  return ids.map((id) => found.get(id)).filter((o): o is Observation => o !== undefined);
}

/**
 * Searches an audit's observations: the entries that match, the latest written first, each with
 * the passage of its narrative around the hits and its location, hits marked. Without a query (or
 * with nothing searchable in it), the entries the filters keep, the latest observed first.
 *
 * Hits come in the index's own order (rowid, newest first) rather than by relevance (bm25): FTS5
 * then stops after one page instead of scoring every entry a common word matches, which keeps a
 * search of 100,000 entries within a few milliseconds (see `npm run bench`).
 */
export function searchObservations(ctx: ReadContext, input: SearchInput): Paged<ObservationEntry> {
  requireRecord(ctx.db, AUDIT, input.auditId);
  teamMember(ctx, input.auditId);
  const match = ftsQuery(input.query);
  const { sql, params } = filters(input);
  const page = [input.limit + 1, input.offset];
  const next = (n: number) => (n > input.limit ? input.offset + input.limit : null);
  if (match === null) {
    const rows = prepared(
      ctx.db,
      `SELECT t.id FROM observation t WHERE ${sql.join(' AND ')}
       ORDER BY t.observed_at DESC, t.rowid DESC LIMIT ? OFFSET ?`,
    ).all(...params, ...page) as { id: string }[];
    const records = byIds(
      ctx.db,
      rows.slice(0, input.limit).map((r) => r.id),
    );
    return { items: records.map((o) => entryOf(o)), next: next(rows.length) };
  }
  const rows = prepared(
    ctx.db,
    `SELECT t.id,
            snippet(observation_fts, 0, '${OPEN}', '${CLOSE}', '…', 40) AS excerpt,
            highlight(observation_fts, 1, '${OPEN}', '${CLOSE}') AS location
       FROM observation_fts JOIN observation t ON t.rowid = observation_fts.rowid
      WHERE observation_fts MATCH ? AND ${sql.join(' AND ')}
      ORDER BY observation_fts.rowid DESC LIMIT ? OFFSET ?`,
  ).all(match, ...params, ...page) as { id: string; excerpt: string; location: string }[];
  const shown = rows.slice(0, input.limit);
  const marks = new Map(shown.map((r) => [r.id, r]));
  const items = byIds(
    ctx.db,
    shown.map((r) => r.id),
  ).map((o) => entryOf(o, marked(marks.get(o.id)!.excerpt), marked(marks.get(o.id)!.location)));
  return { items, next: next(rows.length) };
}
