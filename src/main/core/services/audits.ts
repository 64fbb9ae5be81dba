/**
 * Audits and what the team records: answers (kept per auditor), consolidated results,
 * observations, attachments and situation tests.
 *
 * Invariants: an audit pins a published template version; its status moves only by the steps of
 * AUDIT_STEPS; a closed (or archived) audit freezes every record that belongs to it; answers and
 * observations are the current person's own, given while the audit is in fieldwork; evidence
 * comes from the same audit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ensurePrivateDir, writeFileDurably } from '../files/durable';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type {
  AgreementSummary,
  Attachment,
  AttachmentAdd,
  Audit,
  AuditPlan,
  AuditUpdate,
  Consolidate,
  ConsolidatedResult,
  Observation,
  ObservationRecord,
  ObservationUpdate,
  RecordAnswer,
  Response,
  SituationTest,
} from '../../../shared/domain/audit';
import { AUDIT_STEPS, RATINGS, type AuditStatus, type AuditStep, type Rating } from '../../../shared/domain/vocabulary';
import { categoryCounts, cohenKappa, fleissKappa, percentAgreement } from '../../../shared/domain/agreement';
import type { ReadableDB } from '../db/handles';
import { listRecords, pageRecords, queryRecords, type Paging } from '../repositories/table';
import {
  ATTACHMENT,
  AUDIT,
  CONSOLIDATED_RESULT,
  CRITERION,
  OBSERVATION,
  PERSON,
  RESPONSE,
  SERVICE,
  SITUATION_TEST,
  TEMPLATE_VERSION,
} from '../repositories/specs';
import { currentPerson, type ReadContext, type ServiceContext } from './context';
import { createEntity, recordService, requireRecord, updateEntity, type Rules } from './entity';
import { checkEvidence } from './evidence';
import { checkGrounds } from './programme';
import { conflict, forbidden, rule } from './problems';
import { requireOwn, teamMember } from './access';
import { criterionInVersion } from './templates';

const today = (ctx: ServiceContext): string => ctx.now().slice(0, 10);

const auditRules: Rules<Audit> = {
  refs: { serviceId: SERVICE, templateVersionId: TEMPLATE_VERSION, leadId: PERSON, teamIds: PERSON },
  check(db, a, before) {
    if (before?.status === 'closed') throw rule('auditClosed');
    if (!before && requireRecord(db, TEMPLATE_VERSION, a.templateVersionId).status !== 'published') {
      throw rule('auditVersionNotPublished', {}, 'templateVersionId');
    }
    for (const id of a.teamIds) {
      const p = requireRecord(db, PERSON, id);
      if (p.role !== 'auditor') throw rule('auditTeamNotAuditor', { code: p.code }, 'teamIds');
    }
    if (a.leadId && !a.teamIds.includes(a.leadId)) throw rule('auditLeadNotInTeam', {}, 'leadId');
    if (a.plannedStart && a.plannedEnd && a.plannedStart > a.plannedEnd)
      throw rule('auditPlannedOrder', {}, 'plannedEnd');
    if (a.actualStart && a.actualEnd && a.actualStart > a.actualEnd) throw rule('auditActualOrder', {}, 'actualEnd');
  },
  checkArchive(_db, a) {
    if (a.status === 'closed') throw rule('auditClosed');
  },
};

/** The lead is always part of the team. */
const withLead = <T extends { leadId?: string | null | undefined; teamIds?: string[] | undefined }>(a: T): T =>
  a.leadId && a.teamIds && !a.teamIds.includes(a.leadId) ? { ...a, teamIds: [a.leadId, ...a.teamIds] } : a;

/** Takes one step of AUDIT_STEPS, filling in the actual dates the step marks when they are empty. */
function takeStep(ctx: ServiceContext, step: AuditStep, input: { id: string; rev: number }): Audit {
  const a = requireRecord(ctx.db, AUDIT, input.id);
  if (a.rev !== input.rev) throw conflict(AUDIT.entity, input.rev, a.rev);
  const { from, to } = AUDIT_STEPS[step];
  if (!(from as readonly AuditStatus[]).includes(a.status)) throw rule('auditStepNotAllowed', { from: a.status, to });
  if (to === 'fieldwork' && a.teamIds.length === 0) throw rule('auditNoTeam');
  const patch: Partial<Audit> = { status: to };
  if (step === 'startFieldwork' && a.actualStart === null) patch.actualStart = today(ctx);
  if (step === 'submit' && a.actualEnd === null) patch.actualEnd = today(ctx);
  return updateEntity(ctx, AUDIT, auditRules, a.id, a.rev, patch, 'status');
}

