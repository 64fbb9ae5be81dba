/**
 * The generic life of a record: create, update, archive, get. Every change
 *
 * - is attributed to the current (active) person and written to the history in the same
 *   transaction (the dispatcher wraps each write in one);
 * - of an existing record names the revision the caller read: a stale one is refused with
 *   `conflict` and nothing changes;
 * - passes the record's `Rules` — archiving too: no path writes around them;
 * - is refused when the record belongs to an audit that is closed or archived (`Rules.auditOf`).
 */
import type { ReadableDB } from '../db/handles';
import {
  getRecord,
  insertRecord,
  updateRecord,
  type EntitySpec,
  type Fields,
  type StoredRecord,
} from '../repositories/table';
import { AUDIT } from '../repositories/specs';
import { currentPerson, type ServiceContext } from './context';
import { appendHistory, changesBetween } from './history';
import { conflict, notFound, rule } from './problems';

export type { Fields };

/** The domain fields of a stored record, without its metadata: what a copy of it is created from. */
export function withoutMeta<R extends StoredRecord>(record: R): Fields<R> {
  const {
    id: _id,
    createdAt: _ca,
    updatedAt: _ua,
    createdBy: _cb,
    updatedBy: _ub,
    rev: _rev,
    archivedAt: _aa,
    ...fields
  } = record as R & { createdAt: unknown; createdBy: unknown; updatedBy: unknown };
  return fields as unknown as Fields<R>;
}

export interface Rules<R extends StoredRecord> {
  /** Reference fields (single id, nullable id, or id array) and the entity each must exist in. */
  refs?: { [K in keyof Fields<R>]?: EntitySpec<StoredRecord> };
  /** The audit the record belongs to: a closed or archived audit freezes it. */
  auditOf?(db: ReadableDB, record: R): string | null;
  /** Checks the record as it would be stored; `before` is null on create. Throws AppError. */
  check?(db: ReadableDB, next: R, before: R | null): void;
  /** Checks that the record may be archived. */
  checkArchive?(db: ReadableDB, record: R): void;
}

/** The record, or `not_found` naming the entity. */
export function requireRecord<R extends StoredRecord>(db: ReadableDB, spec: EntitySpec<R>, id: string): R {
  const r = getRecord(db, spec, id);
  if (!r) throw notFound(spec.entity, id);
  return r;
}

/** Refuses a change to a record of a closed or archived audit. */
export function requireOpenAudit(db: ReadableDB, auditId: string): void {
  const audit = requireRecord(db, AUDIT, auditId);
  if (audit.archivedAt !== null) throw rule('auditArchived');
  if (audit.status === 'closed') throw rule('auditClosed');
}

function checkRefs<R extends StoredRecord>(db: ReadableDB, rules: Rules<R>, next: R, before: R | null): void {
  for (const [field, spec] of Object.entries(rules.refs ?? {}) as [string, EntitySpec<StoredRecord>][]) {
    const value: unknown = Reflect.get(next, field);
    const old: unknown = before ? Reflect.get(before, field) : undefined;
    const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
    const oldIds = new Set(Array.isArray(old) ? (old as string[]) : typeof old === 'string' ? [old] : []);
    if (new Set(ids).size !== ids.length) throw rule('refListedTwice', { entity: spec.entity }, field);
    for (const id of ids) {
      const target = requireRecord(db, spec, id);
      // A reference kept from before may point to a record archived since; a new one may not.
      if (target.archivedAt !== null && !oldIds.has(id)) throw rule('refArchived', { entity: spec.entity }, field);
    }
  }
}

function checkRev(entity: string, before: StoredRecord, rev: number): void {
  if (before.rev !== rev) throw conflict(entity, rev, before.rev);
}

function checkAudit<R extends StoredRecord>(db: ReadableDB, rules: Rules<R>, record: R): void {
  const auditId = rules.auditOf?.(db, record);
  if (auditId) requireOpenAudit(db, auditId);
}

export function createEntity<R extends StoredRecord>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  fields: Fields<R>,
  options: { id?: string; personId?: string } = {},
): R {
  const personId = options.personId ?? currentPerson(ctx).id;
  const now = ctx.now();
  const record = spec.record.parse({
    ...fields,
    id: options.id ?? ctx.newId(),
    createdAt: now,
    updatedAt: now,
    createdBy: personId,
    updatedBy: personId,
    rev: 1,
    archivedAt: null,
  });
  checkAudit(ctx.db, rules, record);
  checkRefs(ctx.db, rules, record, null);
  rules.check?.(ctx.db, record, null);
  insertRecord(ctx.db, spec, record);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: record.id,
    action: 'create',
    personId,
    at: now,
    after: record,
  });
  // Derived fields (a measure's status) are computed by the database: answer what is stored.
  return requireRecord(ctx.db, spec, record.id);
}

export function updateEntity<R extends StoredRecord>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  id: string,
  rev: number,
  patch: Partial<Fields<R>>,
  action: 'update' | 'status' = 'update',
): R {
  const personId = currentPerson(ctx).id;
  const before = requireRecord(ctx.db, spec, id);
  checkRev(spec.entity, before, rev);
  if (before.archivedAt !== null) throw rule('recordArchived', { entity: spec.entity });
  checkAudit(ctx.db, rules, before);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = spec.record.parse({
    ...before,
    ...defined,
    updatedAt: ctx.now(),
    updatedBy: personId,
    rev: before.rev + 1,
  });
  checkRefs(ctx.db, rules, next, before);
  rules.check?.(ctx.db, next, before);
  updateRecord(ctx.db, spec, next, before);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: id,
    action,
    personId,
    at: next.updatedAt,
    changes: changesBetween(before, next),
  });
  return requireRecord(ctx.db, spec, id);
}

export function archiveEntity<R extends StoredRecord>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  id: string,
  rev: number,
): R {
  const personId = currentPerson(ctx).id;
  const before = requireRecord(ctx.db, spec, id);
  checkRev(spec.entity, before, rev);
  if (before.archivedAt !== null) return before;
  checkAudit(ctx.db, rules, before);
  rules.checkArchive?.(ctx.db, before);
  const now = ctx.now();
  const next = spec.record.parse({
    ...before,
    archivedAt: now,
    updatedAt: now,
    updatedBy: personId,
    rev: before.rev + 1,
  });
  updateRecord(ctx.db, spec, next, before);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: id,
    action: 'archive',
    personId,
    at: now,
    changes: changesBetween(before, next),
  });
  return requireRecord(ctx.db, spec, id);
}

/** The plain handlers of a record: create, update, archive, get. Lists are written per entity. */
export function recordService<R extends StoredRecord>(spec: EntitySpec<R>, rules: Rules<R> = {}) {
  return {
    create: (ctx: ServiceContext, input: Fields<R>): R => createEntity(ctx, spec, rules, input),
    get: (ctx: { db: ReadableDB }, input: { id: string }): R => requireRecord(ctx.db, spec, input.id),
    update: (ctx: ServiceContext, input: { id: string; rev: number } & Partial<Fields<R>>): R => {
      const { id, rev, ...patch } = input;
      return updateEntity(ctx, spec, rules, id, rev, patch as Partial<Fields<R>>);
    },
    archive: (ctx: ServiceContext, input: { id: string; rev: number }): R =>
      archiveEntity(ctx, spec, rules, input.id, input.rev),
  };
}
