/**
 * Audits and what the team records: responses (kept per auditor), consolidated results,
 * observations, attachments and situation tests. An audit pins a published template version;
 * its status only moves along AUDIT_TRANSITIONS; a closed audit's records are frozen.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, renameSync, existsSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type {
  Audit,
  AttachmentCreate,
  AgreementSummary,
  ConsolidatedResult,
  Observation,
  Response,
  SituationTest,
} from '../../../shared/domain/audit';
import { AUDIT_TRANSITIONS, type AuditStatus, type Rating } from '../../../shared/domain/vocabulary';
import type { ReadableDB } from '../db/handles';
import { listRecords } from '../repositories/table';
import {
  ATTACHMENT,
  AUDIT,
  CONSOLIDATED_RESULT,
  CRITERION,
  OBSERVATION,
  PERSON,
  PROGRAMME,
  RESPONSE,
  SERVICE,
  SITUATION_TEST,
  TEMPLATE_VERSION,
} from '../repositories/specs';
import type { ServiceContext } from './context';
import { crudService, requireRecord, updateEntity, violation, type Fields, type Rules } from './entity';
import { criterionInVersion } from './templates';

const auditRules: Rules<Audit> = {
  refs: {
    programmeId: PROGRAMME,
    serviceId: SERVICE,
    templateVersionId: TEMPLATE_VERSION,
    leadId: PERSON,
    teamIds: PERSON,
  },
  check(db, a, before) {
    if (before?.status === 'closed') throw violation('This audit is closed and can no longer be changed.');
    const service = requireRecord(db, SERVICE, a.serviceId);
    if (service.programmeId !== a.programmeId) throw violation('The service belongs to another programme.');
    if (!before && requireRecord(db, TEMPLATE_VERSION, a.templateVersionId).status !== 'published') {
      throw violation('An audit can only use a published template version.');
    }
    for (const id of a.teamIds) {
      const p = requireRecord(db, PERSON, id);
      if (p.role !== 'auditor') throw violation(`${p.displayName} is not an auditor and cannot be in the audit team.`);
    }
    if (a.leadId && !a.teamIds.includes(a.leadId)) throw violation('The lead auditor must be a member of the team.');
    if (a.plannedStart && a.plannedEnd && a.plannedStart > a.plannedEnd)
      throw violation('The planned end is before the planned start.');
    if (a.actualStart && a.actualEnd && a.actualStart > a.actualEnd)
      throw violation('The actual end is before the actual start.');
  },
};

const auditCrud = crudService(AUDIT, auditRules);

export const audits = {
  ...auditCrud,
  create(ctx: ServiceContext, input: Omit<Fields<Audit>, 'status'>): Audit {
    // The lead is always part of the team.
    const teamIds =
      input.leadId && !input.teamIds.includes(input.leadId) ? [input.leadId, ...input.teamIds] : input.teamIds;
    return auditCrud.create(ctx, { ...input, teamIds, status: 'planned' });
  },
  setStatus(ctx: ServiceContext, input: { id: string; status: AuditStatus }): Audit {
    const a = requireRecord(ctx.db, AUDIT, input.id);
    if (a.status === input.status) return a;
    if (!AUDIT_TRANSITIONS[a.status].includes(input.status)) {
      throw violation(`An audit cannot move from ${a.status} to ${input.status}.`);
    }
    return updateEntity(ctx, AUDIT, {}, a.id, { status: input.status }, 'status');
  },
  agreement(ctx: ServiceContext, input: { id: string }): z.output<typeof AgreementSummary> {
    requireRecord(ctx.db, AUDIT, input.id);
    const byCriterion = new Map<string, { auditorId: string; rating: Rating | null }[]>();
    for (const r of listRecords(ctx.db, RESPONSE, { auditId: input.id })) {
      const list = byCriterion.get(r.criterionId) ?? [];
      list.push({ auditorId: r.auditorId, rating: r.rating });
      byCriterion.set(r.criterionId, list);
    }
    const comparable = [...byCriterion.entries()].filter(([, rs]) => rs.length >= 2);
    const disagreements = comparable
      .filter(([, rs]) => new Set(rs.map((r) => r.rating)).size > 1)
      .map(([criterionId, ratings]) => ({ criterionId, ratings }));
    const agreeing = comparable.length - disagreements.length;
    return {
      auditId: input.id,
      comparable: comparable.length,
      agreeing,
      agreement: comparable.length ? agreeing / comparable.length : null,
      disagreements,
    };
  },
};

/** The audit a record belongs to, refusing changes once the audit is closed. */
function openAudit(db: ReadableDB, auditId: string): Audit {
  const a = requireRecord(db, AUDIT, auditId);
  if (a.status === 'closed') throw violation('This audit is closed; its records can no longer be changed.');
  return a;
}

