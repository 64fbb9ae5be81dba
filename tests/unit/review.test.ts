/** The pure rules of the review screens: merging suggested findings, an audit's review state. */
import { describe, expect, it } from 'vitest';
import type { ManagementResponse, Recommendation } from '../../src/shared/domain/findings';
import { mergeDrafts, reviewState, type FindingDraft } from '../../src/renderer/screens/audit/review';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const draft = (n: number, extra: Partial<FindingDraft> = {}): FindingDraft => ({
  auditId: id(1),
  title: `Criterion ${n}`,
  criterion: `Should ${n}`,
  condition: n === 3 ? '' : `Is ${n}`,
  severity: 'medium',
  type: 'structural',
  grounds: [`g${n}`, 'language'],
  evidence: [
    { kind: 'consolidated_result', id: id(100 + n) },
    { kind: 'response', id: id(200) },
  ],
  ...extra,
});

describe('mergeDrafts', () => {
  it('keeps the first title, joins the texts, and unites grounds and evidence without repeats', () => {
    const merged = mergeDrafts([draft(1), draft(2), draft(3)]);
    expect(merged.title).toBe('Criterion 1');
    expect(merged.criterion).toBe('Should 1\nShould 2\nShould 3');
    expect(merged.condition).toBe('Is 1\nIs 2');
    expect(merged.grounds).toEqual(['g1', 'language', 'g2', 'g3']);
    expect(merged.evidence).toEqual([
      { kind: 'consolidated_result', id: id(101) },
      { kind: 'response', id: id(200) },
      { kind: 'consolidated_result', id: id(102) },
      { kind: 'consolidated_result', id: id(103) },
    ]);
  });

  it('refuses to merge nothing', () => {
    expect(() => mergeDrafts([])).toThrow();
  });
});

describe('reviewState', () => {
  const rec = (n: number) => ({ id: id(n) }) as Recommendation;
  const answer = (r: number, manager: number, at: string) =>
    ({ recommendationId: id(r), managerId: id(manager), respondedAt: at }) as ManagementResponse;

  it('counts the recommendations answered, the managers, and the latest answer; answers to others do not count', () => {
    const s = reviewState(
      [rec(1), rec(2), rec(3)],
      [
        answer(1, 50, '2026-03-02T10:00:00.000Z'),
        answer(1, 51, '2026-03-04T10:00:00.000Z'),
        answer(2, 50, '2026-03-03T10:00:00.000Z'),
        answer(9, 52, '2026-03-09T10:00:00.000Z'),
      ],
    );
    expect(s).toMatchObject({ total: 3, answered: 2, managers: [id(50), id(51)] });
    expect(s.last?.respondedAt).toBe('2026-03-04T10:00:00.000Z');
  });

  it('says nothing answered when nothing is', () => {
    expect(reviewState([rec(1)], [])).toMatchObject({ total: 1, answered: 0, last: null, managers: [] });
  });
});
