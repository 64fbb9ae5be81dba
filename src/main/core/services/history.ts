/** The append-only history of changes: who changed which record, when, from what to what. */
import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { HistoryEntry } from '../../../shared/domain/history';

export interface HistoryInput {
  entity: string;
  entityId: string;
  action: HistoryEntry['action'];
  personId: string | null;
  at: string;
  before: object | null;
  after: object | null;
}

export function appendHistory(db: WritableDB, h: HistoryInput): void {
  prepared(
    db,
    `INSERT INTO history (entity, entity_id, action, person_id, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.entity,
    h.entityId,
    h.action,
    h.personId,
    h.at,
    h.before === null ? null : JSON.stringify(h.before),
    h.after === null ? null : JSON.stringify(h.after),
  );
}

export function listHistory(
  db: ReadableDB,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number },
): HistoryEntry[] {
  const rows = prepared(
    db,
    `SELECT seq, entity, entity_id, action, person_id, at, before, after FROM history
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY seq DESC LIMIT @limit`,
  ).all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit }) as {
    seq: number;
    entity: string;
    entity_id: string;
    action: string;
    person_id: string | null;
    at: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) =>
    HistoryEntry.parse({
      seq: r.seq,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      personId: r.person_id,
      at: r.at,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }),
  );
}