const step = (s: AuditStep) => (ctx: ServiceContext, input: { id: string; rev: number }) => takeStep(ctx, s, input);

/** The team hands its fieldwork to the coordinator: an auditor submits only an audit of their team. */
const submit = (ctx: ServiceContext, input: { id: string; rev: number }): Audit => {
  teamMember(ctx, input.id);
  return takeStep(ctx, 'submit', input);
};

/** The audit of a record, open for changes (not closed, not archived). */
function openAudit(db: ReadableDB, auditId: string): Audit {
  const a = requireRecord(db, AUDIT, auditId);
  if (a.archivedAt !== null) throw rule('auditArchived');
  if (a.status === 'closed') throw rule('auditClosed');
  return a;
}

/** Field records (answers, observations, situation tests) are made during fieldwork. */
function inFieldwork(db: ReadableDB, auditId: string): Audit {
  const a = openAudit(db, auditId);
  if (a.status !== 'fieldwork') throw rule('auditNotInFieldwork', { status: a.status });
  return a;
}

function checkCriterion(db: ReadableDB, audit: Audit, criterionId: string, field = 'criterionId'): void {
  requireRecord(db, CRITERION, criterionId);
  if (!criterionInVersion(db, criterionId, audit.templateVersionId))
    throw rule('auditCriterionNotInChecklist', {}, field);
}

function checkAnswer(
  db: ReadableDB,
  r: { criterionId: string; rating: Rating | null; value: number | string | null },
): void {
  const c = requireRecord(db, CRITERION, r.criterionId);
  const refuse = () => rule('answerWrongType', { responseType: c.responseType }, 'value');
  switch (c.responseType) {
    case 'rating':
    case 'yes_no':
      if (r.value !== null) throw refuse();
      break;
    case 'number':
      if (r.value !== null && typeof r.value !== 'number') throw refuse();
      break;
    case 'choice':
      if (
        r.value !== null &&
        !(typeof r.value === 'number' && Number.isInteger(r.value) && r.value >= 0 && r.value < c.choices.length)
      ) {
        throw refuse();
      }
      break;
    case 'text':
      if (r.value !== null && typeof r.value !== 'string') throw refuse();
      break;
  }
}

const responseRules: Rules<Response> = {
  auditOf: (_db, r) => r.auditId,
  check(db, r, before) {
    const audit = inFieldwork(db, r.auditId);
    checkCriterion(db, audit, r.criterionId);
    checkAnswer(db, r);
    if (!audit.teamIds.includes(r.auditorId)) throw forbidden('answerNotInTeam');
    checkEvidence(db, r.auditId, r.evidence, before?.evidence);
  },
};

const consolidatedRules: Rules<ConsolidatedResult> = {
  auditOf: (_db, r) => r.auditId,
  check(db, r) {
    const audit = openAudit(db, r.auditId);
    if (audit.status === 'planned') throw rule('auditNotInFieldwork', { status: audit.status });
    checkCriterion(db, audit, r.criterionId);
    checkAnswer(db, r);
  },
};

const observationRules: Rules<Observation> = {
  refs: { authorId: PERSON },
  auditOf: (_db, o) => o.auditId,
  check(db, o, before) {
    const audit = inFieldwork(db, o.auditId);
    o.criterionIds.forEach((c) => checkCriterion(db, audit, c, 'criterionIds'));
    checkGrounds(db, o.grounds, before?.grounds);
  },
};

const situationTestRules: Rules<SituationTest> = {
  auditOf: (_db, t) => t.auditId,
  check(db, t, before) {
    inFieldwork(db, t.auditId);
    checkGrounds(db, [t.groundTested], before ? [before.groundTested] : [], 'groundTested');
  },
};

const attachmentRules: Rules<Attachment> = {
  refs: { observationId: OBSERVATION },
  auditOf: (_db, a) => a.auditId,
  check(db, a) {
    if (a.observationId && requireRecord(db, OBSERVATION, a.observationId).auditId !== a.auditId) {
      throw rule('evidenceOtherAudit', { entity: 'observation' }, 'observationId');
    }
  },
};

/**
 * Kappas of the team's ratings: Cohen's for two raters, Fleiss' for more, over the criteria every
 * rater rated; and per pair of raters, their percent agreement and Cohen's kappa.
 */
