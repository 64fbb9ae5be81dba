/** The append-only history: one entry per change of any record. */
import { z } from 'zod';
import { Id, PAGE_MAX, PAGE_SIZE, Timestamp } from './common';

const RecordData = z.record(z.string(), z.unknown());

export const HistoryEntry = z.object({
  seq: z.number().int(),
  entity: z.string(),
  entityId: Id,
  action: z.enum(['create', 'update', 'archive', 'status']),
  personId: Id.nullable(),
  at: Timestamp,
  /** The whole record as created (and, in entries written before schema 30, after every change). */
  after: RecordData.nullable(),
  /** In entries written before schema 30 only: the whole record before the change. */
  before: RecordData.nullable(),
  /** What a change changed: each field that changed, as `[before, after]`. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryList = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: Id.optional(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(PAGE_SIZE),
  offset: z.number().int().min(0).max(100_000_000).default(0),
});
