/**
 * What each report reads from the database: one SQL statement per need (joins and link tables
 * included), live records only. Invariants:
 *
 * - people are read by id, role and pseudonymous code only: a report never sees a name, so it
 *   cannot print one;
 * - observations and attachments marked as personal data are not read at all unless the report
 *   includes personal data; only their number is (so the report can say some were left out).
 */
import type { ReadableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { getRecord, queryRecords } from '../repositories/table';
import {
  AUDIT,
  ATTACHMENT,
  CONSOLIDATED_RESULT,
  CRITERION,
  FINDING,
  GROUND,
  MANAGEMENT_RESPONSE,
  MEASURE,
  OBSERVATION,
  PROGRESS_UPDATE,
  RECOMMENDATION,
  RESPONSE,
  SECTION,
  SERVICE,
  SITUATION_TEST,
} from '../repositories/specs';
import { currentProgramme } from '../services/programme';
import { notFound } from '../services/problems';
import type { Programme, Service, Ground } from '../../../shared/domain/programme';
import type { Criterion, Section } from '../../../shared/domain/template';
import type {
  Attachment,
  Audit,
  ConsolidatedResult,
  Observation,
  Response,
  SituationTest,
} from '../../../shared/domain/audit';
import type { Finding, ManagementResponse, Recommendation } from '../../../shared/domain/findings';
import type { Measure, ProgressUpdate } from '../../../shared/domain/actionPlan';

/** A person as reports know them: never a name. */
export interface PersonCode {
  id: string;
  code: string;
  role: string;
}

export interface AuditReportData {
  programme: Programme | null;
  audit: Audit;
  service: Service;
  /** Codes of the people the audit's records name, by id. */
  codes: ReadonlyMap<string, string>;
  grounds: ReadonlyMap<string, Ground['label']>;
  sections: (Section & { criteria: Criterion[] })[];
  responses: Response[];
  consolidated: ConsolidatedResult[];
  observations: Observation[];
  /** Observations left out because they hold personal data. */
  withheldObservationIds: ReadonlySet<string>;
  situationTests: SituationTest[];
  attachments: Attachment[];
  withheldAttachmentIds: ReadonlySet<string>;
  findings: Finding[];
  recommendations: Recommendation[];
  answers: ManagementResponse[];
}

export interface PlanReportData {
  programme: Programme | null;
  codes: ReadonlyMap<string, string>;
  measures: Measure[];
  progress: ProgressUpdate[];
  recommendations: Recommendation[];
  findings: Finding[];
  audits: Audit[];
  services: Service[];
}

function personCodes(db: ReadableDB): Map<string, string> {
  const rows = prepared(db, 'SELECT id, code FROM person').all() as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.id, r.code]));
}

function groundLabels(db: ReadableDB): Map<string, Ground['label']> {
  return new Map(queryRecords(db, GROUND, '', []).map((g) => [g.code, g.label]));
}

function idsOf(db: ReadableDB, sql: string, ...params: unknown[]): Set<string> {
  return new Set((prepared(db, sql).all(...params) as { id: string }[]).map((r) => r.id));
}

export function auditReportData(db: ReadableDB, auditId: string, includePersonalData: boolean): AuditReportData {
  const audit = getRecord(db, AUDIT, auditId);
  if (!audit || audit.archivedAt !== null) throw notFound('audit', auditId);
  const service = getRecord(db, SERVICE, audit.serviceId);
  if (!service) throw notFound('service', audit.serviceId);
  const live = 'WHERE t.audit_id = ? AND t.archived_at IS NULL';
  const personal = includePersonalData ? '' : ' AND t.personal_data = 0';

  const sections = queryRecords(db, SECTION, 'WHERE t.version_id = ? AND t.archived_at IS NULL', [
    audit.templateVersionId,
  ]);
  const criteria = queryRecords(
    db,
    CRITERION,
    'JOIN template_section s ON s.id = t.section_id WHERE s.version_id = ? AND t.archived_at IS NULL',
    [audit.templateVersionId],
    's.position, t.position, t.rowid',
  );
  const bySection = new Map<string, Criterion[]>();
  for (const c of criteria) bySection.set(c.sectionId, [...(bySection.get(c.sectionId) ?? []), c]);

  return {
    programme: currentProgramme(db),
    audit,
    service,
    codes: personCodes(db),
    grounds: groundLabels(db),
    sections: sections.map((s) => ({ ...s, criteria: bySection.get(s.id) ?? [] })),
    responses: queryRecords(db, RESPONSE, live, [auditId]),
    consolidated: queryRecords(db, CONSOLIDATED_RESULT, live, [auditId]),
    observations: queryRecords(db, OBSERVATION, live + personal, [auditId]),
    withheldObservationIds: includePersonalData
      ? new Set()
      : idsOf(
          db,
          'SELECT id FROM observation WHERE audit_id = ? AND archived_at IS NULL AND personal_data = 1',
          auditId,
        ),
    situationTests: queryRecords(db, SITUATION_TEST, live, [auditId]),
    attachments: queryRecords(
      db,
      ATTACHMENT,
      // An attachment of a withheld observation is withheld with it.
      includePersonalData
        ? live
        : `${live} AND t.personal_data = 0 AND (t.observation_id IS NULL OR t.observation_id IN
            (SELECT o.id FROM observation o WHERE o.personal_data = 0))`,
      [auditId],
    ),
    withheldAttachmentIds: includePersonalData
      ? new Set()
      : idsOf(
          db,
          `SELECT a.id FROM attachment a LEFT JOIN observation o ON o.id = a.observation_id
           WHERE a.audit_id = ? AND a.archived_at IS NULL AND (a.personal_data = 1 OR o.personal_data = 1)`,
          auditId,
        ),
    findings: queryRecords(db, FINDING, live, [auditId]),
    recommendations: queryRecords(db, RECOMMENDATION, live, [auditId]),
    answers: queryRecords(
      db,
      MANAGEMENT_RESPONSE,
      'JOIN recommendation r ON r.id = t.recommendation_id WHERE r.audit_id = ? AND t.archived_at IS NULL',
      [auditId],
    ),
  };
}

/** The action plan with what is behind it: measures, their progress, and the recommendations and findings they answer. */
export function planReportData(db: ReadableDB): PlanReportData {
  const notArchived = 'WHERE t.archived_at IS NULL';
  return {
    programme: currentProgramme(db),
    codes: personCodes(db),
    measures: queryRecords(db, MEASURE, notArchived, []),
    progress: queryRecords(
      db,
      PROGRESS_UPDATE,
      'JOIN measure m ON m.id = t.measure_id WHERE t.archived_at IS NULL AND m.archived_at IS NULL',
      [],
    ),
    recommendations: queryRecords(db, RECOMMENDATION, notArchived, []),
    findings: queryRecords(db, FINDING, notArchived, []),
    audits: queryRecords(db, AUDIT, notArchived, []),
    services: queryRecords(db, SERVICE, '', []),
  };
}

/** The audits a report can be made of (for the command line's messages). */
export function auditExists(db: ReadableDB, auditId: string): boolean {
  return prepared(db, 'SELECT 1 AS x FROM audit WHERE id = ? AND archived_at IS NULL').get(auditId) !== undefined;
}