function kappas(
  team: readonly string[],
  byCriterion: ReadonlyMap<string, { auditorId: string; rating: Rating | null }[]>,
): Pick<z.output<typeof AgreementSummary>, 'raters' | 'kappaMethod' | 'kappa' | 'kappaSubjects' | 'pairs'> {
  const rated = new Map<string, Map<string, Rating>>();
  for (const [criterionId, answers] of byCriterion) {
    const ratings = new Map<string, Rating>();
    for (const a of answers) if (a.rating !== null) ratings.set(a.auditorId, a.rating);
    rated.set(criterionId, ratings);
  }
  const withRatings = new Set([...rated.values()].flatMap((m) => [...m.keys()]));
  const raters = [...team.filter((id) => withRatings.has(id)), ...[...withRatings].filter((id) => !team.includes(id))];
  const pairs: z.output<typeof AgreementSummary>['pairs'] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const a = raters[i]!;
      const b = raters[j]!;
      const both = [...rated.values()].filter((m) => m.has(a) && m.has(b)).map((m) => [m.get(a)!, m.get(b)!] as const);
      pairs.push({
        auditorIds: [a, b],
        subjects: both.length,
        agreement: percentAgreement(both).agreement,
        kappa: cohenKappa(both),
      });
    }
  }
  const complete = [...rated.values()]
    .filter((m) => raters.every((r) => m.has(r)))
    .map((m) => raters.map((r) => m.get(r)!));
  if (raters.length < 2) return { raters, kappaMethod: null, kappa: null, kappaSubjects: 0, pairs };
  if (raters.length === 2) {
    return {
      raters,
      kappaMethod: 'cohen',
      kappa: cohenKappa(complete.map(([x, y]) => [x!, y!] as const)),
      kappaSubjects: complete.length,
      pairs,
    };
  }
  return {
    raters,
    kappaMethod: 'fleiss',
    kappa: fleissKappa(categoryCounts(complete, RATINGS)),
    kappaSubjects: complete.length,
    pairs,
  };
}

const auditRecord = recordService(AUDIT, auditRules);
const responseRecord = recordService(RESPONSE, responseRules);
const consolidatedRecord = recordService(CONSOLIDATED_RESULT, consolidatedRules);

