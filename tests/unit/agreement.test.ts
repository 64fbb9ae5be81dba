/**
 * Agreement statistics against values computed by hand, and Fleiss' kappa against the classic
 * published example (Fleiss 1971; the 10 subjects × 14 raters × 5 categories table reproduced in
 * Wikipedia's "Fleiss' kappa" article: P̄ = 0.378, Pₑ = 0.213, κ ≈ 0.210).
 */
import { describe, expect, it } from 'vitest';
import { categoryCounts, cohenKappa, fleissKappa, percentAgreement } from '../../src/shared/domain/agreement';

const repeat = <T>(pair: T, times: number): T[] => Array.from({ length: times }, () => pair);

describe('percentAgreement', () => {
  it('counts subjects where every answer is the same, among those with two or more', () => {
    expect(percentAgreement([['a', 'a'], ['a', 'b'], ['c'], ['b', 'b', 'b'], []])).toEqual({
      comparable: 3,
      agreeing: 2,
      agreement: 2 / 3,
    });
    expect(percentAgreement([['a']])).toEqual({ comparable: 0, agreeing: 0, agreement: null });
  });
});

describe("Cohen's kappa", () => {
  it('matches the hand-computed 50-subject example: pₒ = 0.7, pₑ = 0.5, κ = 0.4', () => {
    // A said yes 25 times, B 30 times; both yes 20, both no 15.
    const pairs = [
      ...repeat(['yes', 'yes'] as const, 20),
      ...repeat(['yes', 'no'] as const, 5),
      ...repeat(['no', 'yes'] as const, 10),
      ...repeat(['no', 'no'] as const, 15),
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it('matches a three-category example worked by hand', () => {
    // pₒ = (4 + 3 + 1) / 10 = 0.8. A answered c 5, p 3, n 2 times; B c 5, p 4, n 1 times.
    // pₑ = (5·5 + 3·4 + 2·1) / 100 = 0.39; κ = (0.8 − 0.39) / (1 − 0.39) = 0.6721…
    const pairs = [
      ...repeat(['c', 'c'] as const, 4),
      ['c', 'p'] as const,
      ...repeat(['p', 'p'] as const, 3),
      ['n', 'n'] as const,
      ['n', 'c'] as const,
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.6721, 4);
  });

  it('is 1 for perfect agreement, 0 at chance, and null when undefined', () => {
    expect(
      cohenKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(0);
    expect(cohenKappa([])).toBeNull();
    // Both always said the same category: chance agreement is total, kappa undefined.
    expect(
      cohenKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toBeNull();
  });
});

describe("Fleiss' kappa", () => {
  it("gives κ ≈ 0.210 on Fleiss' published example", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const kappa = fleissKappa(table)!;
    expect(kappa).toBeCloseTo(0.21, 3);
    // By hand from the article's intermediate values: (0.378 − 0.2128) / (1 − 0.2128) = 0.2099.
    expect(kappa).toBeCloseTo(0.2099, 3);
  });

  it('matches a small table worked by hand', () => {
    // 3 subjects, 3 raters, 2 categories: rows [3,0], [2,1], [0,3].
    // Pᵢ = 1, 1/3, 1 → P̄ = 7/9; p = 5/9, 4/9 → Pₑ = 41/81; κ = (63/81 − 41/81) / (40/81) = 0.55.
    expect(
      fleissKappa([
        [3, 0],
        [2, 1],
        [0, 3],
      ]),
    ).toBeCloseTo(0.55, 10);
    expect(
      fleissKappa(
        categoryCounts(
          [
            ['y', 'y', 'y'],
            ['y', 'y', 'n'],
            ['n', 'n', 'n'],
          ],
          ['y', 'n'],
        ),
      ),
    ).toBeCloseTo(0.55, 10);
  });

  it('is 1 for perfect agreement, null when undefined, and refuses ragged tables', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
      ]),
    ).toBe(1);
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
    expect(() =>
      fleissKappa([
        [3, 0],
        [1, 1],
      ]),
    ).toThrow(/same number of raters/);
  });
});
