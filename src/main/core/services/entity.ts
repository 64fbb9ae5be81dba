/**
 * The generic life of a record: create, update, archive, get, list. Every change is attributed
 * to the current person, bumps the revision, and is written to the history in the same
 * transaction (the dispatcher wraps each call in one). Domain rules come in as `Rules`.
 */
import { AppError } from '../../../shared/api/errors';
import type { ReadableDB } from '../db/handles';
import {
  getRecord,
  insertRecord,
  listRecords,
  updateRecord,
  type EntitySpec,
  type StoredRecord,
} from '../repositories/table';
import { requirePerson, type ServiceContext } from './context';
import { appendHistory } from './history';

type Meta = 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'rev' | 'archivedAt';
export type Fields<R> = Omit<R, Meta>;

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
  } = record as R & Record<Meta, unknown>;
  return fields as Fields<R>;
}

export interface Rules<R extends StoredRecord> {
  /** Reference fields (single id, nullable id, or id array) and the entity each must exist in. */
  refs?: { [K in keyof R]?: EntitySpec };
  /** Checks the record as it would be stored; `before` is null on create. Throws AppError. */
  check?(db: ReadableDB, next: R, before: R | null): void;
}

/** The record, or `not_found` naming the entity. */
export function requireRecord<R extends StoredRecord>(db: ReadableDB, spec: EntitySpec<R>, id: string): R {
  const r = getRecord(db, spec, id);
  if (!r) throw new AppError('not_found', `No ${label(spec)} with id ${id}.`);
  return r;
}

export const label = (spec: EntitySpec): string => spec.entity.replace(/_/g, ' ');

export function violation(message: string): AppError {
  return new AppError('rule_violation', message);
}

function checkRefs<R extends StoredRecord>(db: ReadableDB, rules: Rules<R>, next: R, before: R | null): void {
  for (const [field, spec] of Object.entries(rules.refs ?? {}) as [string, EntitySpec][]) {
    const value = (next as Record<string, unknown>)[field];
    const old = before ? (before as Record<string, unknown>)[field] : undefined;
    const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
    const oldIds = new Set(Array.isArray(old) ? (old as string[]) : typeof old === 'string' ? [old] : []);
    if (new Set(ids).size !== ids.length) throw violation(`The same ${label(spec)} is listed twice in ${field}.`);
    for (const id of ids) {
      const target = requireRecord(db, spec, id);
      // A reference kept from before may point to a record archived since; a new one may not.
      if (target.archivedAt !== null && !oldIds.has(id)) {
        throw violation(`The ${label(spec)} ${id} is archived and cannot be linked.`);
      }
    }
  }
}

export function createEntity<R extends StoredRecord>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  fields: Fields<R>,
  options: { id?: string; personId?: string } = {},
): R {
  const personId = options.personId ?? requirePerson(ctx);
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
  checkRefs(ctx.db, rules, record, null);
  rules.check?.(ctx.db, record, null);
  insertRecord(ctx.db, spec, record);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: record.id,
    action: 'create',
    personId,
    at: now,
    before: null,
    after: record,
  });
  return record;
}

export function updateEntity<R extends StoredRecord & { rev: number; updatedAt: string }>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  rules: Rules<R>,
  id: string,
  patch: Partial<Fields<R>>,
  action: 'update' | 'status' = 'update',
): R {
  const personId = requirePerson(ctx);
  const before = requireRecord(ctx.db, spec, id);
  if (before.archivedAt !== null) throw violation(`This ${label(spec)} is archived and cannot be changed.`);
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
  updateRecord(ctx.db, spec, next);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: id,
    action,
    personId,
    at: next.updatedAt,
    before,
    after: next,
  });
  return next;
}

export function archiveEntity<R extends StoredRecord & { rev: number; updatedAt: string }>(
  ctx: ServiceContext,
  spec: EntitySpec<R>,
  id: string,
): R {
  const personId = requirePerson(ctx);
  const before = requireRecord(ctx.db, spec, id);
  if (before.archivedAt !== null) return before;
  const now = ctx.now();
  const next = spec.record.parse({
    ...before,
    archivedAt: now,
    updatedAt: now,
    updatedBy: personId,
    rev: before.rev + 1,
  });
  updateRecord(ctx.db, spec, next);
  appendHistory(ctx.db, {
    entity: spec.entity,
    entityId: id,
    action: 'archive',
    personId,
    at: now,
    before,
    after: next,
  });
  return next;
}

/** The standard handlers of a plain entity, for `crud(...)` channels of the contract. */
export function crudService<R extends StoredRecord & { rev: number; updatedAt: string }>(
  spec: EntitySpec<R>,
  rules: Rules<R> = {},
) {
  return {
    create: (ctx: ServiceContext, input: Fields<R>) => createEntity(ctx, spec, rules, input),
    get: (ctx: ServiceContext, input: { id: string }) => requireRecord(ctx.db, spec, input.id),
    update: (ctx: ServiceContext, input: { id: string } & Partial<Fields<R>>) => {
      const { id, ...patch } = input;
      return updateEntity(ctx, spec, rules, id, patch as Partial<Fields<R>>);
    },
    list: (ctx: ServiceContext, input: { includeArchived?: boolean | undefined } & Record<string, unknown>) => {
      const { includeArchived, ...where } = input;
      return listRecords(ctx.db, spec, where, includeArchived ?? false);
    },
    archive: (ctx: ServiceContext, input: { id: string }) => archiveEntity(ctx, spec, input.id),
  };
}