export const audits = {
  list: (
    ctx: ReadContext,
    input: Paging & {
      serviceId?: string | undefined;
      status?: AuditStatus | undefined;
      includeArchived?: boolean | undefined;
    },
  ) => pageRecords(ctx.db, AUDIT, { serviceId: input.serviceId, status: input.status }, input),
  get: auditRecord.get,
  plan: (ctx: ServiceContext, input: z.output<typeof AuditPlan>): Audit =>
    createEntity(ctx, AUDIT, auditRules, { ...withLead(input), status: 'planned' }),
  update(ctx: ServiceContext, input: z.output<typeof AuditUpdate>): Audit {
    const { id, rev, ...patch } = input;
    const before = requireRecord(ctx.db, AUDIT, id);
    const team = withLead({ leadId: patch.leadId ?? before.leadId, teamIds: patch.teamIds ?? before.teamIds });
    return updateEntity(ctx, AUDIT, auditRules, id, rev, { ...patch, teamIds: team.teamIds });
  },
  archive: auditRecord.archive,
  startFieldwork: step('startFieldwork'),
  submit,
  startReview: step('startReview'),
  returnToFieldwork: step('returnToFieldwork'),
  markReported: step('markReported'),
  close: step('close'),

  answers: (
    ctx: ReadContext,
    input: Paging & { auditId: string; auditorId?: string | undefined; includeArchived?: boolean | undefined },
  ) => {
    teamMember(ctx, input.auditId);
    return pageRecords(ctx.db, RESPONSE, { auditId: input.auditId, auditorId: input.auditorId }, input);
  },

  /** The current person's answer: created when they have none (`rev: null`), else changed at `rev`. */
  recordAnswer(ctx: ServiceContext, input: z.output<typeof RecordAnswer>): Response {
    const me = currentPerson(ctx);
    const { rev, ...answer } = input;
    const existing = queryRecords(
      ctx.db,
      RESPONSE,
      'WHERE t.audit_id = ? AND t.criterion_id = ? AND t.auditor_id = ? AND t.archived_at IS NULL',
      [input.auditId, input.criterionId, me.id],
    )[0];
    const answeredAt = ctx.now();
    if (!existing) {
      if (rev !== null) throw conflict(RESPONSE.entity, rev, null);
      return responseRecord.create(ctx, { ...answer, auditorId: me.id, answeredAt });
    }
    const { rating, value, note, evidence } = answer;
    return updateEntity(ctx, RESPONSE, responseRules, existing.id, rev ?? 0, {
      rating,
      value,
      note,
      evidence,
      answeredAt,
    });
  },

  /** Withdraws one's own answer. */
  withdrawAnswer(ctx: ServiceContext, input: { id: string; rev: number }): Response {
    const r = requireRecord(ctx.db, RESPONSE, input.id);
    if (r.auditorId !== currentPerson(ctx).id) throw forbidden('answerNotYours');
    inFieldwork(ctx.db, r.auditId);
    return responseRecord.archive(ctx, input);
  },

  consolidatedResults: (
    ctx: ReadContext,
    input: Paging & { auditId: string; includeArchived?: boolean | undefined },
  ) => {
    requireRecord(ctx.db, AUDIT, input.auditId);
    return pageRecords(ctx.db, CONSOLIDATED_RESULT, { auditId: input.auditId }, input);
  },

  /** The team's result for a criterion, decided by the current person. */
  consolidate(ctx: ServiceContext, input: z.output<typeof Consolidate>): ConsolidatedResult {
    const me = currentPerson(ctx);
    if (me.role !== 'coordinator' && requireRecord(ctx.db, AUDIT, input.auditId).leadId !== me.id)
      throw forbidden('forbiddenNotLead');
    const { rev, ...result } = input;
    const existing = listRecords(ctx.db, CONSOLIDATED_RESULT, {
      auditId: input.auditId,
      criterionId: input.criterionId,
    })[0];
    if (!existing) {
      if (rev !== null) throw conflict(CONSOLIDATED_RESULT.entity, rev, null);
      return consolidatedRecord.create(ctx, { ...result, decidedBy: me.id });
    }
    const { rating, value, note } = result;
    return updateEntity(ctx, CONSOLIDATED_RESULT, consolidatedRules, existing.id, rev ?? 0, {
      rating,
      value,
      note,
      decidedBy: me.id,
    });
  },

  /**
   * The team's agreement. Answers are compared by what their criterion asks: the rating (rating
   * and yes/no criteria) or the value (number and choice); free-text answers are not compared.
   */
  agreement(ctx: ReadContext, input: { id: string }): z.output<typeof AgreementSummary> {
    teamMember(ctx, input.id);
    const audit = requireRecord(ctx.db, AUDIT, input.id);
    const types = new Map(
      queryRecords(ctx.db, CRITERION, 'JOIN template_section s ON s.id = t.section_id WHERE s.version_id = ?', [
        audit.templateVersionId,
      ]).map((c) => [c.id, c.responseType]),
    );
    const byCriterion = new Map<string, { auditorId: string; rating: Rating | null; key: string }[]>();
    for (const r of listRecords(ctx.db, RESPONSE, { auditId: input.id })) {
      const type = types.get(r.criterionId);
      if (type === undefined || type === 'text') continue;
      const list = byCriterion.get(r.criterionId) ?? [];
      const key = JSON.stringify(type === 'rating' || type === 'yes_no' ? r.rating : r.value);
      list.push({ auditorId: r.auditorId, rating: r.rating, key });
      byCriterion.set(r.criterionId, list);
    }
    const comparable = [...byCriterion.entries()].filter(([, rs]) => rs.length >= 2);
    const disagreements = comparable
      .filter(([, rs]) => new Set(rs.map((r) => r.key)).size > 1)
      .map(([criterionId, rs]) => ({
        criterionId,
        ratings: rs.map(({ auditorId, rating }) => ({ auditorId, rating })),
      }));
    const agreeing = comparable.length - disagreements.length;
    return {
      auditId: input.id,
      comparable: comparable.length,
      agreeing,
      agreement: comparable.length ? agreeing / comparable.length : null,
      disagreements,
      ...kappas(audit.teamIds, byCriterion),
    };
  },
};

const observationRecord = recordService(OBSERVATION, observationRules);
/** The record, which must be the current person's own, in an audit of their team. */
function ownFieldRecord<R extends { auditId: string; createdBy: string | null }>(
  ctx: ServiceContext,
  spec: { entity: string },
  record: R,
): R {
  const me = teamMember(ctx, record.auditId);
  requireOwn(me, record, spec.entity);
  return record;
}

/** Lists and search of the log: ./observationSearch.ts (team-checked there too). */
export const observations = {
  get: (ctx: ReadContext, input: { id: string }): Observation => {
    const o = requireRecord(ctx.db, OBSERVATION, input.id);
    teamMember(ctx, o.auditId);
    return o;
  },
  record: (ctx: ServiceContext, input: z.output<typeof ObservationRecord>): Observation =>
    observationRecord.create(ctx, { ...input, authorId: teamMember(ctx, input.auditId).id }),
  update: (ctx: ServiceContext, input: z.output<typeof ObservationUpdate>): Observation => {
    ownFieldRecord(ctx, OBSERVATION, requireRecord(ctx.db, OBSERVATION, input.id));
    return observationRecord.update(ctx, input);
  },
  archive: (ctx: ServiceContext, input: { id: string; rev: number }): Observation => {
    ownFieldRecord(ctx, OBSERVATION, requireRecord(ctx.db, OBSERVATION, input.id));
    return observationRecord.archive(ctx, input);
  },
};

