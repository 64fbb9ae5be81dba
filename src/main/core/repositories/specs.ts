/**
 * Where each domain record is stored: its table, its columns and its link tables. The field
 * names are those of the zod record schemas in src/shared/domain; columns are their snake_case.
 */
import * as P from '../../../shared/domain/programme';
import * as T from '../../../shared/domain/template';
import * as A from '../../../shared/domain/audit';
import * as F from '../../../shared/domain/findings';
import * as M from '../../../shared/domain/actionPlan';
import type { EntitySpec } from './table';

const BY_CREATION = 'created_at, rowid';
const BY_POSITION = 'position, rowid';

export const PROGRAMME: EntitySpec<P.Programme> = {
  entity: 'programme',
  table: 'programme',
  record: P.Programme,
  order: BY_CREATION,
  columns: {
    name: 'text',
    city: 'text',
    coordinatingOffice: 'text',
    periodStart: 'text',
    periodEnd: 'text',
    defaultLanguage: 'text',
    reportBranding: 'text',
  },
};

export const SERVICE: EntitySpec<P.Service> = {
  entity: 'service',
  table: 'service',
  record: P.Service,
  order: 'name COLLATE NOCASE, rowid',
  columns: {
    programmeId: 'text',
    name: 'text',
    department: 'text',
    address: 'text',
    description: 'text',
    managerId: 'text',
  },
};

export const PERSON: EntitySpec<P.Person> = {
  entity: 'person',
  table: 'person',
  record: P.Person,
  order: 'display_name COLLATE NOCASE, rowid',
  columns: {
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
  columns: { code: 'text', label: 'json' },
};

export const TEMPLATE: EntitySpec<T.Template> = {
  entity: 'template',
  table: 'template',
  record: T.Template,
  order: BY_CREATION,
  columns: { key: 'text', name: 'json', description: 'json' },
};

export const TEMPLATE_VERSION: EntitySpec<T.TemplateVersion> = {
  entity: 'template_version',
  table: 'template_version',
  record: T.TemplateVersion,
  order: 'number',
  columns: { templateId: 'text', number: 'int', status: 'text', note: 'text' },
};

export const SECTION: EntitySpec<T.Section> = {
  entity: 'section',
  table: 'template_section',
  record: T.Section,
  order: BY_POSITION,
  columns: { versionId: 'text', position: 'int', title: 'json' },
};

export const CRITERION: EntitySpec<T.Criterion> = {
  entity: 'criterion',
  table: 'criterion',
  record: T.Criterion,
  order: BY_POSITION,
  columns: {
    sectionId: 'text',
    position: 'int',
    text: 'json',
    guidance: 'json',
    responseType: 'text',
    choices: 'json',
    weight: 'real',
    grounds: 'json',
    reference: 'text',
  },
};

export const AUDIT: EntitySpec<A.Audit> = {
  entity: 'audit',
  table: 'audit',
  record: A.Audit,
  order: BY_CREATION,
  columns: {
    programmeId: 'text',
    serviceId: 'text',
    templateVersionId: 'text',
    title: 'text',
    scope: 'text',
    methods: 'json',
    leadId: 'text',
    status: 'text',
    plannedStart: 'text',
    plannedEnd: 'text',
    actualStart: 'text',
    actualEnd: 'text',
  },
  links: { teamIds: { table: 'audit_member', owner: 'audit_id', target: 'person_id' } },
};

export const RESPONSE: EntitySpec<A.Response> = {
  entity: 'response',
  table: 'response',
  record: A.Response,
  order: BY_CREATION,
  columns: {
    auditId: 'text',
    criterionId: 'text',
    auditorId: 'text',
    rating: 'text',
    value: 'any',
    note: 'text',
    evidenceIds: 'json',
    answeredAt: 'text',
  },
};

export const CONSOLIDATED_RESULT: EntitySpec<A.ConsolidatedResult> = {
  entity: 'consolidated_result',
  table: 'consolidated_result',
  record: A.ConsolidatedResult,
  order: BY_CREATION,
  columns: { auditId: 'text', criterionId: 'text', rating: 'text', value: 'any', note: 'text', decidedBy: 'text' },
};

export const OBSERVATION: EntitySpec<A.Observation> = {
  entity: 'observation',
  table: 'observation',
  record: A.Observation,
  order: 'observed_at, rowid',
  columns: {
    auditId: 'text',
    authorId: 'text',
    observedAt: 'text',
    location: 'text',
    method: 'text',
    narrative: 'text',
    grounds: 'json',
    severity: 'text',
    personalData: 'bool',
  },
  links: { criterionIds: { table: 'observation_criterion', owner: 'observation_id', target: 'criterion_id' } },
};

export const ATTACHMENT: EntitySpec<A.Attachment> = {
  entity: 'attachment',
  table: 'attachment',
  record: A.Attachment,
  order: BY_CREATION,
  columns: {
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
  order: 'conducted_on, rowid',
  columns: {
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
  columns: {
    auditId: 'text',
    title: 'text',
    criterion: 'text',
    condition: 'text',
    cause: 'text',
    effect: 'text',
    severity: 'text',
    type: 'text',
    structuralKind: 'text',
    grounds: 'json',
    evidence: 'json',
  },
};

export const RECOMMENDATION: EntitySpec<F.Recommendation> = {
  entity: 'recommendation',
  table: 'recommendation',
  record: F.Recommendation,
  order: BY_CREATION,
  columns: { auditId: 'text', title: 'text', text: 'text', priority: 'text' },
  links: { findingIds: { table: 'recommendation_finding', owner: 'recommendation_id', target: 'finding_id' } },
};

export const MANAGEMENT_RESPONSE: EntitySpec<F.ManagementResponse> = {
  entity: 'management_response',
  table: 'management_response',
  record: F.ManagementResponse,
  order: BY_CREATION,
  columns: {
    recommendationId: 'text',
    managerId: 'text',
    decision: 'text',
    justification: 'text',
    committedMeasure: 'text',
    respondedAt: 'text',
  },
};

export const MEASURE: EntitySpec<M.Measure> = {
  entity: 'measure',
  table: 'measure',
  record: M.Measure,
  order: BY_CREATION,
  columns: {
    programmeId: 'text',
    title: 'text',
    description: 'text',
    actionArea: 'text',
    department: 'text',
    responsibleId: 'text',
    startDate: 'text',
    dueDate: 'text',
    indicator: 'text',
    baseline: 'real',
    target: 'real',
    budget: 'real',
    status: 'text',
    statusReason: 'text',
  },
  links: { recommendationIds: { table: 'measure_recommendation', owner: 'measure_id', target: 'recommendation_id' } },
};

export const PROGRESS_UPDATE: EntitySpec<M.ProgressUpdate> = {
  entity: 'progress_update',
  table: 'progress_update',
  record: M.ProgressUpdate,
  order: 'date, rowid',
  columns: { measureId: 'text', date: 'text', status: 'text', indicatorValue: 'real', note: 'text' },
};
