/** The Local Action Plan: measures linked to recommendations, and their progress updates. */
import type { Measure, ProgressUpdate } from '../../../shared/domain/actionPlan';
import { needsStatusReason } from '../../../shared/domain/actionPlan';
import { MEASURE, PERSON, PROGRAMME, PROGRESS_UPDATE, RECOMMENDATION } from '../repositories/specs';
import { crudService, violation, type Rules } from './entity';

const measureRules: Rules<Measure> = {
  refs: { programmeId: PROGRAMME, responsibleId: PERSON, recommendationIds: RECOMMENDATION },
  check(_db, m) {
    if (needsStatusReason(m)) throw violation('Give a reason for a delayed or cancelled measure.');
    if (m.startDate && m.dueDate && m.startDate > m.dueDate) throw violation('The due date is before the start date.');
  },
};

const progressUpdateRules: Rules<ProgressUpdate> = {
  refs: { measureId: MEASURE },
  check(_db, p) {
    if (needsStatusReason({ status: p.status, statusReason: p.note })) {
      throw violation('Give a reason (note) for a delayed or cancelled measure.');
    }
  },
};

export const measures = crudService(MEASURE, measureRules);
export const progressUpdates = crudService(PROGRESS_UPDATE, progressUpdateRules);
