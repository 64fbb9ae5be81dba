/**
 * The demo programme loaded into a real core (SQLite on a temporary folder): every call passes
 * the real rules, the counts match demo.json, records are attributed to their owners and dated
 * as the demo's story tells, and a demo that breaks a rule is refused by the core itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo, loadDemoFile } from '../../src/main/core/seed/demo';
import { DemoFile } from '../../src/main/core/seed/demoFile';
import type { Output } from '../../src/shared/api/contract';
import { testCore, type TestCore } from './helpers/core';

const demo = DemoFile.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.json'), 'utf8')),
);

let core: TestCore;
afterEach(() => core?.cleanup());

describe('loadDemo with the real core', () => {
  it('creates the whole demo programme, each record attributed to its owner', async () => {
    core = testCore();
    await loadDemo(core.call);

    const session = await core.call('session.get', {});
    expect(session.currentPerson?.role).toBe('coordinator');
    expect(session.programme?.city).toBe(demo.programme.city);

    const people = (await core.call('people.list', {})).items;
    expect(people).toHaveLength(demo.people.length);
    const byCode = new Map(people.map((p) => [p.code, p]));
    const idOf = (ref: string) => byCode.get(demo.people.find((p) => p.ref === ref)!.code)!.id;
    expect((await core.call('services.list', {})).items).toHaveLength(demo.services.length);
    expect((await core.call('templates.list', {})).items).toHaveLength(demo.templates.length);

    const audits = (await core.call('audits.list', {})).items;
    expect(audits.map((a) => [a.title, a.status]).sort()).toEqual(demo.audits.map((a) => [a.title, a.status]).sort());

    for (const a of audits) {
      const source = demo.audits.find((d) => d.title === a.title)!;
      const observations = (await core.call('observations.list', { auditId: a.id })).items;
      expect(observations).toHaveLength(source.observations.length);
      for (const o of observations) expect(o.createdBy).toBe(o.authorId);
      expect((await core.call('situationTests.list', { auditId: a.id })).items).toHaveLength(
        source.situationTests.length,
      );
      const answers = (await core.call('audits.answers', { auditId: a.id })).items;
      expect(answers).toHaveLength(source.responses.length);
      for (const r of answers) expect(r.createdBy).toBe(r.auditorId);
      expect(answers.filter((r) => r.evidence.length > 0).length).toBe(
        source.responses.filter((r) => r.evidence.length).length,
      );
      const consolidated = (await core.call('audits.consolidatedResults', { auditId: a.id })).items;
      expect(consolidated).toHaveLength(source.consolidatedResults.length);
      for (const c of consolidated) expect(c.createdBy).toBe(c.decidedBy);
      const findings = (await core.call('findings.list', { auditId: a.id })).items;
      expect(findings).toHaveLength(source.findings.length);
      expect(findings.flatMap((f) => f.evidence)).toHaveLength(source.findings.flatMap((f) => f.evidence).length);
      expect((await core.call('recommendations.list', { auditId: a.id })).items).toHaveLength(
        source.recommendations.length,
      );
      const answersOfManagers = (await core.call('recommendations.answers', { auditId: a.id })).items;
      expect(answersOfManagers).toHaveLength(source.managementResponses.length);
      for (const m of answersOfManagers) expect(m.createdBy).toBe(m.managerId);

      const agreement = await core.call('audits.agreement', { id: a.id });
      expect(agreement.disagreements.length).toBeGreaterThan(0);
      expect(agreement.agreement).toBeGreaterThan(0.5);
    }

    const measures = (await core.call('measures.list', {})).items;
    expect(measures).toHaveLength(demo.measures.length);
    let updates = 0;
    for (const m of measures) {
      const source = demo.measures.find((d) => d.title === m.title)!;
      const progress = (await core.call('measures.progress', { measureId: m.id })).items;
      updates += progress.length;
      const expected = source.responsible ? idOf(source.responsible) : session.currentPerson!.id;
      for (const p of progress) expect(p.createdBy).toBe(expected);
      const last = [...source.progress].sort((x, y) => x.date.localeCompare(y.date)).at(-1);
      expect(m.status, m.title).toBe(last?.status ?? 'not_started');
    }
    expect(updates).toBe(demo.measures.reduce((t, m) => t + m.progress.length, 0));
  });

  it('refuses a demo that breaks a rule, with the rule the core enforces', async () => {
    core = testCore();
    const broken = structuredClone(demo);
    const a = broken.audits[0]!;
    const outsider = broken.people.find((p) => p.role === 'auditor' && !a.team.includes(p.ref))!;
    a.responses[0]!.auditor = outsider.ref;
    await expect(loadDemoFile(core.call, broken)).rejects.toMatchObject({ rule: { key: 'answerNotInTeam' } });
    core.cleanup();

    core = testCore();
    const wrongManager = structuredClone(demo);
    const answer = wrongManager.audits[0]!.managementResponses[0]!;
    answer.manager = wrongManager.people.find((p) => p.role === 'manager' && p.ref !== answer.manager)!.ref;
    await expect(loadDemoFile(core.call, wrongManager)).rejects.toMatchObject({
      rule: { key: 'answerNotServiceManager' },
    });
  });
});

describe('the demo workspace', () => {
  it('is dated as its story tells: answers when they were given, progress when it was reported', async () => {
    core = testCore();
    await core.call('session.openWorkspace', { workspace: 'demo' });
    const audit = (await core.call('audits.list', {})).items.find((a) => a.title === demo.audits[0]!.title)!;
    const source = demo.audits[0]!;
    const answers = (await core.call('audits.answers', { auditId: audit.id })).items;
    const dated = source.responses.filter((r) => r.answeredAt);
    expect(dated.length).toBeGreaterThan(10);
    for (const r of answers) {
      expect(r.answeredAt < `${demo.asOf}T23:59:59`, 'no answer is dated after the demo').toBe(true);
      expect(r.createdAt.slice(0, 10)).toBe(r.answeredAt.slice(0, 10));
    }
    const answeredAt = new Set(answers.map((r) => r.answeredAt));
    // The clock of the story moves by a millisecond per reading: compare to the second.
    const seconds = new Set([...answeredAt].map((s) => s.slice(0, 19)));
    for (const r of dated) expect(seconds).toContain(new Date(r.answeredAt!).toISOString().slice(0, 19));
    const history: Output<'history.list'>['items'] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page: Output<'history.list'> = await core.call('history.list', { limit: 100, offset });
      history.push(...page.items);
      offset = page.next;
    }
    expect(history.length).toBeGreaterThan(300);
    expect(history.filter((h) => h.at > `${demo.asOf}T23:59:59`).map((h) => [h.entity, h.action, h.at])).toEqual([]);
  });

  it('is kept apart from the user own programme, and switching back restores it', async () => {
    core = testCore();
    const mine = await core.call('session.begin', { displayName: 'Me', role: 'coordinator', code: 'ME-1' });
    await core.call('programme.setUp', { name: 'My programme', city: 'My city' });

    const inDemo = await core.call('session.openWorkspace', { workspace: 'demo' });
    expect(inDemo).toMatchObject({
      workspace: 'demo',
      programme: { city: demo.programme.city },
      currentPerson: { role: 'coordinator' },
    });
    expect((await core.call('people.list', {})).items.map((p) => p.code)).not.toContain('ME-1');
    await core.call('services.create', { name: 'Changed in the demo' });

    const back = await core.call('session.openWorkspace', { workspace: 'main' });
    expect(back).toMatchObject({
      workspace: 'main',
      programme: { name: 'My programme' },
      currentPerson: { id: mine.currentPerson!.id },
    });
    expect((await core.call('services.list', {})).items).toEqual([]);

    // Reopening the demo keeps what was done there: it is built once, not on every open.
    await core.call('session.openWorkspace', { workspace: 'demo' });
    expect((await core.call('services.list', {})).items.map((s) => s.name)).toContain('Changed in the demo');
  });
});
