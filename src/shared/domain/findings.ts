/** From evidence to answers: Finding (with evidence links), Recommendation, ManagementResponse. */
import { z } from 'zod';
import { Id, Name, RecordMeta, Text, Timestamp, ListAll, partial, omit } from './common';
import { Decision, FindingType, Priority, Severity, StructuralKind } from './vocabulary';

export const EvidenceLink = z.strictObject({
  kind: z.enum(['response', 'observation', 'attachment', 'situation_test', 'consolidated_result']),
  id: Id,
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

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
  grounds: z.array(z.string().max(40)).max(20).default([]),
  evidence: z.array(EvidenceLink).max(200).default([]),
};
export const Finding = RecordMeta.extend(FindingFields);
export type Finding = z.infer<typeof Finding>;
export const FindingCreate = z.strictObject(FindingFields);
export const FindingUpdate = z.strictObject({ id: Id, ...partial(omit(FindingFields, 'auditId')) });
export const FindingList = ListAll.extend({ auditId: Id.optional() });

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
export const RecommendationUpdate = z.strictObject({ id: Id, ...partial(omit(RecommendationFields, 'auditId')) });
export const RecommendationList = ListAll.extend({ auditId: Id.optional() });

export const ManagementResponseFields = {
  recommendationId: Id,
  managerId: Id,
  decision: Decision,
  justification: Text.default(''),
  committedMeasure: Text.default(''),
  respondedAt: Timestamp,
};
/** PRODUCT.md: a justification is required for "partly accepted" and "rejected". */
export const needsJustification = (r: { decision: z.infer<typeof Decision>; justification: string }): boolean =>
  r.decision !== 'accepted' && r.justification.trim().length === 0;
export const ManagementResponse = RecordMeta.extend(ManagementResponseFields);
export type ManagementResponse = z.infer<typeof ManagementResponse>;
export const ManagementResponseCreate = z.strictObject(ManagementResponseFields).refine((r) => !needsJustification(r), {
  message: 'A justification is required when a recommendation is not fully accepted',
  path: ['justification'],
});
export const ManagementResponseUpdate = z.strictObject({
  id: Id,
  ...partial(omit(ManagementResponseFields, 'recommendationId', 'managerId')),
});
export const ManagementResponseList = ListAll.extend({ recommendationId: Id.optional(), auditId: Id.optional() });
