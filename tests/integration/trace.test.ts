/**
 * Traceability on the demo programme: walking back from every measure reaches the recommendations,
 * findings and evidence records the demo file names (observations, consolidated results,
 * situation tests, answers), each of them a real record of its audit; walking forward from a
 * finding reaches the managers' answers and the measures. A manager sees only their services'
 * part of a path, and of field records only their kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFile, loadDemo } from '../../src/main/core/seed/demo';
import type { Measure } from '../../src/shared/domain/actionPlan';
import type { TraceEvidence } from '../../src/shared/domain/trace';
import { as, expectError, frozenClock, testCore, type TestCore } from './helpers/core';

const demo = demoFile('en');
const demoRecs = demo.audits.flatMap((a) => a.recommendations.map((r) => ({ ...r, audit: a })));
const demoFindings = demo.audits.flatMap((a) => a.findings);

let core: TestCore;
let measures: Measure[];
const person = new Map<string, string>();

beforeAll(async () => {
  core = testCore({ clock: frozenClock() });
  await loadDemo(core.call);
  measures = (await core.call('measures.list', { limit: 200 })).items;
  for (const p of (await core.call('people.list', { limit: 200 })).items) person.set(p.displayName, p.id);
});
afterAll(() => core.cleanup());

const personId = (ref: string) => person.get(demo.people.find((p) => p.ref === ref)!.displayName)!;
const measureOf = (ref: string) => measures.find((m) => m.title === demo.measures.find((d) => d.ref === ref)!.title)!;
const kinds = (evidence: readonly { kind: string }[]) => evidence.map((e) => e.kind).sort();

/** The evidence record exists in its audit, read through its own channel. */
async function exists(e: TraceEvidence): Promise<boolean> {
  switch (e.kind) {
    case 'observation':
      return (await core.call('observations.get', { id: e.id })).auditId === e.auditId;
    case 'situation_test':
      return (await core.call('situationTests.list', { auditId: e.auditId, limit: 200 })).items.some(
        (s) => s.id === e.id,
      );
    case 'consolidated_result':
      return (await core.call('audits.consolidatedResults', { auditId: e.auditId, limit: 200 })).items.some(
        (r) => r.id === e.id,
      );
    case 'response':
      return (await core.call('audits.answers', { auditId: e.auditId, limit: 500 })).items.some((r) => r.id === e.id);
    case 'attachment':
      return (await core.call('attachments.list', { auditId: e.auditId, limit: 200 })).items.some((a) => a.id === e.id);
  }
}

