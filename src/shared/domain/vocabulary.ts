/**
 * The closed vocabularies of the domain (docs/product.md, "Vocabulary").
 * Grounds of discrimination are NOT here: they are data (table `ground`), so a city can extend
 * them; only the default list that a new database is seeded with lives in `defaultGrounds`.
 */
import { z } from 'zod';

export const PERSON_ROLES = ['auditor', 'manager', 'coordinator'] as const;
export const PersonRole = z.enum(PERSON_ROLES);

export const AUDIT_METHODS = [
  'site_visit',
  'document_review',
  'situation_testing',
  'interview',
  'focus_group',
  'survey',
] as const;
export const AuditMethod = z.enum(AUDIT_METHODS);

export const AUDIT_STATUSES = ['planned', 'fieldwork', 'submitted', 'in_review', 'reported', 'closed'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES);
export type AuditStatus = z.infer<typeof AuditStatus>;

/**
 * The status moves of an audit, one command each: forward along the flow, plus the step back a
 * coordinator needs when a submission is incomplete (submitted/in_review → fieldwork). A screen
 * shows as buttons the steps whose `from` holds the audit's status.
 */
export const AUDIT_STEPS = {
  startFieldwork: { from: ['planned'], to: 'fieldwork' },
  submit: { from: ['fieldwork'], to: 'submitted' },
  startReview: { from: ['submitted'], to: 'in_review' },
  returnToFieldwork: { from: ['submitted', 'in_review'], to: 'fieldwork' },
  markReported: { from: ['in_review'], to: 'reported' },
  close: { from: ['reported'], to: 'closed' },
} as const satisfies Record<string, { from: readonly AuditStatus[]; to: AuditStatus }>;
export type AuditStep = keyof typeof AUDIT_STEPS;
export const AUDIT_STEP_NAMES = Object.keys(AUDIT_STEPS) as AuditStep[];

/** The steps that can be taken from a status. */
export const stepsFrom = (status: AuditStatus): AuditStep[] =>
  AUDIT_STEP_NAMES.filter((n) => (AUDIT_STEPS[n].from as readonly AuditStatus[]).includes(status));

/** The statuses each status can move to (derived from AUDIT_STEPS). */
export const AUDIT_TRANSITIONS: Readonly<Record<AuditStatus, readonly AuditStatus[]>> = {
  planned: stepsFrom('planned').map((s) => AUDIT_STEPS[s].to),
  fieldwork: stepsFrom('fieldwork').map((s) => AUDIT_STEPS[s].to),
  submitted: stepsFrom('submitted').map((s) => AUDIT_STEPS[s].to),
  in_review: stepsFrom('in_review').map((s) => AUDIT_STEPS[s].to),
  reported: stepsFrom('reported').map((s) => AUDIT_STEPS[s].to),
  closed: stepsFrom('closed').map((s) => AUDIT_STEPS[s].to),
};

export const RESPONSE_TYPES = ['rating', 'yes_no', 'number', 'choice', 'text'] as const;
export const ResponseType = z.enum(RESPONSE_TYPES);

export const RATINGS = ['compliant', 'partly_compliant', 'non_compliant', 'not_applicable', 'not_observed'] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);

export const FINDING_TYPES = ['structural', 'individual_conduct'] as const;
export const FindingType = z.enum(FINDING_TYPES);

/** Sub-kinds of a structural finding: policy, procedure, physical barrier, communication or language. */
export const STRUCTURAL_KINDS = ['policy', 'procedure', 'physical_barrier', 'communication_language'] as const;
export const StructuralKind = z.enum(STRUCTURAL_KINDS);

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const Priority = z.enum(PRIORITIES);

export const DECISIONS = ['accepted', 'partly_accepted', 'rejected'] as const;
export const Decision = z.enum(DECISIONS);

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
/** Statuses that need a written reason. */
export const MEASURE_STATUSES_NEEDING_REASON: readonly z.infer<typeof MeasureStatus>[] = ['delayed', 'cancelled'];

/** Reggio Emilia's five areas, the default action areas of a Local Action Plan. */
export const ACTION_AREAS = [
  'training_awareness',
  'data_collection',
  'services_to_citizens',
  'internal_organisation',
  'participation_responsibility',
] as const;
export const ActionArea = z.enum(ACTION_AREAS);
export type ActionArea = z.infer<typeof ActionArea>;

export const LANGUAGES = ['en', 'es'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** The grounds a new database starts with: the EU list plus nationality, language, gender identity, socio-economic status and other. */
export const DEFAULT_GROUNDS: readonly { code: string; label: Record<Language, string> }[] = [
  { code: 'sex', label: { en: 'Sex', es: 'Sexo' } },
  { code: 'racial_ethnic_origin', label: { en: 'Racial or ethnic origin', es: 'Origen racial o étnico' } },
  { code: 'religion_belief', label: { en: 'Religion or belief', es: 'Religión o creencias' } },
  { code: 'disability', label: { en: 'Disability', es: 'Discapacidad' } },
  { code: 'age', label: { en: 'Age', es: 'Edad' } },
  { code: 'sexual_orientation', label: { en: 'Sexual orientation', es: 'Orientación sexual' } },
  { code: 'nationality', label: { en: 'Nationality', es: 'Nacionalidad' } },
  { code: 'language', label: { en: 'Language', es: 'Lengua' } },
  { code: 'gender_identity', label: { en: 'Gender identity', es: 'Identidad de género' } },
  { code: 'socio_economic_status', label: { en: 'Socio-economic status', es: 'Situación socioeconómica' } },
  { code: 'other', label: { en: 'Other', es: 'Otro' } },
];
