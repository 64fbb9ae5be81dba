/**
 * The Local Action Plan: Measure (linked to recommendations) and its ProgressUpdates.
 *
 * A measure's status is not stored on the measure: it is the status of its latest progress
 * update (by date), or `not_started` before the first one, so the two can never disagree.
 * Changing the status means recording progress.
 */
import { z } from 'zod';
import { Id, IsoDate, Name, RecordMeta, Rev, Text, ListAll, partial, LIMITS } from './common';
import { ActionArea, MeasureStatus, MEASURE_STATUSES_NEEDING_REASON } from './vocabulary';

export const MeasureFields = {
  title: Name,
  description: Text.default(''),
  actionArea: ActionArea,
  recommendationIds: z.array(Id).max(50).default([]),
  department: z.string().trim().max(LIMITS.name).default(''),
  responsibleId: Id.nullable().default(null),
  startDate: IsoDate.nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
  indicator: z.string().max(1000).default(''),
  /** The unit the indicator, its baseline, target and values are counted in (`%`, `people`). */
  indicatorUnit: z.string().trim().max(50).default(''),
  baseline: z.number().nullable().default(null),
  target: z.number().nullable().default(null),
  /** Euros (or the programme's currency), whole units. */
  budget: z.number().min(0).nullable().default(null),
};
export const needsStatusReason = (m: { status: z.infer<typeof MeasureStatus>; reason: string }): boolean =>
  MEASURE_STATUSES_NEEDING_REASON.includes(m.status) && m.reason.trim().length === 0;
/** Derived from the latest progress update. */
export const MeasureProgressFields = {
  status: MeasureStatus,
  /** The note of the latest update when its status needs a reason (delayed, cancelled), else ''. */
  statusReason: z.string(),
};
export const Measure = RecordMeta.extend({ ...MeasureFields, ...MeasureProgressFields });
export type Measure = z.infer<typeof Measure>;

/**
 * Overdue: past its due date on `today` (an ISO date) and neither done nor cancelled. The one
 * rule for every screen and report that marks overdue measures.
 */
export const isOverdue = (m: Pick<Measure, 'dueDate' | 'status'>, today: string): boolean =>
  m.dueDate !== null && m.dueDate < today && m.status !== 'done' && m.status !== 'cancelled';
/** Whole days a measure is past its due date on `today` (0 when it is not overdue). */
export const daysOverdue = (m: Pick<Measure, 'dueDate' | 'status'>, today: string): number =>
  isOverdue(m, today) ? Math.round((Date.parse(today) - Date.parse(m.dueDate!)) / 86_400_000) : 0;
const datesInOrder = (m: { startDate?: string | null; dueDate?: string | null }) =>
  !m.startDate || !m.dueDate || m.startDate <= m.dueDate;
const DATES_MESSAGE = { message: 'The due date is before the start date', path: ['dueDate'] };
export const MeasureCreate = z.strictObject(MeasureFields).refine(datesInOrder, DATES_MESSAGE);
export const MeasureUpdate = z
  .strictObject({ id: Id, rev: Rev, ...partial(MeasureFields) })
  .refine(datesInOrder, DATES_MESSAGE);
export const MeasureList = ListAll.extend({ recommendationId: Id.optional() });

export const ProgressUpdateFields = {
  measureId: Id,
  date: IsoDate,
  status: MeasureStatus,
  indicatorValue: z.number().nullable().default(null),
  /** What happened; the reason when the status is delayed or cancelled. */
  note: Text.default(''),
};
export const ProgressUpdate = RecordMeta.extend(ProgressUpdateFields);
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;
export const RecordProgress = z
  .strictObject(ProgressUpdateFields)
  .refine((p) => !needsStatusReason({ status: p.status, reason: p.note }), {
    message: 'Give a reason (note) for a delayed or cancelled measure',
    path: ['note'],
  });
export const ProgressList = ListAll.extend({ measureId: Id });
