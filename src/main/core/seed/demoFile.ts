/**
 * The demo programme file (resources/demo/demo.json): a fictional city's whole programme —
 * people, services, two audits with everything recorded in them, and the action plan — written
 * without database ids, so `loadDemo` can create it through the API in any empty database.
 *
 * How records point to each other (all keys are local to the file):
 * - every person, service, audit, observation, situation test, finding, recommendation and
 *   measure has a `ref` (`aud-01`, `svc-police`, `obs-p-03`, `f-e-2`, …), unique in the file;
 *   fields named after the entity they point to hold such a ref (`lead`, `team`, `manager`,
 *   `author`, `findings`, `recommendations`, `responsible`, `testerA`, …);
 * - a criterion is named by the `ref` its template file gives it (`stop_reason_recorded`),
 *   looked up in the template the audit uses (`audit.template` is a built-in template's key);
 * - a finding's evidence is a tagged link: `{ kind: 'observation' | 'situation_test', ref }`,
 *   `{ kind: 'response', auditor, criterion }` (one auditor's answer) or
 *   `{ kind: 'consolidated_result', criterion }`;
 * - grounds are ground codes (`racial_ethnic_origin`), as in the API.
 * The target `status` of an audit is reached by stepping through AUDIT_TRANSITIONS.
 */
import { z } from 'zod';
import { GroundCodes, IsoDate, Timestamp } from '../../../shared/domain/common';
import { ProgrammeFields, PersonFields, ServiceFields } from '../../../shared/domain/programme';
import { AuditFields, ObservationFields, ResponseFields, SituationTestFields } from '../../../shared/domain/audit';
import { FindingFields, ManagementResponseFields, RecommendationFields } from '../../../shared/domain/findings';
import { MeasureFields, ProgressUpdateFields } from '../../../shared/domain/actionPlan';
import { CriterionRef } from '../../../shared/exchange/templateFile';
import { AuditStatus } from '../../../shared/domain/vocabulary';

export const DEMO_FILE_FORMAT = 'citizen-audit/demo';

/** A local key: `aud-01`, `obs-p-03`. */
export const Ref = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Lower-case letters, digits, - and _');
const Grounds = GroundCodes.default([]);

export const DemoPerson = z.strictObject({ ref: Ref, ...PersonFields });
export const DemoService = z.strictObject({
  ref: Ref,
  name: ServiceFields.name,
  department: ServiceFields.department,
  address: ServiceFields.address,
  description: ServiceFields.description,
  manager: Ref.nullable().default(null),
});

export const DemoObservation = z.strictObject({
  ref: Ref,
  author: Ref,
  observedAt: ObservationFields.observedAt,
  location: ObservationFields.location,
  method: ObservationFields.method,
  narrative: ObservationFields.narrative,
  grounds: Grounds,
  severity: ObservationFields.severity,
  criteria: z.array(CriterionRef).default([]),
  personalData: ObservationFields.personalData,
});

export const DemoSituationTest = z.strictObject({
  ref: Ref,
  scenario: SituationTestFields.scenario,
  conductedOn: IsoDate,
  groundTested: SituationTestFields.groundTested,
  /** The testers are people of the file; the test records their pseudonymous codes. */
  testerA: Ref,
  profileA: SituationTestFields.profileA,
  outcomeA: SituationTestFields.outcomeA,
  testerB: Ref,
  profileB: SituationTestFields.profileB,
  outcomeB: SituationTestFields.outcomeB,
  differentialTreatment: SituationTestFields.differentialTreatment,
  notes: SituationTestFields.notes,
});

export const DemoResponse = z.strictObject({
  auditor: Ref,
  criterion: CriterionRef,
  rating: ResponseFields.rating,
  value: ResponseFields.value,
  note: ResponseFields.note,
  /** Observations of the same audit that back the answer. */
  evidence: z.array(Ref).default([]),
  /** When absent, loadDemo's clock is used. */
  answeredAt: Timestamp.optional(),
});

export const DemoConsolidatedResult = z.strictObject({
  criterion: CriterionRef,
  rating: ResponseFields.rating,
  value: ResponseFields.value,
  note: ResponseFields.note,
  decidedBy: Ref,
});

