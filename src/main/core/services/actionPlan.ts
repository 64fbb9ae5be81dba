/**
 * The Local Action Plan: measures linked to recommendations, and their progress updates.
 *
 * Invariant: a measure's status is its latest progress update's (derived by the database, see
 * repositories/specs.ts), so status and progress cannot disagree; changing the status means
 * recording progress, and a delayed or cancelled status needs a reason.
 */
import type { z } from 'zod';
import type { Measure, MeasureCreate, ProgressUpdate, RecordProgress } from '../../../shared/domain/actionPlan';
import { needsStatusReason } from '../../../shared/domain/actionPlan';
import { pageRecords, pageWhere, type Paging } from '../repositories/table';
import { MEASURE, PERSON, PROGRESS_UPDATE, RECOMMENDATION } from '../repositories/specs';
import type { Paged } from '../../../shared/domain/common';
import { currentPerson, type ReadContext, type ServiceContext } from './context';
import { requireOwn } from './access';
import { recordService, requireRecord, type Rules } from './entity';
import { forbidden, rule } from './problems';

export const measureRules: Rules<Measure> = {
  refs: { responsibleId: PERSON, recommendationIds: RECOMMENDATION },
  check(_db, m) {
    if (m.startDate && m.dueDate && m.startDate > m.dueDate) throw rule('measureDatesOrder', {}, 'dueDate');
  },
};

const progressRules: Rules<ProgressUpdate> = {
  check(db, p) {
    if (requireRecord(db, MEASURE, p.measureId).archivedAt !== null)
      throw rule('recordArchived', { entity: 'measure' });
    if (needsStatusReason({ status: p.status, reason: p.note })) throw rule('measureReasonRequired', {}, 'note');
  },
};

const measureRecord = recordService(MEASURE, measureRules);
const progressRecord = recordService(PROGRESS_UPDATE, progressRules);

export const measures = {
  list: (
    ctx: ReadContext,
    input: Paging & { recommendationId?: string | undefined; includeArchived?: boolean | undefined },
  ): Paged<Measure> =>
    pageWhere(
      ctx.db,
      MEASURE,
      [
        [
          'EXISTS (SELECT 1 FROM measure_recommendation mr WHERE mr.measure_id = t.id AND mr.recommendation_id = ?)',
          input.recommendationId,
        ],
      ],
      input,
    ),
  get: measureRecord.get,
  /** A new measure: not started until its first progress update. */
  create: (ctx: ServiceContext, input: z.output<typeof MeasureCreate>): Measure =>
    measureRecord.create(ctx, { ...input, status: 'not_started', statusReason: '' }),
  update: measureRecord.update,
  archive: measureRecord.archive,

  progress: (
    ctx: ReadContext,
    input: Paging & { measureId: string; includeArchived?: boolean | undefined },
  ): Paged<ProgressUpdate> => {
    requireRecord(ctx.db, MEASURE, input.measureId);
    return pageRecords(ctx.db, PROGRESS_UPDATE, { measureId: input.measureId }, input);
  },
  /** By the measure's responsible person or a coordinator. */
  recordProgress(ctx: ServiceContext, input: z.output<typeof RecordProgress>): ProgressUpdate {
    const me = currentPerson(ctx);
    if (me.role !== 'coordinator' && requireRecord(ctx.db, MEASURE, input.measureId).responsibleId !== me.id)
      throw forbidden('forbiddenNotResponsible');
    return progressRecord.create(ctx, input);
  },
  /** By who recorded the update, or a coordinator. */
  withdrawProgress(ctx: ServiceContext, input: { id: string; rev: number }): ProgressUpdate {
    const me = currentPerson(ctx);
    if (me.role !== 'coordinator') requireOwn(me, requireRecord(ctx.db, PROGRESS_UPDATE, input.id), 'progress_update');
    return progressRecord.archive(ctx, input);
  },
};
