/**
 * Findings, recommendations and management responses. A finding's evidence must be records of
 * its own audit; a recommendation's findings too; a management response comes from a manager,
 * and needs a justification unless it fully accepts.
 */
import type { EvidenceLink, Finding, ManagementResponse, Recommendation } from '../../../shared/domain/findings';
import { needsJustification } from '../../../shared/domain/findings';
import type { ReadableDB } from '../db/handles';
import { listRecords, type EntitySpec } from '../repositories/table';
import {
  ATTACHMENT,
  AUDIT,
  CONSOLIDATED_RESULT,
  FINDING,
  MANAGEMENT_RESPONSE,
  OBSERVATION,
  PERSON,
  RECOMMENDATION,
  RESPONSE,
  SITUATION_TEST,
} from '../repositories/specs';
import type { ServiceContext } from './context';
import { crudService, requireRecord, violation, type Rules } from './entity';

const EVIDENCE_SPECS: Record<
  EvidenceLink['kind'],
  EntitySpec<{ id: string; archivedAt: string | null; auditId: string }>
> = {
  response: RESPONSE,
  observation: OBSERVATION,
  attachment: ATTACHMENT,
  situation_test: SITUATION_TEST,
  consolidated_result: CONSOLIDATED_RESULT,
};

function checkEvidence(db: ReadableDB, auditId: string, evidence: EvidenceLink[]): void {
  for (const e of evidence) {
    const r = requireRecord(db, EVIDENCE_SPECS[e.kind], e.id);
    if (r.auditId !== auditId) throw violation(`The linked ${e.kind.replace('_', ' ')} belongs to another audit.`);
  }
}

const findingRules: Rules<Finding> = {
  refs: { auditId: AUDIT },
  check(db, f) {
    checkEvidence(db, f.auditId, f.evidence);
    if (f.type === 'individual_conduct' && f.structuralKind !== null) {
      throw violation('Only a structural finding has a structural kind.');
    }
  },
};

const recommendationRules: Rules<Recommendation> = {
  refs: { auditId: AUDIT, findingIds: FINDING },
  check(db, r) {
    for (const id of r.findingIds) {
      if (requireRecord(db, FINDING, id).auditId !== r.auditId)
        throw violation('A linked finding belongs to another audit.');
    }
  },
};

const managementResponseRules: Rules<ManagementResponse> = {
  refs: { recommendationId: RECOMMENDATION, managerId: PERSON },
  check(db, r, before) {
    if (requireRecord(db, PERSON, r.managerId).role !== 'manager') {
      throw violation('Management responses are given by a person with the manager role.');
    }
    if (needsJustification(r)) {
      throw violation('A justification is required when a recommendation is not fully accepted.');
    }
    if (!before) {
      const dup = db
        .prepare(
          `SELECT 1 FROM management_response WHERE recommendation_id = ? AND manager_id = ? AND archived_at IS NULL`,
        )
        .get(r.recommendationId, r.managerId);
      if (dup) throw violation('This manager has already answered this recommendation; change that answer instead.');
    }
  },
};

export const findings = crudService(FINDING, findingRules);
export const recommendations = crudService(RECOMMENDATION, recommendationRules);
const managementResponseCrud = crudService(MANAGEMENT_RESPONSE, managementResponseRules);

export const managementResponses = {
  ...managementResponseCrud,
  /** By recommendation, or every answer to an audit's recommendations. */
  list(
    ctx: ServiceContext,
    input: {
      recommendationId?: string | undefined;
      auditId?: string | undefined;
      includeArchived?: boolean | undefined;
    },
  ): ManagementResponse[] {
    if (input.auditId) {
      return listRecords(ctx.db, RECOMMENDATION, { auditId: input.auditId }, true)
        .filter((r) => !input.recommendationId || r.id === input.recommendationId)
        .flatMap((r) => listRecords(ctx.db, MANAGEMENT_RESPONSE, { recommendationId: r.id }, input.includeArchived));
    }
    return listRecords(
      ctx.db,
      MANAGEMENT_RESPONSE,
      { recommendationId: input.recommendationId },
      input.includeArchived,
    );
  },
};
