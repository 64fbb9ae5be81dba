/**
 * Where each domain record is stored: its table and, for every field of its zod schema, its
 * column, link table or derivation (see ./table.ts). A field missing here, or one too many, is a
 * compile error; tests/integration/schema.test.ts checks every spec against the migrated tables.
 */
import * as P from '../../../shared/domain/programme';
import * as T from '../../../shared/domain/template';
import * as A from '../../../shared/domain/audit';
import * as F from '../../../shared/domain/findings';
import * as M from '../../../shared/domain/actionPlan';
import { MEASURE_STATUSES_NEEDING_REASON } from '../../../shared/domain/vocabulary';
import { derived, evidence, link, type EntitySpec } from './table';

const BY_CREATION = 't.created_at, t.rowid';
const BY_POSITION = 't.position, t.rowid';

export const PROGRAMME: EntitySpec<P.Programme> = {
  entity: 'programme',
  table: 'programme',
  record: P.Programme,
  order: BY_CREATION,
  fields: {
    name: 'text',
    city: 'text',
    coordinatingOffice: 'text',
    periodStart: 'text',
    periodEnd: 'text',
    defaultLanguage: 'text',
    reportBranding: 'text',
    actionAreaNames: 'json',
  },
};

export const SERVICE: EntitySpec<P.Service> = {
  entity: 'service',
  table: 'service',
  record: P.Service,
  order: 't.name COLLATE NOCASE, t.rowid',
  fields: { name: 'text', department: 'text', address: 'text', description: 'text', managerId: 'text' },
};

export const PERSON: EntitySpec<P.Person> = {
  entity: 'person',
  table: 'person',
  record: P.Person,
  order: 't.display_name COLLATE NOCASE, t.rowid',
  fields: {
    displayName: 'text',
    role: 'text',
    code: 'text',
    email: 'text',
    organisation: 'text',
    certificationDate: 'text',
  },
};

export const GROUND: EntitySpec<P.Ground> = {
  entity: 'ground',
  table: 'ground',
  record: P.Ground,
  order: BY_CREATION,
  fields: { code: 'text', label: 'json' },
};

export const TEMPLATE: EntitySpec<T.Template> = {
  entity: 'template',
  table: 'template',
  record: T.Template,
  order: BY_CREATION,
  fields: { key: 'text', name: 'json', description: 'json' },
};

export const TEMPLATE_VERSION: EntitySpec<T.TemplateVersion> = {
  entity: 'template_version',
  table: 'template_version',
  record: T.TemplateVersion,
  order: 't.number',
  fields: { templateId: 'text', number: 'int', status: 'text', note: 'text' },
};

export const SECTION: EntitySpec<T.Section> = {
  entity: 'section',
  table: 'template_section',
  record: T.Section,
  order: BY_POSITION,
  fields: { versionId: 'text', position: 'int', title: 'json' },
};

export const CRITERION: EntitySpec<T.Criterion> = {
  entity: 'criterion',
  table: 'criterion',
  record: T.Criterion,
  order: BY_POSITION,
  fields: {
    sectionId: 'text',
    position: 'int',
    text: 'json',
    guidance: 'json',
    responseType: 'text',
    choices: 'json',
    weight: 'real',
    grounds: link('criterion_ground', 'criterion_id', 'ground_code'),
    reference: 'text',
  },
};

export const AUDIT: EntitySpec<A.Audit> = {
  entity: 'audit',
  table: 'audit',
  record: A.Audit,
  order: BY_CREATION,
  fields: {
    serviceId: 'text',
    templateVersionId: 'text',
    title: 'text',
    scope: 'text',
    methods: 'json',
    leadId: 'text',
    teamIds: link('audit_member', 'audit_id', 'person_id'),
    status: 'text',
    plannedStart: 'text',
    plannedEnd: 'text',
    actualStart: 'text',
    actualEnd: 'text',
  },
};

export const RESPONSE: EntitySpec<A.Response> = {
  entity: 'response',
  table: 'response',
  record: A.Response,
  order: BY_CREATION,
  fields: {
    auditId: 'text',
    criterionId: 'text',
    auditorId: 'text',
    rating: 'text',
    value: 'any',
    note: 'text',
    evidence: evidence('citing_response_id'),
    answeredAt: 'text',
  },
};

export const CONSOLIDATED_RESULT: EntitySpec<A.ConsolidatedResult> = {
  entity: 'consolidated_result',
  table: 'consolidated_result',
  record: A.ConsolidatedResult,
  order: BY_CREATION,
  fields: { auditId: 'text', criterionId: 'text', rating: 'text', value: 'any', note: 'text', decidedBy: 'text' },
};

export const OBSERVATION: EntitySpec<A.Observation> = {
  entity: 'observation',
  table: 'observation',
  record: A.Observation,
  order: 't.observed_at, t.rowid',
  fields: {
    auditId: 'text',
    authorId: 'text',
    observedAt: 'text',
    location: 'text',
    method: 'text',
    narrative: 'text',
    grounds: link('observation_ground', 'observation_id', 'ground_code'),
    severity: 'text',
    criterionIds: link('observation_criterion', 'observation_id', 'criterion_id'),
    personalData: 'bool',
  },
};

