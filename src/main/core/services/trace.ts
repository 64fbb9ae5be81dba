/**
 * Traceability, read only: from a measure back to its recommendations, their findings and the
 * evidence those cite; from a finding forward to its recommendations, the managers' answers and
 * the measures that carry them out.
 *
 * Access follows the records walked through: a manager sees the recommendations and findings of
 * the services they manage only (the others are counted as withheld, never named), and of the
 * field records cited (answers, observations, situation tests, attachments) only their kind,
 * because they may hold personal data and are read by the audit team and the coordinator
 * (docs/roles.md); consolidated results, which everyone reads, are shown whole. Archived records stay on the path, marked, so a walk
 * never breaks where something was archived later.
 */
import type { LocalizedText } from '../../../shared/domain/common';
import type { EvidenceLink } from '../../../shared/domain/evidence';
import type { Finding, Recommendation } from '../../../shared/domain/findings';
import type { Measure } from '../../../shared/domain/actionPlan';
import type {
  FindingTrace,
  MeasureTrace,
  TraceEvidence,
  TraceFinding,
  TraceMeasure,
  TraceRecommendation,
} from '../../../shared/domain/trace';
import type { ReadableDB } from '../db/handles';
import { getRecord, listRecords, queryRecords } from '../repositories/table';
import {
  ATTACHMENT,
  CONSOLIDATED_RESULT,
  CRITERION,
  FINDING,
  MANAGEMENT_RESPONSE,
  MEASURE,
  OBSERVATION,
  RECOMMENDATION,
  RESPONSE,
  SITUATION_TEST,
} from '../repositories/specs';
import type { ReadContext } from './context';
import { managerScope, requireOwnService } from './access';
import { requireRecord } from './entity';
import { EVIDENCE_SPECS } from './evidence';

/** Characters of a narrative or scenario shown on the path. */
const EXCERPT = 120;
const excerpt = (s: string): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > EXCERPT ? `${one.slice(0, EXCERPT - 1)}…` : one;
};

interface AuditOf {
  auditTitle: string;
  serviceName: string;
  managerId: string | null;
}
function auditOf(db: ReadableDB, auditId: string): AuditOf {
  return db
    .prepare(
      `SELECT a.title AS auditTitle, s.name AS serviceName, s.manager_id AS managerId
       FROM audit a JOIN service s ON s.id = a.service_id WHERE a.id = ?`,
    )
    .get(auditId) as AuditOf;
}

function criterionText(db: ReadableDB, criterionId: string): LocalizedText | null {
  return getRecord(db, CRITERION, criterionId)?.text ?? null;
}

/** What a cited record says, shortened. */
function shownOf(db: ReadableDB, link: EvidenceLink): Pick<TraceEvidence, 'label' | 'criterion' | 'rating' | 'date'> {
  const none = { label: '', criterion: null, rating: null, date: null };
  switch (link.kind) {
    case 'observation': {
      const o = requireRecord(db, OBSERVATION, link.id);
      return { ...none, label: excerpt(o.narrative), date: o.observedAt.slice(0, 10) };
    }
    case 'situation_test': {
      const s = requireRecord(db, SITUATION_TEST, link.id);
      return { ...none, label: excerpt(s.scenario), date: s.conductedOn };
    }
    case 'attachment': {
      const a = requireRecord(db, ATTACHMENT, link.id);
      return { ...none, label: a.caption ? `${a.fileName} — ${excerpt(a.caption)}` : a.fileName };
    }
    case 'consolidated_result':
    case 'response': {
      const r =
        link.kind === 'response'
          ? requireRecord(db, RESPONSE, link.id)
          : requireRecord(db, CONSOLIDATED_RESULT, link.id);
      return { ...none, label: excerpt(r.note), criterion: criterionText(db, r.criterionId), rating: r.rating };
    }
  }
}