function checkCriterion(db: ReadableDB, audit: Audit, criterionId: string): void {
  if (!criterionInVersion(db, criterionId, audit.templateVersionId)) {
    throw violation('The criterion is not part of the checklist version this audit uses.');
  }
}

function checkAnswer(
  db: ReadableDB,
  r: { criterionId: string; rating: Rating | null; value: number | string | null },
): void {
  const c = requireRecord(db, CRITERION, r.criterionId);
  switch (c.responseType) {
    case 'rating':
    case 'yes_no':
      if (r.value !== null) throw violation('This criterion is answered with a rating, not a value.');
      break;
    case 'number':
      if (r.value !== null && typeof r.value !== 'number') throw violation('This criterion is answered with a number.');
      break;
    case 'choice':
      if (
        r.value !== null &&
        !(typeof r.value === 'number' && Number.isInteger(r.value) && r.value >= 0 && r.value < c.choices.length)
      ) {
        throw violation('This criterion is answered with one of its options.');
      }
      break;
    case 'text':
      if (r.value !== null && typeof r.value !== 'string') throw violation('This criterion is answered with a text.');
      break;
  }
}

const responseRules: Rules<Response> = {
  refs: { auditId: AUDIT, criterionId: CRITERION, auditorId: PERSON },
  check(db, r, before) {
    const audit = openAudit(db, r.auditId);
    checkCriterion(db, audit, r.criterionId);
    checkAnswer(db, r);
    if (!audit.teamIds.includes(r.auditorId))
      throw violation('Only members of the audit team can answer its checklist.');
    if (!before) {
      const dup = db
        .prepare(`SELECT 1 FROM response WHERE audit_id = ? AND criterion_id = ? AND auditor_id = ?`)
        .get(r.auditId, r.criterionId, r.auditorId);
      if (dup) throw violation('This auditor has already answered this criterion; change that answer instead.');
    }
  },
};

const consolidatedRules: Rules<ConsolidatedResult> = {
  refs: { auditId: AUDIT, criterionId: CRITERION, decidedBy: PERSON },
  check(db, r, before) {
    const audit = openAudit(db, r.auditId);
    checkCriterion(db, audit, r.criterionId);
    checkAnswer(db, r);
    if (
      !before &&
      db
        .prepare(`SELECT 1 FROM consolidated_result WHERE audit_id = ? AND criterion_id = ?`)
        .get(r.auditId, r.criterionId)
    ) {
      throw violation('This criterion already has a consolidated result; change it instead.');
    }
  },
};

const observationRules: Rules<Observation> = {
  refs: { auditId: AUDIT, authorId: PERSON, criterionIds: CRITERION },
  check(db, o) {
    const audit = openAudit(db, o.auditId);
    for (const c of o.criterionIds) checkCriterion(db, audit, c);
  },
};

const situationTestRules: Rules<SituationTest> = {
  refs: { auditId: AUDIT },
  check: (db, t) => void openAudit(db, t.auditId),
};

export const responses = crudService(RESPONSE, responseRules);
export const consolidatedResults = crudService(CONSOLIDATED_RESULT, consolidatedRules);
export const observations = crudService(OBSERVATION, observationRules);
export const situationTests = crudService(SITUATION_TEST, situationTestRules);

const attachmentCrud = crudService(ATTACHMENT, {
  refs: { auditId: AUDIT, observationId: OBSERVATION },
  check(db, a) {
    openAudit(db, a.auditId);
    if (a.observationId && requireRecord(db, OBSERVATION, a.observationId).auditId !== a.auditId) {
      throw violation('The observation belongs to another audit.');
    }
  },
});

export const attachments = {
  ...attachmentCrud,
  /**
   * Stores the file content-addressed (`attachments/ab/abcdef…`), written to a temporary name,
   * flushed and renamed, so a crash never leaves a half-written file under a valid hash.
   */
  create(ctx: ServiceContext, input: z.output<typeof AttachmentCreate>) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > 50 * 1024 * 1024) throw violation('Attachments are limited to 50 MB.');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const record = attachmentCrud.create(ctx, {
      auditId: input.auditId,
      observationId: input.observationId,
      fileName: input.fileName,
      mediaType: input.mediaType,
      size: bytes.length,
      sha256,
      caption: input.caption,
      personalData: input.personalData,
    });
    const dir = join(ctx.attachmentsDir, sha256.slice(0, 2));
    const file = join(dir, sha256);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${ctx.newId()}.tmp`;
      writeFileSync(tmp, bytes);
      const fd = openSync(tmp, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, file);
    }
    return record;
  },
};

/** Where an attachment's bytes live. */
export const attachmentPath = (attachmentsDir: string, sha256: string): string =>
  join(attachmentsDir, sha256.slice(0, 2), sha256);