export const ATTACHMENT: EntitySpec<A.Attachment> = {
  entity: 'attachment',
  table: 'attachment',
  record: A.Attachment,
  order: BY_CREATION,
  fields: {
    auditId: 'text',
    observationId: 'text',
    fileName: 'text',
    mediaType: 'text',
    size: 'int',
    sha256: 'text',
    caption: 'text',
    personalData: 'bool',
  },
};

export const SITUATION_TEST: EntitySpec<A.SituationTest> = {
  entity: 'situation_test',
  table: 'situation_test',
  record: A.SituationTest,
  order: 't.conducted_on, t.rowid',
  fields: {
    auditId: 'text',
    scenario: 'text',
    conductedOn: 'text',
    groundTested: 'text',
    testerACode: 'text',
    profileA: 'text',
    outcomeA: 'text',
    testerBCode: 'text',
    profileB: 'text',
    outcomeB: 'text',
    differentialTreatment: 'bool',
    notes: 'text',
  },
};

export const FINDING: EntitySpec<F.Finding> = {
  entity: 'finding',
  table: 'finding',
  record: F.Finding,
  order: BY_CREATION,
  fields: {
    auditId: 'text',
    title: 'text',
    criterion: 'text',
    condition: 'text',
    cause: 'text',
    effect: 'text',
    severity: 'text',
    type: 'text',
    structuralKind: 'text',
    grounds: link('finding_ground', 'finding_id', 'ground_code'),
    evidence: evidence('finding_id'),
  },
};

export const RECOMMENDATION: EntitySpec<F.Recommendation> = {
  entity: 'recommendation',
  table: 'recommendation',
  record: F.Recommendation,
  order: BY_CREATION,
  fields: {
    auditId: 'text',
    title: 'text',
    text: 'text',
    priority: 'text',
    addressedTo: 'text',
    findingIds: link('recommendation_finding', 'recommendation_id', 'finding_id'),
  },
};

export const MANAGEMENT_RESPONSE: EntitySpec<F.ManagementResponse> = {
  entity: 'management_response',
  table: 'management_response',
  record: F.ManagementResponse,
  order: BY_CREATION,
  fields: {
    recommendationId: 'text',
    managerId: 'text',
    decision: 'text',
    justification: 'text',
    committedMeasure: 'text',
    committedBy: 'text',
    respondedAt: 'text',
  },
};

export const DISMISSED_SUGGESTION: EntitySpec<F.DismissedSuggestion> = {
  entity: 'dismissed_suggestion',
  table: 'dismissed_suggestion',
  record: F.DismissedSuggestion,
  order: BY_CREATION,
  fields: { auditId: 'text', consolidatedResultId: 'text' },
};

/** The latest live progress update of the measure `t` (by date, then by entry order). */
const LATEST_PROGRESS = `SELECT %s FROM progress_update p
  WHERE p.measure_id = t.id AND p.archived_at IS NULL ORDER BY p.date DESC, p.rowid DESC LIMIT 1`;
const NEEDS_REASON = MEASURE_STATUSES_NEEDING_REASON.map((s) => `'${s}'`).join(', ');

export const MEASURE: EntitySpec<M.Measure> = {
  entity: 'measure',
  table: 'measure',
  record: M.Measure,
  order: BY_CREATION,
  fields: {
    title: 'text',
    description: 'text',
    actionArea: 'text',
    recommendationIds: link('measure_recommendation', 'measure_id', 'recommendation_id'),
    department: 'text',
    responsibleId: 'text',
    startDate: 'text',
    dueDate: 'text',
    indicator: 'text',
    indicatorUnit: 'text',
    baseline: 'real',
    target: 'real',
    budget: 'real',
    // A measure's status is its latest progress update's: the two cannot disagree.
    status: derived(`coalesce((${LATEST_PROGRESS.replace('%s', 'p.status')}), 'not_started')`),
    statusReason: derived(
      `coalesce((${LATEST_PROGRESS.replace('%s', `CASE WHEN p.status IN (${NEEDS_REASON}) THEN p.note ELSE '' END`)}), '')`,
    ),
  },
};

export const PROGRESS_UPDATE: EntitySpec<M.ProgressUpdate> = {
  entity: 'progress_update',
  table: 'progress_update',
  record: M.ProgressUpdate,
  order: 't.date, t.rowid',
  fields: { measureId: 'text', date: 'text', status: 'text', indicatorValue: 'real', note: 'text' },
};

/** Every spec, for the tests that check them against the database. */
export const ALL_SPECS: readonly EntitySpec[] = [
  PROGRAMME,
  SERVICE,
  PERSON,
  GROUND,
  TEMPLATE,
  TEMPLATE_VERSION,
  SECTION,
  CRITERION,
  AUDIT,
  RESPONSE,
  CONSOLIDATED_RESULT,
  OBSERVATION,
  ATTACHMENT,
  SITUATION_TEST,
  FINDING,
  RECOMMENDATION,
  MANAGEMENT_RESPONSE,
  DISMISSED_SUGGESTION,
  MEASURE,
  PROGRESS_UPDATE,
];
