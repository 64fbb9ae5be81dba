/**
 * Traceability: from a measure back to the recommendations, findings and evidence behind it, and
 * from a finding forward to its recommendations, the managers' answers and the measures. One
 * shape serves both walks: a recommendation carries its answers, its findings (each with its
 * evidence) and its measures.
 *
 * What a reader may see is the core's business (services/trace.ts): a manager sees the
 * recommendations and findings of the services they manage only, and of the field records cited
 * only their kind (they may hold personal data and are the audit team's and the coordinator's).
 */
import { z } from 'zod';
import { Id, IsoDate, OptionalLocalizedText, Timestamp } from './common';
import { EvidenceKind } from './evidence';
import { ActionArea, Decision, MeasureStatus, Priority, Rating, Severity } from './vocabulary';

/** One cited record. `withheld`: the reader may not see its content (kind and audit only). */
export const TraceEvidence = z.object({
  kind: EvidenceKind,
  id: Id,
  auditId: Id,
  /** What the record says, shortened: a narrative's start, a scenario, a file name. */
  label: z.string(),
  /** The criterion of a result or answer, in its languages. */
  criterion: OptionalLocalizedText.nullable(),
  rating: Rating.nullable(),
  /** The day it was observed, tested or decided. */
  date: z.string().nullable(),
  archived: z.boolean(),
  withheld: z.boolean(),
});
export type TraceEvidence = z.infer<typeof TraceEvidence>;

export const TraceFinding = z.object({
  id: Id,
  auditId: Id,
  title: z.string(),
  severity: Severity,
  archived: z.boolean(),
  evidence: z.array(TraceEvidence),
});
export type TraceFinding = z.infer<typeof TraceFinding>;

export const TraceAnswer = z.object({
  id: Id,
  managerId: Id,
  decision: Decision,
  justification: z.string(),
  committedMeasure: z.string(),
  respondedAt: Timestamp,
});
export type TraceAnswer = z.infer<typeof TraceAnswer>;

export const TraceMeasure = z.object({
  id: Id,
  title: z.string(),
  actionArea: ActionArea,
  status: MeasureStatus,
  dueDate: IsoDate.nullable(),
  archived: z.boolean(),
});
export type TraceMeasure = z.infer<typeof TraceMeasure>;

export const TraceRecommendation = z.object({
  id: Id,
  auditId: Id,
  auditTitle: z.string(),
  serviceName: z.string(),
  title: z.string(),
  priority: Priority,
  archived: z.boolean(),
  answers: z.array(TraceAnswer),
  findings: z.array(TraceFinding),
  measures: z.array(TraceMeasure),
});
export type TraceRecommendation = z.infer<typeof TraceRecommendation>;

/** From a measure back to the evidence. `withheld`: recommendations of services the reader does not manage. */
export const MeasureTrace = z.object({
  measure: TraceMeasure,
  recommendations: z.array(TraceRecommendation),
  withheld: z.number().int().min(0),
});
export type MeasureTrace = z.infer<typeof MeasureTrace>;

/** From a finding forward to the answers and measures. */
export const FindingTrace = z.object({
  finding: TraceFinding,
  auditTitle: z.string(),
  serviceName: z.string(),
  recommendations: z.array(TraceRecommendation),
});
export type FindingTrace = z.infer<typeof FindingTrace>;