export const DemoEvidence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('observation'), ref: Ref }),
  z.strictObject({ kind: z.literal('situation_test'), ref: Ref }),
  z.strictObject({ kind: z.literal('response'), auditor: Ref, criterion: CriterionRef }),
  z.strictObject({ kind: z.literal('consolidated_result'), criterion: CriterionRef }),
]);
export type DemoEvidence = z.infer<typeof DemoEvidence>;

export const DemoFinding = z.strictObject({
  ref: Ref,
  title: FindingFields.title,
  criterion: FindingFields.criterion,
  condition: FindingFields.condition,
  cause: FindingFields.cause,
  effect: FindingFields.effect,
  severity: FindingFields.severity,
  type: FindingFields.type,
  structuralKind: FindingFields.structuralKind,
  grounds: Grounds,
  evidence: z.array(DemoEvidence).default([]),
});

export const DemoRecommendation = z.strictObject({
  ref: Ref,
  title: RecommendationFields.title,
  text: RecommendationFields.text,
  priority: RecommendationFields.priority,
  findings: z.array(Ref).min(1, 'Link at least one finding'),
});

export const DemoManagementResponse = z.strictObject({
  recommendation: Ref,
  manager: Ref,
  decision: ManagementResponseFields.decision,
  justification: ManagementResponseFields.justification,
  committedMeasure: ManagementResponseFields.committedMeasure,
  /** When absent, loadDemo's clock is used. */
  respondedAt: Timestamp.optional(),
});

export const DemoAudit = z.strictObject({
  ref: Ref,
  service: Ref,
  /** Key of a built-in template listed in `templates`. */
  template: z.string(),
  title: AuditFields.title,
  scope: AuditFields.scope,
  methods: AuditFields.methods,
  lead: Ref.nullable().default(null),
  team: z.array(Ref).default([]),
  plannedStart: AuditFields.plannedStart,
  plannedEnd: AuditFields.plannedEnd,
  actualStart: AuditFields.actualStart,
  actualEnd: AuditFields.actualEnd,
  /** The status the audit ends in; it is reached through the allowed transitions. */
  status: AuditStatus,
  observations: z.array(DemoObservation).default([]),
  situationTests: z.array(DemoSituationTest).default([]),
  responses: z.array(DemoResponse).default([]),
  consolidatedResults: z.array(DemoConsolidatedResult).default([]),
  findings: z.array(DemoFinding).default([]),
  recommendations: z.array(DemoRecommendation).default([]),
  managementResponses: z.array(DemoManagementResponse).default([]),
});
export type DemoAudit = z.infer<typeof DemoAudit>;

export const DemoProgressUpdate = z.strictObject({
  date: ProgressUpdateFields.date,
  status: ProgressUpdateFields.status,
  indicatorValue: ProgressUpdateFields.indicatorValue,
  note: ProgressUpdateFields.note,
  /** Who records it; by default the measure's responsible person, else the coordinator. */
  author: Ref.optional(),
});

export const DemoMeasure = z.strictObject({
  ref: Ref,
  title: MeasureFields.title,
  description: MeasureFields.description,
  actionArea: MeasureFields.actionArea,
  recommendations: z.array(Ref).default([]),
  department: MeasureFields.department,
  responsible: Ref.nullable().default(null),
  startDate: MeasureFields.startDate,
  dueDate: MeasureFields.dueDate,
  indicator: MeasureFields.indicator,
  indicatorUnit: MeasureFields.indicatorUnit,
  baseline: MeasureFields.baseline,
  target: MeasureFields.target,
  budget: MeasureFields.budget,
  /** The measure's status is its latest progress update's. */
  progress: z.array(DemoProgressUpdate).default([]),
});
export type DemoMeasure = z.infer<typeof DemoMeasure>;

export const DemoFile = z.strictObject({
  format: z.literal(DEMO_FILE_FORMAT),
  formatVersion: z.literal(1),
  /** The date the demo is a snapshot of (its "today"). */
  asOf: IsoDate,
  /** The person the demo session begins as; must be a coordinator in `people`. */
  coordinator: Ref,
  programme: z.strictObject(ProgrammeFields),
  people: z.array(DemoPerson).min(1),
  services: z.array(DemoService).default([]),
  /** Keys of the built-in templates to install, in order. */
  templates: z.array(z.string()).default([]),
  audits: z.array(DemoAudit).default([]),
  measures: z.array(DemoMeasure).default([]),
});
export type DemoFile = z.infer<typeof DemoFile>;
