/**
 * Generic storage of a domain record in its table. An `EntitySpec` says, for EVERY field of the
 * record (the type requires each key, and allows no other), how it is stored:
 *
 * - a column kind (`'text'`, `'json'`, …): the column named as the field in snake_case;
 * - `link(table, owner, target)`: an id array kept as ordered rows of a link table;
 * - `evidence(ownerColumn)`: evidence links kept in `evidence_link`, one typed column per kind;
 * - `derived(sql)`: read-only, computed from other rows (e.g. a measure's status).
 *
 * A record is read with ONE statement: link, evidence and derived fields are correlated
 * subqueries of the same SELECT, never a lookup per row. Values always travel as bound
 * parameters; only identifiers from specs (constants, never user input) are written into SQL.
 */
import type { z } from 'zod';
import type { Paged } from '../../../shared/domain/common';
import { EVIDENCE_KINDS, type EvidenceLink } from '../../../shared/domain/evidence';
import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';

export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json' | 'any';
export interface LinkStorage {
  readonly link: { readonly table: string; readonly owner: string; readonly target: string };
}
export interface EvidenceStorage {
  /** The owner column in `evidence_link`: `finding_id` or `citing_response_id`. */
  readonly evidence: 'finding_id' | 'citing_response_id';
}
export interface DerivedStorage {
  /** An SQL expression over the row `t`, typically a correlated subquery. */
  readonly derived: string;
  readonly kind: ColumnKind;
}
export type FieldStorage = ColumnKind | LinkStorage | EvidenceStorage | DerivedStorage;

export const link = (table: string, owner: string, target: string): LinkStorage => ({ link: { table, owner, target } });
export const evidence = (owner: EvidenceStorage['evidence']): EvidenceStorage => ({ evidence: owner });
export const derived = (sql: string, kind: ColumnKind = 'text'): DerivedStorage => ({ derived: sql, kind });

/** The metadata every stored record has. */
export type Meta = 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'rev' | 'archivedAt';
export interface StoredRecord {
  id: string;
  rev: number;
  updatedAt: string;
  archivedAt: string | null;
}
/** The domain fields of a record, without its metadata. */
export type Fields<R> = Omit<R, Meta>;

export interface EntitySpec<R extends StoredRecord = StoredRecord> {
  /** The entity's name in history and messages: `service`, `finding`. */
  entity: string;
  table: string;
  record: z.ZodType<R>;
  /** ORDER BY of lists, over the row `t`. */
  order: string;
  fields: { readonly [K in keyof Fields<R>]-?: FieldStorage };
}

export const META_COLUMNS: Readonly<Record<Meta, ColumnKind>> = {
  id: 'text',
  createdAt: 'text',
  updatedAt: 'text',
  createdBy: 'text',
  updatedBy: 'text',
  rev: 'int',
  archivedAt: 'text',
};

/** `serviceId` → `service_id`. */
export const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const isColumn = (s: FieldStorage): s is ColumnKind => typeof s === 'string';

/** A record's fields by name: records are plain objects parsed by their zod schema. */
const fieldsByName = (record: object): Readonly<Record<string, unknown>> => record as Record<string, unknown>;

/** The stored columns of a spec: metadata and column fields, with their kinds. */
export function columnsOf(spec: EntitySpec): [field: string, kind: ColumnKind][] {
  const own = Object.entries(spec.fields as Record<string, FieldStorage>).filter((e): e is [string, ColumnKind] =>
    isColumn(e[1]),
  );
  return [...(Object.entries(META_COLUMNS) as [string, ColumnKind][]), ...own];
}

function toColumn(kind: ColumnKind, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'json':
      return JSON.stringify(value);
    case 'bool':
      return value ? 1 : 0;
    default:
      return value;
  }
}

function fromColumn(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'json':
      return JSON.parse(value as string);
    case 'bool':
      return value === 1;
    default:
      return value;
  }
}

/** The CASE that names the kind of an evidence_link row `e`, and the id it cites. */
const EVIDENCE_KIND_SQL = `CASE ${EVIDENCE_KINDS.map((k) => `WHEN e.${k}_id IS NOT NULL THEN '${k}'`).join(' ')} END`;
const EVIDENCE_ID_SQL = `coalesce(${EVIDENCE_KINDS.map((k) => `e.${k}_id`).join(', ')})`;