const situationTestRecord = recordService(SITUATION_TEST, situationTestRules);
export const situationTests = {
  list: (ctx: ReadContext, input: Paging & { auditId: string; includeArchived?: boolean | undefined }) => {
    teamMember(ctx, input.auditId);
    return pageRecords(ctx.db, SITUATION_TEST, { auditId: input.auditId }, input);
  },
  record: (ctx: ServiceContext, input: Parameters<typeof situationTestRecord.create>[1]): SituationTest => {
    teamMember(ctx, input.auditId);
    return situationTestRecord.create(ctx, input);
  },
  update: (ctx: ServiceContext, input: Parameters<typeof situationTestRecord.update>[1]): SituationTest => {
    ownFieldRecord(ctx, SITUATION_TEST, requireRecord(ctx.db, SITUATION_TEST, input.id));
    return situationTestRecord.update(ctx, input);
  },
  archive: (ctx: ServiceContext, input: { id: string; rev: number }): SituationTest => {
    ownFieldRecord(ctx, SITUATION_TEST, requireRecord(ctx.db, SITUATION_TEST, input.id));
    return situationTestRecord.archive(ctx, input);
  },
};

/** Where an attachment's bytes live. */
export const attachmentPath = (attachmentsDir: string, sha256: string): string =>
  join(attachmentsDir, sha256.slice(0, 2), sha256);

/**
 * Writes bytes under their hash (`attachments/ab/abcdef…`), whole or not at all: through a
 * temporary name, flushed, renamed, the folder flushed (files/durable.ts), readable by the user
 * only. A full disk answers `disk_full` and leaves no temporary file.
 */
function storeBytes(ctx: ServiceContext, sha256: string, bytes: Buffer): void {
  const file = attachmentPath(ctx.attachmentsDir, sha256);
  if (existsSync(file)) return;
  ensurePrivateDir(ctx.attachmentsDir);
  ensurePrivateDir(dirname(file));
  writeFileDurably(file, bytes);
}

const attachmentRecord = recordService(ATTACHMENT, attachmentRules);
export const attachments = {
  list: (
    ctx: ReadContext,
    input: Paging & { auditId: string; observationId?: string | undefined; includeArchived?: boolean | undefined },
  ) => {
    teamMember(ctx, input.auditId);
    return pageRecords(ctx.db, ATTACHMENT, { auditId: input.auditId, observationId: input.observationId }, input);
  },
  add(ctx: ServiceContext, input: z.output<typeof AttachmentAdd>): Attachment {
    teamMember(ctx, input.auditId);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > 50 * 1024 * 1024) throw rule('attachmentTooLarge', { maxMb: 50 }, 'contentBase64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const record = attachmentRecord.create(ctx, {
      auditId: input.auditId,
      observationId: input.observationId,
      fileName: input.fileName,
      mediaType: input.mediaType,
      size: bytes.length,
      sha256,
      caption: input.caption,
      personalData: input.personalData,
    });
    // The record is checked and written first: the bytes are stored only for an accepted record.
    storeBytes(ctx, sha256, bytes);
    return record;
  },
  /** The bytes of an attachment, refused when the file is missing or no longer has its hash. */
  content(
    ctx: ReadContext,
    input: { id: string },
  ): { id: string; mediaType: string; sha256: string; contentBase64: string } {
    const a = requireRecord(ctx.db, ATTACHMENT, input.id);
    teamMember(ctx, a.auditId);
    const file = attachmentPath(ctx.attachmentsDir, a.sha256);
    const bytes = existsSync(file) ? readFileSync(file) : null;
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
      throw rule('attachmentMissing', { fileName: a.fileName });
    }
    return { id: a.id, mediaType: a.mediaType, sha256: a.sha256, contentBase64: bytes.toString('base64') };
  },
  update: (ctx: ServiceContext, input: Parameters<typeof attachmentRecord.update>[1]): Attachment => {
    ownFieldRecord(ctx, ATTACHMENT, requireRecord(ctx.db, ATTACHMENT, input.id));
    return attachmentRecord.update(ctx, input);
  },
  archive: (ctx: ServiceContext, input: { id: string; rev: number }): Attachment => {
    ownFieldRecord(ctx, ATTACHMENT, requireRecord(ctx.db, ATTACHMENT, input.id));
    return attachmentRecord.archive(ctx, input);
  },
};
