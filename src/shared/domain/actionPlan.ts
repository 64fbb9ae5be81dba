/** The Local Action Plan: Measure (linked to recommendations) and its ProgressUpdates. */
import { z } from 'zod';
import { Id, IsoDate, Name, RecordMeta, Text, ListAll, partial, omit } from './common';
import { ActionArea, MeasureStatus, MEASURE_STATUSES_NEEDING_REASON } from './vocabulary';

export const MeasureFields = {
  programmeId: Id,
  title: Name,
  description: Text.default(''),
  actionArea: ActionArea,
  recommendationIds: z.array(Id).max(50).default([]),
  department: z.string().trim().max(200).default(''),
  responsibleId: Id.nullable().default(null),
  startDate: IsoDate.nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
  indicator: z.string().max(1000).default(''),
  baseline: z.number().nullable().default(null),
  target: z.number().nullable().default(null),
  /** Euros (or the programme's currency), whole units. */
  budget: z.number().min(0).nullable().default(null),
  status: MeasureStatus.default('not_started'),
  statusReason: Text.default(''),
};
export const needsStatusReason = (m: { status: z.infer<typeof MeasureStatus>; statusReason: string }): boolean =>
  MEASURE_STATUSES_NEEDING_REASON.includes(m.status) && m.statusReason.trim().length === 0;
export const Measure = RecordMeta.extend(MeasureFields);
export type Measure = z.infer<typeof Measure>;
export const MeasureCreate = z
  .strictObject(MeasureFields)
  .refine((m) => !needsStatusReason(m), {
    message: 'Give a reason for a delayed or cancelled measure',
    path: ['statusReason'],
  })
  .refine((m) => !m.startDate || !m.dueDate || m.startDate <= m.dueDate, {
    message: 'The due date is before the start date',
    path: ['dueDate'],
  });
export const MeasureUpdate = z.strictObject({ id: Id, ...partial(omit(MeasureFields, 'programmeId')) });
export const MeasureList = ListAll.extend({ programmeId: Id.optional() });

export const ProgressUpdateFields = {
  measureId: Id,
  date: IsoDate,
  status: MeasureStatus,
  indicatorValue: z.number().nullable().default(null),
  note: Text.default(''),
};
export const ProgressUpdate = RecordMeta.extend(ProgressUpdateFields);
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;
export const ProgressUpdateCreate = z
  .strictObject(ProgressUpdateFields)
  .refine((p) => !needsStatusReason({ status: p.status, statusReason: p.note }), {
    message: 'Give a reason (note) for a delayed or cancelled measure',
    path: ['note'],
  });
export const ProgressUpdateUpdate = z.strictObject({ id: Id, ...partial(omit(ProgressUpdateFields, 'measureId')) });
export const ProgressUpdateList = ListAll.extend({ measureId: Id });
