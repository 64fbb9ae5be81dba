/** From evidence to answers: Finding (with evidence links), Recommendation, ManagementResponse. */
import { z } from 'zod';
import {
  Id,
  IsoDate,
  LIMITS,
  Name,
  RecordMeta,
  Rev,
  Text,
  Timestamp,
  ListAll,
  GroundCodes,
  partial,
  omit,
} from './common';
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
  /** The coordinator's live dismissal of this suggestion (listed only with `includeDismissed`). */
  dismissal: z.object({ id: Id, rev: Rev }).nullable(),
});
export type FindingSuggestion = z.infer<typeof FindingSuggestion>;
/** Suggestions for an audit; dismissed ones too with `includeDismissed`. */
export const SuggestFindings = z.strictObject({ auditId: Id, includeDismissed: z.boolean().default(false) });

/**
 * The coordinator's "not a finding" for the suggestion a consolidated result makes: while it is
 * live, `findings.suggestFromResults` leaves that result out; archiving it brings it back.
 */
export const DismissedSuggestionFields = { auditId: Id, consolidatedResultId: Id };
export const DismissedSuggestion = RecordMeta.extend(DismissedSuggestionFields);
export type DismissedSuggestion = z.infer<typeof DismissedSuggestion>;
export const DismissSuggestion = z.strictObject(DismissedSuggestionFields);

export const RecommendationFields = {
  auditId: Id,
  title: Name,
  text: Text.default(''),
  priority: Priority.default('medium'),
  /** The service or department the recommendation is addressed to; '' = the audited service. */
  addressedTo: z.string().trim().max(LIMITS.name).default(''),
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
  /** The date by which the committed measure is to be in place, or null. */
  committedBy: IsoDate.nullable().default(null),
  respondedAt: Timestamp,
};
/** A justification is required for "partly accepted" and "rejected". */
export const needsJustification = (r: { decision: z.infer<typeof Decision>; justification: string }): boolean =>
  r.decision !== 'accepted' && r.justification.trim().length === 0;
export const ManagementResponse = RecordMeta.extend(ManagementResponseFields);
export type ManagementResponse = z.infer<typeof ManagementResponse>;
/**
 * The current person's answer, as manager of the audited service, to one recommendation: given
 * (`rev: null`) or changed (`rev` of the answer read). A missing justification is refused by the
 * core's rule (`answerJustificationRequired` on `justification`), so the refusal carries its
 * translation key to the form.
 */
export const AnswerRecommendation = z.strictObject({
  recommendationId: Id,
  decision: Decision,
  justification: Text.default(''),
  committedMeasure: Text.default(''),
  committedBy: IsoDate.nullable().default(null),
  rev: Rev.nullable(),
});
export const ManagementResponseList = ListAll.extend({ recommendationId: Id.optional(), auditId: Id.optional() });
