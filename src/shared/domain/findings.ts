/** From evidence to answers: Finding (with evidence links), Recommendation, ManagementResponse. */
import { z } from 'zod';
import { Id, Name, RecordMeta, Rev, Text, Timestamp, ListAll, GroundCodes, partial, omit } from './common';
import { EvidenceLink, evidenceList } from './evidence';
import { Decision, FindingType, Priority, Rating, Severity, StructuralKind } from './vocabulary';

export { EvidenceLink };

/** The classic audit form: criterion (what should be), condition (what is), cause, effect. */
export const FindingFields = {
  auditId: Id,
  title: Name,
  criterion: Text.default(''),
  condition: Text.default(''),
  cause: Text.default(''),
  effect: Text.default(''),
  severity: Severity,
  type: FindingType,
  structuralKind: StructuralKind.nullable().default(null),
  grounds: GroundCodes.default([]),
  evidence: evidenceList(EvidenceLink, 200).default([]),
};
export const Finding = RecordMeta.extend(FindingFields);
export type Finding = z.infer<typeof Finding>;
export const FindingCreate = z.strictObject(FindingFields);
export const FindingUpdate = z.strictObject({ id: Id, rev: Rev, ...partial(omit(FindingFields, 'auditId')) });
/** Findings of an audit, or those citing one record (`cites`), or both. */
export const FindingList = ListAll.extend({ auditId: Id.optional(), cites: EvidenceLink.optional() });

/**
 * A draft finding suggested by a non-compliant consolidated result that no finding cites yet:
 * the coordinator accepts it (creates the finding), merges several, or leaves it.
 */
export const FindingSuggestion = z.object({
  criterionId: Id,
  sectionId: Id,
  sectionPosition: z.number().int(),
  criterionPosition: z.number().int(),
  consolidatedResultId: Id,
  rating: Rating,
  draft: FindingCreate,
});
export type FindingSuggestion = z.infer<typeof FindingSuggestion>;
export const SuggestFindings = z.strictObject({ auditId: Id });

export const RecommendationFields = {
  auditId: Id,
  title: Name,
  text: Text.default(''),
  priority: Priority.default('medium'),
  findingIds: z.array(Id).min(1, 'Link at least one finding').max(50),
};
export const Recommendation = RecordMeta.extend(RecommendationFields);
export type Recommendation = z.infer<typeof Recommendation>;
export const RecommendationCreate = z.strictObject(RecommendationFields);
export const RecommendationUpdate = z.strictObject({
  id: Id,
  rev: Rev,
  ...partial(omit(RecommendationFields, 'auditId')),
});
export const RecommendationList = ListAll.extend({ auditId: Id.optional(), findingId: Id.optional() });

export const ManagementResponseFields = {
  recommendationId: Id,
  managerId: Id,
  decision: Decision,
  justification: Text.default(''),
  committedMeasure: Text.default(''),
  respondedAt: Timestamp,
};
/** A justification is required for "partly accepted" and "rejected". */
export const needsJustification = (r: { decision: z.infer<typeof Decision>; justification: string }): boolean =>
  r.decision !== 'accepted' && r.justification.trim().length === 0;
export const ManagementResponse = RecordMeta.extend(ManagementResponseFields);
export type ManagementResponse = z.infer<typeof ManagementResponse>;
/**
 * The current person's answer, as manager of the audited service, to one recommendation: given
 * (`rev: null`) or changed (`rev` of the answer read).
 */
export const AnswerRecommendation = z
  .strictObject({
    recommendationId: Id,
    decision: Decision,
    justification: Text.default(''),
    committedMeasure: Text.default(''),
    rev: Rev.nullable(),
  })
  .refine((r) => !needsJustification(r), {
    message: 'A justification is required when a recommendation is not fully accepted',
    path: ['justification'],
  });
export const ManagementResponseList = ListAll.extend({ recommendationId: Id.optional(), auditId: Id.optional() });