/** One cited record with what it says, or only its kind when `withheld`. */
function evidenceOf(db: ReadableDB, link: EvidenceLink, withheld: boolean): TraceEvidence {
  const record = requireRecord(db, EVIDENCE_SPECS[link.kind], link.id);
  const base = { kind: link.kind, id: link.id, auditId: record.auditId, archived: record.archivedAt !== null };
  if (withheld) return { ...base, label: '', criterion: null, rating: null, date: null, withheld: true };
  return { ...base, ...shownOf(db, link), withheld: false };
}

const findingOf = (db: ReadableDB, f: Finding, asManager: boolean): TraceFinding => ({
  id: f.id,
  auditId: f.auditId,
  title: f.title,
  severity: f.severity,
  archived: f.archivedAt !== null,
  // Consolidated results are read by everyone (audits.consolidatedResults); field records are not.
  evidence: f.evidence.map((l) => evidenceOf(db, l, asManager && l.kind !== 'consolidated_result')),
});

const measureOf = (m: Measure): TraceMeasure => ({
  id: m.id,
  title: m.title,
  actionArea: m.actionArea,
  status: m.status,
  dueDate: m.dueDate,
  archived: m.archivedAt !== null,
});

/** A recommendation with its answers, findings (with evidence) and live measures. */
function recommendationOf(db: ReadableDB, r: Recommendation, a: AuditOf, asManager: boolean): TraceRecommendation {
  const measures = queryRecords(
    db,
    MEASURE,
    'JOIN measure_recommendation mr ON mr.measure_id = t.id WHERE mr.recommendation_id = ? AND t.archived_at IS NULL',
    [r.id],
  );
  return {
    id: r.id,
    auditId: r.auditId,
    auditTitle: a.auditTitle,
    serviceName: a.serviceName,
    title: r.title,
    priority: r.priority,
    archived: r.archivedAt !== null,
    answers: listRecords(db, MANAGEMENT_RESPONSE, { recommendationId: r.id }).map((x) => ({
      id: x.id,
      managerId: x.managerId,
      decision: x.decision,
      justification: x.justification,
      committedMeasure: x.committedMeasure,
      respondedAt: x.respondedAt,
    })),
    findings: r.findingIds.map((id) => findingOf(db, requireRecord(db, FINDING, id), asManager)),
    measures: measures.map(measureOf),
  };
}

export const trace = {
  /** From a measure back to its recommendations, their findings and the evidence they cite. */
  measure(ctx: ReadContext, input: { id: string }): MeasureTrace {
    const measure = requireRecord(ctx.db, MEASURE, input.id);
    const managerId = managerScope(ctx);
    const recommendations: TraceRecommendation[] = [];
    let withheld = 0;
    for (const id of measure.recommendationIds) {
      const r = requireRecord(ctx.db, RECOMMENDATION, id);
      const a = auditOf(ctx.db, r.auditId);
      if (managerId !== undefined && a.managerId !== managerId) withheld += 1;
      else recommendations.push(recommendationOf(ctx.db, r, a, managerId !== undefined));
    }
    return { measure: measureOf(measure), recommendations, withheld };
  },

  /** From a finding forward to its live recommendations, their answers and measures. */
  finding(ctx: ReadContext, input: { id: string }): FindingTrace {
    const f = requireRecord(ctx.db, FINDING, input.id);
    requireOwnService(ctx, ctx.db, f.auditId, FINDING.entity);
    const asManager = managerScope(ctx) !== undefined;
    const a = auditOf(ctx.db, f.auditId);
    const recommendations = queryRecords(
      ctx.db,
      RECOMMENDATION,
      'JOIN recommendation_finding rf ON rf.recommendation_id = t.id WHERE rf.finding_id = ? AND t.archived_at IS NULL',
      [f.id],
    );
    return {
      finding: findingOf(ctx.db, f, asManager),
      auditTitle: a.auditTitle,
      serviceName: a.serviceName,
      recommendations: recommendations.map((r) => recommendationOf(ctx.db, r, a, asManager)),
    };
  },
};
