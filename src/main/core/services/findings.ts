/**
 * Findings, recommendations and the managers' answers to them.
 *
 * Invariants: a finding's evidence and a recommendation's findings are records of the same
 * audit; a closed audit freezes them; an answer comes from the manager of the audited service,
 * and needs a justification unless it fully accepts.
 */
import type { z } from 'zod';
import type {
  AnswerRecommendation,
  DismissedSuggestion,
  Finding,
  FindingCreate,
  FindingSuggestion,
  ManagementResponse,
  Recommendation,
} from '../../../shared/domain/findings';
import { needsJustification } from '../../../shared/domain/findings';
import type { EvidenceLink } from '../../../shared/domain/evidence';
import type { LocalizedText, Paged } from '../../../shared/domain/common';
import { Language } from '../../../shared/domain/vocabulary';
import type { ReadableDB } from '../db/handles';
import { pageWhere, queryRecords, type Paging } from '../repositories/table';
import {
  AUDIT,
  CONSOLIDATED_RESULT,
  DISMISSED_SUGGESTION,
  FINDING,
  MANAGEMENT_RESPONSE,
  RECOMMENDATION,
  SERVICE,
} from '../repositories/specs';
import { currentPerson, type ReadContext, type ServiceContext } from './context';
import { recordService, requireRecord, updateEntity, type Rules } from './entity';
import { checkEvidence } from './evidence';
import { checkGrounds, currentProgramme } from './programme';
import { conflict, forbidden, rule } from './problems';
import { auditOfManagedService, managerScope, requireOwnService } from './access';

const findingRules: Rules<Finding> = {
  refs: { auditId: AUDIT },
  auditOf: (_db, f) => f.auditId,
  check(db, f, before) {
    checkEvidence(db, f.auditId, f.evidence, before?.evidence);
    checkGrounds(db, f.grounds, before?.grounds);
    if (f.type === 'individual_conduct' && f.structuralKind !== null)
      throw rule('findingKindOnlyStructural', {}, 'structuralKind');
  },
};

const recommendationRules: Rules<Recommendation> = {
  refs: { auditId: AUDIT, findingIds: FINDING },
  auditOf: (_db, r) => r.auditId,
  check(db, r) {
    for (const id of r.findingIds) {
      if (requireRecord(db, FINDING, id).auditId !== r.auditId)
        throw rule('recommendationFindingOtherAudit', {}, 'findingIds');
    }
  },
};

/** The audit a management response belongs to: its recommendation's. */
const auditOfAnswer = (db: ReadableDB, r: ManagementResponse): string =>
  requireRecord(db, RECOMMENDATION, r.recommendationId).auditId;

const managementResponseRules: Rules<ManagementResponse> = {
  refs: { recommendationId: RECOMMENDATION },
  auditOf: auditOfAnswer,
  check(_db, r) {
    if (needsJustification(r)) throw rule('answerJustificationRequired', {}, 'justification');
  },
};

/**
 * A dismissal names a live non-compliant consolidated result of its own audit, at most once
 * while live (the database's partial unique index is the last line).
 */
const dismissalRules: Rules<DismissedSuggestion> = {
  refs: { auditId: AUDIT, consolidatedResultId: CONSOLIDATED_RESULT },
  auditOf: (_db, d) => d.auditId,
  check(db, d, before) {
    if (before) return;
    const result = requireRecord(db, CONSOLIDATED_RESULT, d.consolidatedResultId);
    if (result.auditId !== d.auditId)
      throw rule('evidenceOtherAudit', { entity: 'consolidated_result' }, 'consolidatedResultId');
    if (result.rating !== 'non_compliant') throw rule('suggestionNotNonCompliant', {}, 'consolidatedResultId');
    const live = db
      .prepare(`SELECT 1 FROM dismissed_suggestion WHERE consolidated_result_id = ? AND archived_at IS NULL`)
      .get(d.consolidatedResultId);
    if (live) throw rule('suggestionAlreadyDismissed', {}, 'consolidatedResultId');
  },
};

const findingRecord = recordService(FINDING, findingRules);
const dismissalRecord = recordService(DISMISSED_SUGGESTION, dismissalRules);
const recommendationRecord = recordService(RECOMMENDATION, recommendationRules);
const answerRecord = recordService(MANAGEMENT_RESPONSE, managementResponseRules);

