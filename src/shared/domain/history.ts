/** The append-only history: one entry per change of any record. */
import { z } from 'zod';
import { Id, Timestamp } from './common';

export const HistoryEntry = z.object({
  seq: z.number().int(),
  entity: z.string(),
  entityId: Id,
  action: z.enum(['create', 'update', 'archive', 'status']),
  personId: Id.nullable(),
  at: Timestamp,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryList = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: Id.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
