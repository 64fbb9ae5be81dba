/**
 * Evidence links: a finding, or one auditor's answer, cites records of the same audit. A link is
 * `{ kind, id }`; in the database each kind is its own foreign key (table `evidence_link`), so a
 * link to a record that does not exist, or that belongs to another audit, cannot be stored.
 */
import { z } from 'zod';
import { Id } from './common';

/** Every kind of record a finding can cite, in the order reports list them. */
export const EVIDENCE_KINDS = [
  'consolidated_result',
  'response',
  'observation',
  'situation_test',
  'attachment',
] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceLink = z.strictObject({ kind: EvidenceKind, id: Id });
export type EvidenceLink = z.infer<typeof EvidenceLink>;

/** What an auditor's answer can cite: what was seen in the field, not other answers. */
export const ANSWER_EVIDENCE_KINDS = [
  'observation',
  'situation_test',
  'attachment',
] as const satisfies readonly EvidenceKind[];
export const AnswerEvidenceLink = z.strictObject({ kind: z.enum(ANSWER_EVIDENCE_KINDS), id: Id });
export type AnswerEvidenceLink = z.infer<typeof AnswerEvidenceLink>;

/** A list of links without repeats (the same record cited twice is refused at the boundary). */
export function evidenceList<T extends z.ZodType<EvidenceLink>>(link: T, max: number) {
  return z
    .array(link)
    .max(max)
    .refine((links) => new Set(links.map((l) => `${l.kind}:${l.id}`)).size === links.length, {
      message: 'The same record is cited twice',
    });
}
