/**
 * The append-only history of changes: who changed which record, when, and what. A creation keeps
 * the whole record; a change keeps only the fields it changed, each as `[before, after]` (the
 * revision, time and person of the change are the entry's own).
 */
import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { HistoryEntry } from '../../../shared/domain/history';
import type { Paged } from '../../../shared/domain/common';

export type Changes = Record<string, [unknown, unknown]>;

export interface HistoryInput {
  entity: string;
  entityId: string;
  action: HistoryEntry['action'];
  personId: string | null;
  at: string;
  /** For a creation: the record. */
  after?: object;
  /** For a change: what changed. */
  changes?: Changes;
}

/** Fields the entry itself records (who, when) or that every change moves. */
const IMPLIED = new Set(['updatedAt', 'updatedBy', 'rev']);

/** The fields that differ between two versions of a record, as `[before, after]`. */
export function changesBetween(before: object, after: object): Changes {
  const out: Changes = {};
  const b = before as Record<string, unknown>;
  for (const [field, value] of Object.entries(after)) {
    if (IMPLIED.has(field)) continue;
    if (JSON.stringify(b[field]) !== JSON.stringify(value)) out[field] = [b[field] ?? null, value ?? null];
  }
  return out;
}

export function appendHistory(db: WritableDB, h: HistoryInput): void {
  prepared(
    db,
    `INSERT INTO history (entity, entity_id, action, person_id, at, before, after, changes) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(
    h.entity,
    h.entityId,
    h.action,
    h.personId,
    h.at,
    h.after ? JSON.stringify(h.after) : null,
    h.changes ? JSON.stringify(h.changes) : null,
  );
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function listHistory(
  db: ReadableDB,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number; offset: number },
): Paged<HistoryEntry> {
  const rows = prepared(
    db,
    `SELECT seq, entity, entity_id, action, person_id, at, before, after, changes FROM history
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
  ).all({
    entity: filter.entity ?? null,
    entityId: filter.entityId ?? null,
    limit: filter.limit + 1,
    offset: filter.offset,
  }) as {
    seq: number;
    entity: string;
    entity_id: string;
    action: string;
    person_id: string | null;
    at: string;
    before: string | null;
    after: string | null;
    changes: string | null;
  }[];
  return {
    items: rows.slice(0, filter.limit).map((r) =>
      HistoryEntry.parse({
        seq: r.seq,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        personId: r.person_id,
        at: r.at,
        before: parse(r.before),
        after: parse(r.after),
        changes: parse(r.changes),
      }),
    ),
    next: rows.length > filter.limit ? filter.offset + filter.limit : null,
  };
}
