/**
 * `audits.agreement` on the demo's two audits (three auditors each): percent agreement, Fleiss'
 * kappa for the team and Cohen's kappa per pair equal values computed by hand from demo.json's
 * answers (a separate count of each table, outside this code base's functions). Answers are
 * compared by rating, or by value for number and choice criteria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/core/seed/demo';
import type { Output } from '../../src/shared/api/contract';
import { testCore, type TestCore } from './helpers/core';

let core: TestCore;
const byCode = new Map<string, string>();
beforeAll(async () => {
  core = testCore();
  await loadDemo(core.call);
  for (const p of (await core.call('people.list', {})).items) byCode.set(p.id, p.code);
});
afterAll(() => core.cleanup());

async function agreementOf(title: RegExp): Promise<Output<'audits.agreement'>> {
  const audit = (await core.call('audits.list', {})).items.find((a) => title.test(a.title))!;
  return core.call('audits.agreement', { id: audit.id });
}
const pairOf = (a: Output<'audits.agreement'>, x: string, y: string) =>
  a.pairs.find((p) => p.auditorIds.map((id) => byCode.get(id)).join() === `${x},${y}`)!;

describe('audits.agreement on the demo', () => {
  it("police audit: Fleiss' kappa 0.6701 over 19 criteria all three rated; Cohen's per pair", async () => {
    const a = await agreementOf(/Police/);
    expect(a.raters.map((id) => byCode.get(id))).toEqual(['AUD-01', 'AUD-03', 'AUD-06']);
    // One of the six disagreements is a choice criterion (how interpreting was offered).
    expect(a).toMatchObject({ comparable: 30, agreeing: 24, kappaMethod: 'fleiss', kappaSubjects: 19 });
    expect(a.disagreements).toHaveLength(6);
    expect(a.kappa).toBeCloseTo(0.670139, 5);
    expect(pairOf(a, 'AUD-01', 'AUD-03')).toMatchObject({ subjects: 24, agreement: 0.875 });
    expect(pairOf(a, 'AUD-01', 'AUD-03').kappa).toBeCloseTo(0.772152, 5);
    expect(pairOf(a, 'AUD-01', 'AUD-06').kappa).toBeCloseTo(0.846667, 5);
    expect(pairOf(a, 'AUD-03', 'AUD-06').kappa).toBeCloseTo(0.502618, 5);
  });

  it("employment audit: Fleiss' kappa 0.8125 over 18 criteria; Cohen's per pair", async () => {
    const a = await agreementOf(/Employment/);
    expect(a.raters.map((id) => byCode.get(id))).toEqual(['AUD-04', 'AUD-05', 'AUD-02']);
    expect(a).toMatchObject({ comparable: 30, agreeing: 26, kappaMethod: 'fleiss', kappaSubjects: 18 });
    expect(a.kappa).toBeCloseTo(0.8125, 5);
    expect(pairOf(a, 'AUD-04', 'AUD-05').kappa).toBeCloseTo(0.915663, 5);
    expect(pairOf(a, 'AUD-04', 'AUD-02').kappa).toBeCloseTo(0.787535, 5);
    expect(pairOf(a, 'AUD-05', 'AUD-02')).toMatchObject({ subjects: 18 });
    expect(pairOf(a, 'AUD-05', 'AUD-02').kappa).toBeCloseTo(0.72449, 5);
  });
});
