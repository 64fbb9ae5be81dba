/**
 * The demo programme loaded into a real core (SQLite on a temporary folder): every call passes
 * the real rules, the counts match demo.json, records are attributed to their owners and dated
 * as the demo's story tells, a demo that breaks a rule is refused by the core itself, and the
 * demo comes in the interface language it is opened in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoFile, loadDemo, loadDemoFile } from '../../src/main/core/seed/demo';
import { DemoSource } from '../../src/main/core/seed/demoFile';
import type { Call, Output } from '../../src/shared/api/contract';
import { testCore, type TestCore } from './helpers/core';

const json = (): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.json'), 'utf8'));
const demo = demoFile('en');
const demoEs = demoFile('es');

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

/** The texts of the demo that have a language, as a loaded programme shows them. */
async function programmeTexts(call: Call) {
  const session = await call('session.get', {});
  const audits = (await call('audits.list', {})).items;
  const findings: string[] = [];
  const recommendations: string[] = [];
  const committed: string[] = [];
  for (const a of audits) {
    findings.push(...(await call('findings.list', { auditId: a.id })).items.map((f) => f.title));
    recommendations.push(...(await call('recommendations.list', { auditId: a.id })).items.map((r) => r.title));
    committed.push(...(await call('recommendations.answers', { auditId: a.id })).items.map((m) => m.committedMeasure));
  }
  const measures = (await call('measures.list', {})).items;
  const notes: string[] = [];
  for (const m of measures)
    notes.push(...(await call('measures.progress', { measureId: m.id })).items.map((p) => p.note));
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    programme: session.programme?.name,
    defaultLanguage: session.programme?.defaultLanguage,
    services: sorted((await call('services.list', {})).items.map((s) => s.name)),
    organisations: sorted((await call('people.list', {})).items.map((p) => p.organisation)),
    audits: sorted(audits.map((a) => a.title)),
    findings: sorted(findings),
    recommendations: sorted(recommendations),
    committed: sorted(committed),
    measures: sorted(measures.map((m) => m.title)),
    notes: sorted(notes),
  };
}

/** What the file says for each of those texts in one language. */
function fileTexts(d: typeof demo) {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    programme: d.programme.name,
    defaultLanguage: d.programme.defaultLanguage,
    services: sorted(d.services.map((s) => s.name)),
    organisations: sorted(d.people.map((p) => p.organisation)),
    audits: sorted(d.audits.map((a) => a.title)),
    findings: sorted(d.audits.flatMap((a) => a.findings.map((f) => f.title))),
    recommendations: sorted(d.audits.flatMap((a) => a.recommendations.map((r) => r.title))),
    committed: sorted(d.audits.flatMap((a) => a.managementResponses.map((m) => m.committedMeasure))),
    measures: sorted(d.measures.map((m) => m.title)),
    notes: sorted(d.measures.flatMap((m) => m.progress.map((p) => p.note))),
  };
}

describe('the demo in the interface language', () => {
  it('has every text of the programme in both languages; field records as they were written', () => {
    const en = fileTexts(demo);
    const es = fileTexts(demoEs);
    expect(en.defaultLanguage).toBe('en');
    expect(es.defaultLanguage).toBe('es');
    for (const key of [
      'services',
      'organisations',
      'audits',
      'findings',
      'recommendations',
      'committed',
      'measures',
      'notes',
    ] as const) {
      const both = es[key].filter((t) => t !== '' && en[key].includes(t));
      expect(both, `${key}: the same text in English and Spanish`).toEqual([]);
    }
    expect(es.programme).not.toBe(en.programme);
    expect(es.findings).toContain(
      'Las citas dependen de un sistema en línea que excluye a las personas con acceso digital limitado',
    );
    // Field records keep the language they were written in.
    expect(demoEs.audits.map((a) => a.observations)).toEqual(demo.audits.map((a) => a.observations));
    expect(demoEs.audits.map((a) => a.situationTests)).toEqual(demo.audits.map((a) => a.situationTests));
  });

  it('loads the Spanish texts in Spanish and the English texts in English', async () => {
    core = testCore();
    await loadDemo(core.call, { language: 'es' });
    expect(await programmeTexts(core.call)).toEqual(fileTexts(demoEs));
    core.cleanup();

    core = testCore();
    await loadDemo(core.call, { language: 'en' });
    expect(await programmeTexts(core.call)).toEqual(fileTexts(demo));
  });

  it('refuses a text given in only one of the languages', () => {
    const source = json() as { audits: { findings: { title: unknown }[] }[] };
    source.audits[0]!.findings[0]!.title = { en: 'Only in English' };
    const result = DemoSource.safeParse(source);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.slice(0, 5)).toEqual(['audits', 0, 'findings', 0, 'title']);
    expect(DemoSource.safeParse(json()).success).toBe(true);
  });

  it('opens in the interface language; each language keeps its own demo', async () => {
    core = testCore();
    await core.call('session.setLanguage', { language: 'es' });
    const inSpanish = await core.call('session.openWorkspace', { workspace: 'demo' });
    expect(inSpanish.programme?.name).toBe(demoEs.programme.name);
    expect((await core.call('services.list', {})).items.map((s) => s.name)).toContain(
      'Policía Local — Comisaría Central',
    );
    await core.call('services.create', { name: 'Cambiado en la demo' });

    await core.call('session.openWorkspace', { workspace: 'main' });
    await core.call('session.setLanguage', { language: 'en' });
    const inEnglish = await core.call('session.openWorkspace', { workspace: 'demo' });
    expect(inEnglish.programme?.name).toBe(demo.programme.name);
    const english = (await core.call('services.list', {})).items.map((s) => s.name);
    expect(english).toContain('Local Police — Central Station');
    expect(english).not.toContain('Cambiado en la demo');

    await core.call('session.openWorkspace', { workspace: 'main' });
    await core.call('session.setLanguage', { language: 'es' });
    await core.call('session.openWorkspace', { workspace: 'demo' });
    expect((await core.call('services.list', {})).items.map((s) => s.name)).toContain('Cambiado en la demo');
    for (const l of ['en', 'es']) expect(existsSync(join(core.dataDir, 'demo', l, 'citizen-audit.sqlite'))).toBe(true);
  });
});
