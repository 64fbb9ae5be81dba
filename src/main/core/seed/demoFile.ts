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
 *
 * Texts that belong to the programme rather than to one person's fieldwork are written in both
 * languages of the app, `{ "en": "…", "es": "…" }`, and the demo is loaded in the interface
 * language (`inLanguage`): the programme, people's organisations, services, audits' titles and
 * scopes, findings, recommendations, managers' answers, measures and their progress notes. What
 * an auditor wrote in the field (observations, situation tests, the notes of answers and of
 * consolidated results) has one language, the one it was written in, as a real log would. A text
 * that reads the same in both (an empty one) may be written once, as a plain string.
 */
import { z } from 'zod';
import { GroundCodes, IsoDate, Timestamp } from '../../../shared/domain/common';
import { ProgrammeFields, PersonFields, ServiceFields } from '../../../shared/domain/programme';
import { AuditFields, ObservationFields, ResponseFields, SituationTestFields } from '../../../shared/domain/audit';
import { FindingFields, ManagementResponseFields, RecommendationFields } from '../../../shared/domain/findings';
import { MeasureFields, ProgressUpdateFields } from '../../../shared/domain/actionPlan';
import { CriterionRef } from '../../../shared/exchange/templateFile';
import { AuditStatus, LANGUAGES, Language } from '../../../shared/domain/vocabulary';

export const DEMO_FILE_FORMAT = 'citizen-audit/demo';

/** A local key: `aud-01`, `obs-p-03`. */
export const Ref = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Lower-case letters, digits, - and _');
const Grounds = GroundCodes.default([]);

/** A text in each language of the app, `{ en, es }`, or one text for both. */
const bilingual = <T extends z.ZodType>(text: T) =>
  z.union([text, z.strictObject({ en: text, es: text } satisfies Record<Language, T>)]);

/** A value of the demo file with each bilingual text resolved to one language. */
export type InLanguage<T> = T extends { en: infer U; es: unknown }
  ? U
  : T extends readonly (infer E)[]
    ? InLanguage<E>[]
    : T extends object
      ? { [K in keyof T]: InLanguage<T[K]> }
      : T;

const isBilingual = (value: object): value is Record<Language, unknown> => {
  const keys = Object.keys(value);
  return keys.length === LANGUAGES.length && LANGUAGES.every((l) => keys.includes(l));
};

/** The parsed demo file in one language: every `{ en, es }` text becomes its `language` text. */
export function inLanguage<T>(value: T, language: Language): InLanguage<T> {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if (isBilingual(v)) return v[language];
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as InLanguage<T>;
}

export const DemoPerson = z.strictObject({
  ref: Ref,
  ...PersonFields,
  organisation: bilingual(PersonFields.organisation),
});
export const DemoService = z.strictObject({
  ref: Ref,
  name: bilingual(ServiceFields.name),
  department: bilingual(ServiceFields.department),
  address: ServiceFields.address,
  description: bilingual(ServiceFields.description),
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
export type DemoEvidence = InLanguage<z.infer<typeof DemoEvidence>>;

export const DemoFinding = z.strictObject({
  ref: Ref,
  title: bilingual(FindingFields.title),
  criterion: bilingual(FindingFields.criterion),
  condition: bilingual(FindingFields.condition),
  cause: bilingual(FindingFields.cause),
  effect: bilingual(FindingFields.effect),
  severity: FindingFields.severity,
  type: FindingFields.type,
  structuralKind: FindingFields.structuralKind,
  grounds: Grounds,
  evidence: z.array(DemoEvidence).default([]),
});

export const DemoRecommendation = z.strictObject({
  ref: Ref,
  title: bilingual(RecommendationFields.title),
  text: bilingual(RecommendationFields.text),
  priority: RecommendationFields.priority,
  findings: z.array(Ref).min(1, 'Link at least one finding'),
});

export const DemoManagementResponse = z.strictObject({
  recommendation: Ref,
  manager: Ref,
  decision: ManagementResponseFields.decision,
  justification: bilingual(ManagementResponseFields.justification),
  committedMeasure: bilingual(ManagementResponseFields.committedMeasure),
  /** When absent, loadDemo's clock is used. */
  respondedAt: Timestamp.optional(),
});

export const DemoAudit = z.strictObject({
  ref: Ref,
  service: Ref,
  /** Key of a built-in template listed in `templates`. */
  template: z.string(),
  title: bilingual(AuditFields.title),
  scope: bilingual(AuditFields.scope),
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
export type DemoAudit = InLanguage<z.infer<typeof DemoAudit>>;

export const DemoProgressUpdate = z.strictObject({
  date: ProgressUpdateFields.date,
  status: ProgressUpdateFields.status,
  indicatorValue: ProgressUpdateFields.indicatorValue,
  note: bilingual(ProgressUpdateFields.note),
  /** Who records it; by default the measure's responsible person, else the coordinator. */
  author: Ref.optional(),
});

export const DemoMeasure = z.strictObject({
  ref: Ref,
  title: bilingual(MeasureFields.title),
  description: bilingual(MeasureFields.description),
  actionArea: MeasureFields.actionArea,
  recommendations: z.array(Ref).default([]),
  department: bilingual(MeasureFields.department),
  responsible: Ref.nullable().default(null),
  startDate: MeasureFields.startDate,
  dueDate: MeasureFields.dueDate,
  indicator: bilingual(MeasureFields.indicator),
  indicatorUnit: MeasureFields.indicatorUnit,
  baseline: MeasureFields.baseline,
  target: MeasureFields.target,
  budget: MeasureFields.budget,
  /** The measure's status is its latest progress update's. */
  progress: z.array(DemoProgressUpdate).default([]),
});
export type DemoMeasure = InLanguage<z.infer<typeof DemoMeasure>>;

/** The file as written, with its bilingual texts; `inLanguage` gives the DemoFile the loader takes. */
export const DemoSource = z.strictObject({
  format: z.literal(DEMO_FILE_FORMAT),
  /** 2: texts of the programme in both languages. */
  formatVersion: z.literal(2),
  /** The date the demo is a snapshot of (its "today"). */
  asOf: IsoDate,
  /** The person the demo session begins as; must be a coordinator in `people`. */
  coordinator: Ref,
  programme: z.strictObject({
    ...ProgrammeFields,
    name: bilingual(ProgrammeFields.name),
    coordinatingOffice: bilingual(ProgrammeFields.coordinatingOffice),
    /** The demo's reports default to the language it is loaded in. */
    defaultLanguage: bilingual(ProgrammeFields.defaultLanguage),
    reportBranding: bilingual(ProgrammeFields.reportBranding),
  }),
  people: z.array(DemoPerson).min(1),
  services: z.array(DemoService).default([]),
  /** Keys of the built-in templates to install, in order. */
  templates: z.array(z.string()).default([]),
  audits: z.array(DemoAudit).default([]),
  measures: z.array(DemoMeasure).default([]),
});
export type DemoSource = z.infer<typeof DemoSource>;
/** The demo in one language, as `loadDemoFile` takes it. */
export type DemoFile = InLanguage<DemoSource>;
