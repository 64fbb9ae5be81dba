/**
 * Generic storage of a domain record in its table. An `EntitySpec` says which table holds the
 * record, how each field is stored (column = the field's snake_case name) and which array fields
 * live in link tables. Values always travel as bound parameters; only identifiers from specs
 * (constants of this module's callers, never user input) are written into SQL text.
 */
import type { z } from 'zod';
import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';

export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json' | 'any';

/** An array field stored as rows of a link table: (owner, target, position). */
export interface LinkSpec {
  table: string;
  owner: string;
  target: string;
}

/** The fields every stored record has (see RecordMeta). */
export interface StoredRecord {
  id: string;
  archivedAt: string | null;
}

export interface EntitySpec<R extends StoredRecord = StoredRecord> {
  /** The entity's name in history and errors: `service`, `finding`. */
  entity: string;
  table: string;
  columns: Readonly<Record<string, ColumnKind>>;
  links?: Readonly<Record<string, LinkSpec>>;
  record: z.ZodType<R>;
  /** ORDER BY of lists. */
  order: string;
}

const META_COLUMNS: Readonly<Record<string, ColumnKind>> = {
  id: 'text',
  createdAt: 'text',
  updatedAt: 'text',
  createdBy: 'text',
  updatedBy: 'text',
  rev: 'int',
  archivedAt: 'text',
};

/** `programmeId` → `programme_id`. */
export const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function allColumns(spec: EntitySpec<StoredRecord>): [string, ColumnKind][] {
  return Object.entries({ ...META_COLUMNS, ...spec.columns });
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

function rowToRecord<R extends StoredRecord>(db: ReadableDB, spec: EntitySpec<R>, row: Record<string, unknown>): R {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of allColumns(spec)) out[field] = fromColumn(kind, row[snake(field)]);
  for (const [field, link] of Object.entries(spec.links ?? {})) {
    out[field] = (
      prepared(db, `SELECT ${link.target} AS t FROM ${link.table} WHERE ${link.owner} = ? ORDER BY position`).all(
        out.id,
      ) as { t: string }[]
    ).map((r) => r.t);
  }
  return spec.record.parse(out);
}

export function getRecord<R extends StoredRecord>(db: ReadableDB, spec: EntitySpec<R>, id: string): R | null {
  const row = prepared(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? rowToRecord(db, spec, row) : null;
}

/**
 * Lists records matching every `where` field exactly (undefined fields are ignored).
 * Example: `listRecords(db, SERVICE, { programmeId })`.
 */
export function listRecords<R extends StoredRecord>(
  db: ReadableDB,
  spec: EntitySpec<R>,
  where: Record<string, unknown>,
  includeArchived = false,
): R[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (!(field in spec.columns)) throw new Error(`${spec.entity} has no column ${field}`);
    clauses.push(`${snake(field)} = ?`);
    params.push(toColumn(spec.columns[field] ?? 'text', value));
  }
  if (!includeArchived) clauses.push('archived_at IS NULL');
  const sql = `SELECT * FROM ${spec.table}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY ${spec.order}`;
  return (prepared(db, sql).all(...params) as Record<string, unknown>[]).map((r) => rowToRecord(db, spec, r));
}

export function insertRecord<R extends StoredRecord>(db: WritableDB, spec: EntitySpec<R>, record: R): void {
  const cols = allColumns(spec);
  const values = record as unknown as Record<string, unknown>;
  prepared(
    db,
    `INSERT INTO ${spec.table} (${cols.map(([f]) => snake(f)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map(([f, k]) => toColumn(k, values[f])));
  writeLinks(db, spec, values);
}

export function updateRecord<R extends StoredRecord>(db: WritableDB, spec: EntitySpec<R>, record: R): void {
  const cols = allColumns(spec).filter(([f]) => f !== 'id');
  const values = record as unknown as Record<string, unknown>;
  prepared(db, `UPDATE ${spec.table} SET ${cols.map(([f]) => `${snake(f)} = ?`).join(', ')} WHERE id = ?`).run(
    ...cols.map(([f, k]) => toColumn(k, values[f])),
    record.id,
  );
  writeLinks(db, spec, values);
}

function writeLinks(db: WritableDB, spec: EntitySpec, values: Record<string, unknown>): void {
  for (const [field, link] of Object.entries(spec.links ?? {})) {
    const targets = (values[field] as string[] | undefined) ?? [];
    prepared(db, `DELETE FROM ${link.table} WHERE ${link.owner} = ?`).run(values.id);
    const insert = prepared(db, `INSERT INTO ${link.table} (${link.owner}, ${link.target}, position) VALUES (?, ?, ?)`);
    targets.forEach((t, i) => insert.run(values.id, t, i));
  }
}