/** The SELECT list of a spec: the row, then one subquery per link, evidence or derived field. */
function selectList(spec: EntitySpec): string {
  const parts = ['t.*'];
  for (const [field, s] of Object.entries(spec.fields as Record<string, FieldStorage>)) {
    if (isColumn(s)) continue;
    if ('link' in s) {
      const { table, owner, target } = s.link;
      parts.push(
        `(SELECT json_group_array(l.${target} ORDER BY l.position) FROM ${table} l WHERE l.${owner} = t.id) AS "${field}"`,
      );
    } else if ('evidence' in s) {
      parts.push(
        `(SELECT json_group_array(json_object('kind', ${EVIDENCE_KIND_SQL}, 'id', ${EVIDENCE_ID_SQL}) ORDER BY e.position)
          FROM evidence_link e WHERE e.${s.evidence} = t.id) AS "${field}"`,
      );
    } else {
      parts.push(`(${s.derived}) AS "${field}"`);
    }
  }
  return parts.join(',\n  ');
}

const selectCache = new WeakMap<EntitySpec, string>();
/** `SELECT … FROM table t` for a spec; add WHERE/ORDER BY after it. Aliases `t` for the row. */
export function selectFrom(spec: EntitySpec): string {
  let sql = selectCache.get(spec);
  if (!sql) {
    sql = `SELECT ${selectList(spec)}\nFROM ${spec.table} t`;
    selectCache.set(spec, sql);
  }
  return sql;
}

/** Turns a row of `selectFrom(spec)` into the parsed record. */
export function rowToRecord<R extends StoredRecord>(spec: EntitySpec<R>, row: Record<string, unknown>): R {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of columnsOf(spec)) out[field] = fromColumn(kind, row[snake(field)]);
  for (const [field, s] of Object.entries(spec.fields as Record<string, FieldStorage>)) {
    if (isColumn(s)) continue;
    out[field] = 'derived' in s ? fromColumn(s.kind, row[field]) : JSON.parse(row[field] as string);
  }
  return spec.record.parse(out);
}