/** The text in the programme's language, or the first language it has. */
function inLanguage(text: LocalizedText, language: string): string {
  const wanted = Language.safeParse(language);
  return (wanted.success ? text[wanted.data]?.trim() : '') || Object.values(text).find((s) => s?.trim()) || '';
}

export const findings = {
  /** Findings of an audit, or those that cite one record (`cites`), live ones unless asked. */
  list: (
    ctx: ReadContext,
    input: Paging & {
      auditId?: string | undefined;
      cites?: EvidenceLink | undefined;
      includeArchived?: boolean | undefined;
    },
  ): Paged<Finding> =>
    pageWhere(
      ctx.db,
      FINDING,
      [
        ['t.audit_id = ?', input.auditId],
        // The column is named by the kind, from the closed list of kinds, never from free text.
        [
          `EXISTS (SELECT 1 FROM evidence_link e WHERE e.finding_id = t.id AND e.${input.cites?.kind ?? 'observation'}_id = ?)`,
          input.cites?.id,
        ],
        // A manager sees the findings of the services they manage, no others.
        [auditOfManagedService('t.audit_id'), managerScope(ctx)],
      ],
      input,
    ),
  get: (ctx: ReadContext, input: { id: string }): Finding => {
    const f = findingRecord.get(ctx, input);
    requireOwnService(ctx, ctx.db, f.auditId, FINDING.entity);
    return f;
  },
  create: (ctx: ServiceContext, input: z.output<typeof FindingCreate>) => findingRecord.create(ctx, input),
  update: findingRecord.update,
  archive: findingRecord.archive,

  /** "Not a finding": the suggestion of this consolidated result is left out from now on. */
  dismissSuggestion: (ctx: ServiceContext, input: { auditId: string; consolidatedResultId: string }) =>
    dismissalRecord.create(ctx, input),
  /** Brings a dismissed suggestion back: the dismissal is archived (its history stays). */
  restoreSuggestion: dismissalRecord.archive,

  /**
   * One draft finding per live non-compliant consolidated result that no live finding cites,
   * in checklist order, citing the result and the team's non-compliant answers to the criterion.
   * Results the coordinator dismissed are left out, unless `includeDismissed` (then each says
   * its dismissal).
   */
  suggestFromResults(
    ctx: ReadContext,
    input: { auditId: string; includeDismissed?: boolean | undefined },
  ): FindingSuggestion[] {
    requireRecord(ctx.db, AUDIT, input.auditId);
    const language = currentProgramme(ctx.db)?.defaultLanguage ?? 'en';
    const rows = ctx.db
      .prepare(
        `SELECT cr.id AS resultId, cr.criterion_id AS criterionId, cr.rating, cr.note,
                s.id AS sectionId, s.position AS sectionPosition, c.position AS criterionPosition,
                c.text, c.reference,
                (SELECT json_group_array(g.ground_code ORDER BY g.position) FROM criterion_ground g WHERE g.criterion_id = c.id) AS grounds,
                (SELECT json_group_array(r.id ORDER BY r.created_at) FROM response r
                  WHERE r.audit_id = cr.audit_id AND r.criterion_id = cr.criterion_id AND r.archived_at IS NULL
                    AND r.rating = 'non_compliant') AS responseIds,
                d.id AS dismissalId, d.rev AS dismissalRev
         FROM consolidated_result cr
         JOIN criterion c ON c.id = cr.criterion_id
         JOIN template_section s ON s.id = c.section_id
         LEFT JOIN dismissed_suggestion d ON d.consolidated_result_id = cr.id AND d.archived_at IS NULL
         WHERE cr.audit_id = ? AND cr.archived_at IS NULL AND cr.rating = 'non_compliant'
           AND (? OR d.id IS NULL)
           AND NOT EXISTS (SELECT 1 FROM evidence_link e JOIN finding f ON f.id = e.finding_id
                           WHERE e.consolidated_result_id = cr.id AND f.archived_at IS NULL)
         ORDER BY s.position, c.position`,
      )
      .all(input.auditId, input.includeDismissed ? 1 : 0) as {
      resultId: string;
      criterionId: string;
      rating: 'non_compliant';
      note: string;
      sectionId: string;
      sectionPosition: number;
      criterionPosition: number;
      text: string;
      reference: string;
      grounds: string;
      responseIds: string;
      dismissalId: string | null;
      dismissalRev: number | null;
    }[];
    return rows.map((r) => {
      const text = inLanguage(JSON.parse(r.text) as LocalizedText, language);
      const evidence: EvidenceLink[] = [
        { kind: 'consolidated_result', id: r.resultId },
        ...(JSON.parse(r.responseIds) as string[]).map((id) => ({ kind: 'response' as const, id })),
      ];
      return {
        criterionId: r.criterionId,
        sectionId: r.sectionId,
        sectionPosition: r.sectionPosition,
        criterionPosition: r.criterionPosition,
        consolidatedResultId: r.resultId,
        rating: r.rating,
        dismissal: r.dismissalId === null ? null : { id: r.dismissalId, rev: r.dismissalRev ?? 1 },
        draft: {
          auditId: input.auditId,
          title: text.slice(0, 200),
          criterion: r.reference ? `${text} (${r.reference})` : text,
          condition: r.note,
          cause: '',
          effect: '',
          severity: 'medium',
          type: 'structural',
          structuralKind: null,
          grounds: JSON.parse(r.grounds) as string[],
          evidence,
        },
      };
    });
  },
};

