/**
 * Evidence links (a finding's, or an answer's) name records of the owner's own audit. The
 * database refuses any other link (evidence_link's foreign keys include the audit); this check
 * comes first so the refusal names the problem.
 */
import type { EvidenceKind, EvidenceLink } from '../../../shared/domain/evidence';
import type { ReadableDB } from '../db/handles';
import type { EntitySpec } from '../repositories/table';
import { ATTACHMENT, CONSOLIDATED_RESULT, OBSERVATION, RESPONSE, SITUATION_TEST } from '../repositories/specs';
import { requireRecord } from './entity';
import { rule } from './problems';

type AuditRecord = { id: string; rev: number; updatedAt: string; archivedAt: string | null; auditId: string };

export const EVIDENCE_SPECS: Record<EvidenceKind, EntitySpec<AuditRecord>> = {
  consolidated_result: CONSOLIDATED_RESULT,
  response: RESPONSE,
  observation: OBSERVATION,
  situation_test: SITUATION_TEST,
  attachment: ATTACHMENT,
};

/** Refuses links to missing records, to records of another audit, and new links to archived ones. */
export function checkEvidence(
  db: ReadableDB,
  auditId: string,
  links: readonly EvidenceLink[],
  before: readonly EvidenceLink[] = [],
): void {
  const kept = new Set(before.map((l) => `${l.kind}:${l.id}`));
  for (const l of links) {
    const r = requireRecord(db, EVIDENCE_SPECS[l.kind], l.id);
    if (r.auditId !== auditId) throw rule('evidenceOtherAudit', { entity: l.kind }, 'evidence');
    if (r.archivedAt !== null && !kept.has(`${l.kind}:${l.id}`))
      throw rule('refArchived', { entity: l.kind }, 'evidence');
  }
}
