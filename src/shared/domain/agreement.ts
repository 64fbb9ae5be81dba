/**
 * Inter-rater agreement of an audit team, as pure functions (the core's `audits.agreement` and the
 * screens use the same ones):
 *
 * - percent agreement: the share of subjects (criteria) on which every rater gave the same answer;
 * - Cohen's kappa for two raters: κ = (pₒ − pₑ) / (1 − pₑ), pₒ the observed agreement and pₑ the
 *   agreement expected by chance from each rater's own distribution of answers;
 * - Fleiss' kappa for three or more raters (Fleiss 1971): from a table of how many raters put each
 *   subject into each category, every subject rated by the same number of raters.
 *
 * A kappa is null when it is undefined: no subjects, or chance agreement already total (pₑ = 1,
 * every answer the same category).
 */

/** The share of subjects whose answers all agree, among subjects with at least two answers. */
export function percentAgreement<T>(subjects: readonly (readonly T[])[]): {
  comparable: number;
  agreeing: number;
  agreement: number | null;
} {
  const comparable = subjects.filter((s) => s.length >= 2);
  const agreeing = comparable.filter((s) => new Set(s).size === 1).length;
  return {
    comparable: comparable.length,
    agreeing,
    agreement: comparable.length ? agreeing / comparable.length : null,
  };
}

/** Cohen's kappa of two raters, from the pairs of answers they gave to the same subjects. */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<T, number>();
  const b = new Map<T, number>();
  let same = 0;
  for (const [x, y] of pairs) {
    if (x === y) same++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = same / n;
  let pe = 0;
  for (const [category, count] of a) pe += (count / n) * ((b.get(category) ?? 0) / n);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa from `counts[subject][category]`: how many raters put each subject into each
 * category. Every subject must have the same number of raters (at least two).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const N = counts.length;
  if (N === 0) return null;
  const n = counts[0]!.reduce((s, x) => s + x, 0);
  if (n < 2) return null;
  for (const row of counts) {
    if (row.reduce((s, x) => s + x, 0) !== n) throw new Error('Every subject needs the same number of raters');
  }
  const k = counts[0]!.length;
  let pBar = 0;
  for (const row of counts) pBar += (row.reduce((s, x) => s + x * x, 0) - n) / (n * (n - 1));
  pBar /= N;
  let pe = 0;
  for (let j = 0; j < k; j++) {
    const pj = counts.reduce((s, row) => s + (row[j] ?? 0), 0) / (N * n);
    pe += pj * pj;
  }
  if (pe >= 1) return null;
  return (pBar - pe) / (1 - pe);
}

/** The count table Fleiss' kappa takes, from each subject's answers (one per rater). */
export function categoryCounts<T>(subjects: readonly (readonly T[])[], categories: readonly T[]): number[][] {
  return subjects.map((answers) => categories.map((c) => answers.filter((a) => a === c).length));
}