describe('walking back from a measure', () => {
  it('reaches, for every demo measure, its recommendations, their findings and the evidence they cite', async () => {
    await as(core, personId('coord'));
    for (const dm of demo.measures) {
      const t = await core.call('trace.measure', { id: measureOf(dm.ref).id });
      expect(t.measure.title).toBe(dm.title);
      expect(t.withheld).toBe(0);
      const recs = dm.recommendations.map((ref) => demoRecs.find((r) => r.ref === ref)!);
      expect(t.recommendations.map((r) => r.title)).toEqual(recs.map((r) => r.title));
      for (const [i, r] of t.recommendations.entries()) {
        const source = recs[i]!;
        expect(r.auditTitle).toBe(source.audit.title);
        expect(r.measures.map((m) => m.title)).toContain(dm.title);
        const findings = source.findings.map((ref) => demoFindings.find((f) => f.ref === ref)!);
        expect(r.findings.map((f) => f.title)).toEqual(findings.map((f) => f.title));
        for (const [j, f] of r.findings.entries()) {
          expect(kinds(f.evidence)).toEqual(kinds(findings[j]!.evidence));
          for (const e of f.evidence) {
            expect(e.withheld).toBe(false);
            expect(await exists(e), `${e.kind} ${e.id}`).toBe(true);
          }
        }
      }
    }
  });

  it('reaches observations, consolidated results and situation tests with what they say', async () => {
    await as(core, personId('coord'));
    const t = await core.call('trace.measure', { id: measureOf('m-01').id });
    const evidence = t.recommendations.flatMap((r) => r.findings.flatMap((f) => f.evidence));
    expect(new Set(evidence.map((e) => e.kind))).toEqual(
      new Set(['observation', 'consolidated_result', 'situation_test', 'response']),
    );
    const observation = evidence.find((e) => e.kind === 'observation')!;
    const narrative = (await core.call('observations.get', { id: observation.id })).narrative;
    expect(narrative.replace(/\s+/g, ' ').startsWith(observation.label.replace(/…$/, ''))).toBe(true);
    expect(observation.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    const result = evidence.find((e) => e.kind === 'consolidated_result')!;
    expect(result.rating).not.toBeNull();
    expect(Object.values(result.criterion ?? {}).join('')).not.toBe('');
    const test = evidence.find((e) => e.kind === 'situation_test')!;
    expect(test.label.length).toBeGreaterThan(10);
    // The recommendations carry the managers' answers.
    expect(t.recommendations.every((r) => r.answers.length === 1)).toBe(true);
  });
});

describe('walking forward from a finding', () => {
  it('reaches its recommendations, the managers’ answers and the measures', async () => {
    await as(core, personId('coord'));
    const employment = demo.audits.find((a) => a.ref === 'aud-employment')!;
    const source = employment.findings[0]!;
    const finding = (await core.call('findings.list', { limit: 200 })).items.find((f) => f.title === source.title)!;
    const t = await core.call('trace.finding', { id: finding.id });
    expect(t.finding.title).toBe(source.title);
    expect(t.auditTitle).toBe(employment.title);
    expect(kinds(t.finding.evidence)).toEqual(kinds(source.evidence));
    const recs = employment.recommendations.filter((r) => r.findings.includes(source.ref));
    expect(t.recommendations.map((r) => r.title).sort()).toEqual(recs.map((r) => r.title).sort());
    for (const r of t.recommendations) {
      const ref = recs.find((x) => x.title === r.title)!.ref;
      const answer = employment.managementResponses.find((m) => m.recommendation === ref)!;
      expect(r.answers.map((a) => a.decision)).toEqual([answer.decision]);
      expect(r.answers[0]!.managerId).toBe(personId('mgr-employment'));
      const planned = demo.measures.filter((m) => m.recommendations.includes(ref)).map((m) => m.title);
      expect(r.measures.map((m) => m.title).sort()).toEqual(planned.sort());
    }
    expect(t.recommendations.flatMap((r) => r.measures).length).toBeGreaterThan(0);
  });
});

describe('access', () => {
  it('shows a manager only their services’ part of a path, and of field records only their kind', async () => {
    await as(core, personId('mgr-police'));
    // m-01 answers a police and an employment recommendation.
    const t = await core.call('trace.measure', { id: measureOf('m-01').id });
    expect(t.withheld).toBe(1);
    expect(t.recommendations.map((r) => r.auditTitle)).toEqual([
      demo.audits.find((a) => a.ref === 'aud-police')!.title,
    ]);
    const evidence = t.recommendations.flatMap((r) => r.findings.flatMap((f) => f.evidence));
    expect(evidence.length).toBeGreaterThan(0);
    const [results, fieldRecords] = [
      evidence.filter((e) => e.kind === 'consolidated_result'),
      evidence.filter((e) => e.kind !== 'consolidated_result'),
    ];
    expect(results.length).toBeGreaterThan(0);
    expect(fieldRecords.length).toBeGreaterThan(0);
    for (const e of results) expect(e.withheld || e.rating === null).toBe(false);
    for (const e of fieldRecords) expect(e).toMatchObject({ withheld: true, label: '', criterion: null, rating: null });

    const employmentFinding = demo.audits.find((a) => a.ref === 'aud-employment')!.findings[0]!;
    await as(core, personId('coord'));
    const id = (await core.call('findings.list', { limit: 200 })).items.find(
      (f) => f.title === employmentFinding.title,
    )!.id;
    await as(core, personId('mgr-police'));
    await expectError(core.call('trace.finding', { id }), 'forbidden');
    await as(core, personId('mgr-employment'));
    expect((await core.call('trace.finding', { id })).recommendations.length).toBeGreaterThan(0);
    await as(core, personId('aud-01'));
    await expectError(core.call('trace.measure', { id: measureOf('m-01').id }), 'forbidden');
  });
});
