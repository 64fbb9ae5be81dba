/**
 * Pure rules of the review screens: merging suggested findings into one, and an audit's review
 * state. No React here, so they are unit-tested (tests/unit/review.test.ts).
 */
import type { EvidenceLink } from '../../../shared/domain/evidence';
import type { FindingCreate, ManagementResponse, Recommendation } from '../../../shared/domain/findings';
import type { z } from 'zod';

export type FindingDraft = z.input<typeof FindingCreate>;

export const linkKey = (l: EvidenceLink): string => `${l.kind}:${l.id}`;

/**
 * One finding from several suggestions: the first one's title and ratings, the criteria and
 * conditions of all (one per line, in order), the union of their grounds and of their evidence.
 */
export function mergeDrafts(drafts: readonly FindingDraft[]): FindingDraft {
  const first = drafts[0];
  if (!first) throw new Error('mergeDrafts needs at least one draft');
  const join = (k: 'criterion' | 'condition') =>
    drafts
      .map((d) => d[k] ?? '')
      .filter(Boolean)
      .join('\n');
  const evidence = new Map(drafts.flatMap((d) => d.evidence ?? []).map((l) => [linkKey(l), l]));
  return {
    ...first,
    criterion: join('criterion'),
    condition: join('condition'),
    grounds: [...new Set(drafts.flatMap((d) => d.grounds ?? []))],
    evidence: [...evidence.values()],
  };
}

/**
 * How far the managers have answered an audit's live recommendations: how many have an answer,
 * by which managers, and the latest answer.
 */
export function reviewState(recommendations: readonly Recommendation[], answers: readonly ManagementResponse[]) {
  const live = new Set(recommendations.map((r) => r.id));
  const given = answers.filter((a) => live.has(a.recommendationId));
  const answered = new Set(given.map((a) => a.recommendationId)).size;
  const last = [...given].sort((a, b) => b.respondedAt.localeCompare(a.respondedAt))[0] ?? null;
  return { total: recommendations.length, answered, last, managers: [...new Set(given.map((a) => a.managerId))] };
}