export function getRecord<R extends StoredRecord>(db: ReadableDB, spec: EntitySpec<R>, id: string): R | null {
  const row = prepared(db, `${selectFrom(spec)} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? rowToRecord(spec, row) : null;
}

/**
 * Lists records matching every `where` column exactly (undefined values are ignored), live ones
 * only unless `includeArchived`. Example: `listRecords(db, SERVICE, { managerId })`.
 */
export function listRecords<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  where: { [K in keyof Fields<R>]?: unknown },
  includeArchived = false,
): R[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const fields = spec.fields as Record<string, FieldStorage>;
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const s = fields[field];
    if (s === undefined || !isColumn(s)) throw new Error(`${spec.entity} has no column ${field}`);
    clauses.push(`t.${snake(field)} = ?`);
    params.push(toColumn(s, value));
  }
  if (!includeArchived) clauses.push('t.archived_at IS NULL');
  return queryRecords(db, spec, clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params);
}

/** One page of a list: `limit` rows from `offset`. */
export interface Paging {
  limit: number;
  offset: number;
}

/**
 * Records selected by a hand-written condition, joins included:
 * `queryRecords(db, CRITERION, 'JOIN template_section s ON s.id = t.section_id WHERE s.version_id = ?', [id], 's.position, t.position')`.
 */
export function queryRecords<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  condition: string,
  params: readonly unknown[],
  order = spec.order,
): R[] {
  const rows = prepared(db, `${selectFrom(spec)}\n${condition}\nORDER BY ${order}`).all(...params) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => rowToRecord(spec, r));
}

/** One page of `queryRecords`: one more row is read to know whether a next page exists. */
export function queryPage<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  condition: string,
  params: readonly unknown[],
  paging: Paging,
  order = spec.order,
): Paged<R> {
  const rows = prepared(db, `${selectFrom(spec)}\n${condition}\nORDER BY ${order}\nLIMIT ? OFFSET ?`).all(
    ...params,
    paging.limit + 1,
    paging.offset,
  ) as Record<string, unknown>[];
  return {
    items: rows.slice(0, paging.limit).map((r) => rowToRecord(spec, r)),
    next: rows.length > paging.limit ? paging.offset + paging.limit : null,
  };
}

/**
 * One page of the records meeting every condition whose value is given —
 * `['t.audit_id = ?', auditId]`; an undefined value leaves its condition out — live ones only
 * unless `includeArchived`. Example: `pageWhere(db, FINDING, [['t.audit_id = ?', auditId]], input)`.
 */
export function pageWhere<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  conditions: readonly (readonly [sql: string, value: unknown])[],
  options: Paging & { includeArchived?: boolean | undefined; join?: string; order?: string },
): Paged<R> {
  const given = conditions.filter(([, v]) => v !== undefined);
  const clauses = given.map(([sql]) => sql);
  if (!options.includeArchived) clauses.push('t.archived_at IS NULL');
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  return queryPage(
    db,
    spec,
    `${options.join ?? ''}${where}`,
    given.map(([, v]) => v),
    options,
    options.order,
  );
}

/**
 * One page of the records matching every `where` column exactly (undefined values are ignored).
 * Example: `pageRecords(db, PERSON, { role }, { limit: 200, offset: 0 })`.
 */
export function pageRecords<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  where: { [K in keyof Fields<R>]?: unknown },
  options: Paging & { includeArchived?: boolean | undefined },
): Paged<R> {
  const fields = spec.fields as Record<string, FieldStorage>;
  const conditions = Object.entries(where).map(([field, value]): [string, unknown] => {
    const s = fields[field];
    if (s === undefined || !isColumn(s)) throw new Error(`${spec.entity} has no column ${field}`);
    return [`t.${snake(field)} = ?`, value === undefined ? undefined : toColumn(s, value)];
  });
  return pageWhere(db, spec, conditions, options);
}

export function insertRecord<R extends StoredRecord>(db: WritableDB, spec: EntitySpec<R>, record: R): void {
  const cols = columnsOf(spec);
  const values = fieldsByName(record);
  prepared(
    db,
    `INSERT INTO ${spec.table} (${cols.map(([f]) => snake(f)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map(([f, k]) => toColumn(k, values[f])));
  writeLinks(db, spec, values, null);
}

export function updateRecord<R extends StoredRecord>(db: WritableDB, spec: EntitySpec<R>, record: R, before: R): void {
  const cols = columnsOf(spec).filter(([f]) => f !== 'id');
  const values = fieldsByName(record);
  prepared(db, `UPDATE ${spec.table} SET ${cols.map(([f]) => `${snake(f)} = ?`).join(', ')} WHERE id = ?`).run(
    ...cols.map(([f, k]) => toColumn(k, values[f])),
    record.id,
  );
  writeLinks(db, spec, values, fieldsByName(before));
}

/** Rewrites the link and evidence rows of fields that changed (all of them on insert). */
function writeLinks(
  db: WritableDB,
  spec: EntitySpec,
  values: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> | null,
): void {
  for (const [field, s] of Object.entries(spec.fields as Record<string, FieldStorage>)) {
    if (isColumn(s) || 'derived' in s) continue;
    if (before && JSON.stringify(before[field]) === JSON.stringify(values[field])) continue;
    if ('link' in s) {
      const { table, owner, target } = s.link;
      const targets = (values[field] as string[] | undefined) ?? [];
      prepared(db, `DELETE FROM ${table} WHERE ${owner} = ?`).run(values.id);
      const insert = prepared(db, `INSERT INTO ${table} (${owner}, ${target}, position) VALUES (?, ?, ?)`);
      targets.forEach((t, i) => insert.run(values.id, t, i));
    } else {
      const links = (values[field] as EvidenceLink[] | undefined) ?? [];
      prepared(db, `DELETE FROM evidence_link WHERE ${s.evidence} = ?`).run(values.id);
      links.forEach((l, i) =>
        prepared(
          db,
          `INSERT INTO evidence_link (audit_id, ${s.evidence}, position, ${l.kind}_id) VALUES (?, ?, ?, ?)`,
        ).run(values.auditId, values.id, i, l.id),
      );
    }
  }
}