export const recommendations = {
  list: (
    ctx: ReadContext,
    input: Paging & {
      auditId?: string | undefined;
      findingId?: string | undefined;
      includeArchived?: boolean | undefined;
    },
  ): Paged<Recommendation> =>
    pageWhere(
      ctx.db,
      RECOMMENDATION,
      [
        ['t.audit_id = ?', input.auditId],
        [
          'EXISTS (SELECT 1 FROM recommendation_finding rf WHERE rf.recommendation_id = t.id AND rf.finding_id = ?)',
          input.findingId,
        ],
        [auditOfManagedService('t.audit_id'), managerScope(ctx)],
      ],
      input,
    ),
  get: (ctx: ReadContext, input: { id: string }): Recommendation => {
    const r = recommendationRecord.get(ctx, input);
    requireOwnService(ctx, ctx.db, r.auditId, RECOMMENDATION.entity);
    return r;
  },
  create: recommendationRecord.create,
  update: recommendationRecord.update,
  archive: recommendationRecord.archive,

  /** Answers to one recommendation, or to every recommendation of an audit. */
  answers: (
    ctx: ReadContext,
    input: Paging & {
      recommendationId?: string | undefined;
      auditId?: string | undefined;
      includeArchived?: boolean | undefined;
    },
  ): Paged<ManagementResponse> =>
    pageWhere(
      ctx.db,
      MANAGEMENT_RESPONSE,
      [
        ['r.audit_id = ?', input.auditId],
        ['t.recommendation_id = ?', input.recommendationId],
        [auditOfManagedService('r.audit_id'), managerScope(ctx)],
      ],
      {
        ...input,
        join: 'JOIN recommendation r ON r.id = t.recommendation_id',
        order: 'r.created_at, r.rowid, t.created_at, t.rowid',
      },
    ),

  /**
   * The current person's answer to a recommendation, as the manager of the audited service:
   * given when they have none (`rev: null`), else changed at `rev`.
   */
  answer(ctx: ServiceContext, input: z.output<typeof AnswerRecommendation>): ManagementResponse {
    const me = currentPerson(ctx);
    const recommendation = requireRecord(ctx.db, RECOMMENDATION, input.recommendationId);
    const audit = requireRecord(ctx.db, AUDIT, recommendation.auditId);
    const service = requireRecord(ctx.db, SERVICE, audit.serviceId);
    if (me.role !== 'manager' || service.managerId !== me.id) throw forbidden('answerNotServiceManager');
    const { rev, ...answer } = input;
    const existing = queryRecords(
      ctx.db,
      MANAGEMENT_RESPONSE,
      'WHERE t.recommendation_id = ? AND t.manager_id = ? AND t.archived_at IS NULL',
      [input.recommendationId, me.id],
    )[0];
    const respondedAt = ctx.now();
    if (!existing) {
      if (rev !== null) throw conflict(MANAGEMENT_RESPONSE.entity, rev, null);
      return answerRecord.create(ctx, { ...answer, managerId: me.id, respondedAt });
    }
    const { decision, justification, committedMeasure, committedBy } = answer;
    return updateEntity(ctx, MANAGEMENT_RESPONSE, managementResponseRules, existing.id, rev ?? 0, {
      decision,
      justification,
      committedMeasure,
      committedBy,
      respondedAt,
    });
  },
};
