/**
 * The seed files: the three built-in checklist templates and the demo programme. Each file
 * parses with its schema, is fully bilingual, uses only known grounds, and every local reference
 * in demo.json resolves. tests/integration/demo.test.ts loads it through the real core, whose
 * rules are the only ones that count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_TRANSITIONS, DEFAULT_GROUNDS, type AuditStatus } from '../../src/shared/domain/vocabulary';
import { TemplateFile, fileCriteria } from '../../src/shared/exchange/templateFile';
import { DemoSource, inLanguage, type DemoFile as DemoFileType } from '../../src/main/core/seed/demoFile';
import { statusPath } from '../../src/main/core/seed/demo';
import { BUILT_IN_TEMPLATES } from '../../src/main/core/seed/templates';

const root = join(__dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const TEMPLATE_KEYS = ['local_police', 'employment_services', 'general_front_office'] as const;
const templateFiles = Object.fromEntries(
  TEMPLATE_KEYS.map((k) => [k, TemplateFile.parse(readJson(`resources/templates/${k}.json`))]),
) as Record<(typeof TEMPLATE_KEYS)[number], TemplateFile>;
const demo = inLanguage(DemoSource.parse(readJson('resources/demo/demo.json')), 'en');
const GROUND_CODES = new Set(DEFAULT_GROUNDS.map((g) => g.code));

const bilingual = (t: Record<string, string> | undefined): boolean => !!t && !!t.en?.trim() && !!t.es?.trim();

describe('built-in template files', () => {
  it.each(TEMPLATE_KEYS)('%s parses, is keyed by its file name and has 4–6 sections of 3–8 criteria', (key) => {
    const t = templateFiles[key];
    expect(t.key).toBe(key);
    expect(t.sections.length).toBeGreaterThanOrEqual(4);
    expect(t.sections.length).toBeLessThanOrEqual(6);
    for (const s of t.sections) {
      expect(s.criteria.length).toBeGreaterThanOrEqual(3);
      expect(s.criteria.length).toBeLessThanOrEqual(8);
    }
  });

  it.each(['local_police', 'employment_services'] as const)('%s has at least 40 criteria', (key) => {
    expect(fileCriteria(templateFiles[key]).length).toBeGreaterThanOrEqual(40);
  });

  it.each(TEMPLATE_KEYS)('%s has every text in English and Spanish', (key) => {
    const t = templateFiles[key];
    const missing: string[] = [];
    if (!bilingual(t.name)) missing.push('name');
    if (!bilingual(t.description)) missing.push('description');
    t.sections.forEach((s, si) => {
      if (!bilingual(s.title)) missing.push(`section ${si} title`);
    });
    for (const { section, criterion, value: c } of fileCriteria(t)) {
      const at = `${section}.${criterion} (${c.ref ?? '?'})`;
      if (!bilingual(c.text)) missing.push(`${at} text`);
      if (!bilingual(c.guidance)) missing.push(`${at} guidance`);
      (c.choices ?? []).forEach((ch, i) => {
        if (!bilingual(ch)) missing.push(`${at} choice ${i}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it.each(TEMPLATE_KEYS)('%s gives every criterion a unique ref and uses only default ground codes', (key) => {
    const all = fileCriteria(templateFiles[key]).map((c) => c.value);
    expect(all.every((c) => c.ref !== undefined)).toBe(true);
    expect(new Set(all.map((c) => c.ref)).size).toBe(all.length);
    const unknown = all.flatMap((c) => c.grounds).filter((g) => !GROUND_CODES.has(g));
    expect(unknown).toEqual([]);
  });

  it.each(TEMPLATE_KEYS)('%s is mostly ratings, with yes/no, one number and one choice criterion', (key) => {
    const types = fileCriteria(templateFiles[key]).map((c) => c.value.responseType);
    const count = (t: string) => types.filter((x) => x === t).length;
    expect(count('rating')).toBeGreaterThan(types.length / 2);
    expect(count('yes_no')).toBeGreaterThanOrEqual(2);
    expect(count('number')).toBe(1);
    expect(count('choice')).toBe(1);
  });

  it('bundles the same three files as BUILT_IN_TEMPLATES', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.key).sort()).toEqual([...TEMPLATE_KEYS].sort());
  });

  it('refuses a malformed template file', () => {
    const t = structuredClone(readJson('resources/templates/local_police.json')) as {
      sections: { criteria: { responseType: string; choices?: unknown[]; ref?: string }[] }[];
    };
    t.sections[0]!.criteria[0]!.responseType = 'choice';
    expect(TemplateFile.safeParse(t).success).toBe(false);
    const dup = structuredClone(readJson('resources/templates/local_police.json')) as typeof t;
    dup.sections[1]!.criteria[0]!.ref = dup.sections[0]!.criteria[0]!.ref;
    expect(TemplateFile.safeParse(dup).success).toBe(false);
  });
});

/** Every local reference of a demo file that does not resolve, as readable strings. */
function referenceProblems(d: DemoFileType): string[] {
  const problems: string[] = [];
  const refsOf = (what: string, refs: string[]): Set<string> => {
    const set = new Set<string>();
    for (const r of refs) {
      if (set.has(r)) problems.push(`duplicate ${what} ref ${r}`);
      set.add(r);
    }
    return set;
  };
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const people = refsOf(
    'person',
    d.people.map((p) => p.ref),
  );
  const roleOf = new Map(d.people.map((p) => [p.ref, p.role]));
  const services = refsOf(
    'service',
    d.services.map((s) => s.ref),
  );
  const ground = (g: string, at: string) => check(GROUND_CODES.has(g), `${at}: unknown ground ${g}`);
  const recommendations = refsOf(
    'recommendation',
    d.audits.flatMap((a) => a.recommendations.map((r) => r.ref)),
  );
  refsOf(
    'audit',
    d.audits.map((a) => a.ref),
  );
  refsOf(
    'observation',
    d.audits.flatMap((a) => a.observations.map((o) => o.ref)),
  );
  refsOf(
    'situation test',
    d.audits.flatMap((a) => a.situationTests.map((t) => t.ref)),
  );
  refsOf(
    'finding',
    d.audits.flatMap((a) => a.findings.map((f) => f.ref)),
  );
  refsOf(
    'measure',
    d.measures.map((m) => m.ref),
  );

  check(roleOf.get(d.coordinator) === 'coordinator', `coordinator ${d.coordinator} is not a coordinator in people`);
  for (const s of d.services) {
    if (s.manager !== null)
      check(roleOf.get(s.manager) === 'manager', `service ${s.ref}: manager ${s.manager} is not a manager`);
  }
  for (const key of d.templates) check(key in templateFiles, `unknown template ${key}`);

  for (const a of d.audits) {
    const at = `audit ${a.ref}`;
    check(services.has(a.service), `${at}: unknown service ${a.service}`);
    check(d.templates.includes(a.template), `${at}: template ${a.template} is not installed`);
    const t = templateFiles[a.template as keyof typeof templateFiles];
    const criteria = new Set(t ? fileCriteria(t).map((c) => c.value.ref) : []);
    const criterion = (c: string, where: string) => check(criteria.has(c), `${at}: ${where}: unknown criterion ${c}`);
    const team = new Set(a.team);
    for (const p of a.team) check(roleOf.get(p) === 'auditor', `${at}: team member ${p} is not an auditor`);
    if (a.lead !== null) check(team.has(a.lead), `${at}: lead ${a.lead} is not in the team`);
    const obs = new Set(a.observations.map((o) => o.ref));
    const tests = new Set(a.situationTests.map((s) => s.ref));
    for (const o of a.observations) {
      check(people.has(o.author), `${at}: observation ${o.ref}: unknown author ${o.author}`);
      o.criteria.forEach((c) => criterion(c, `observation ${o.ref}`));
      o.grounds.forEach((g) => ground(g, `observation ${o.ref}`));
    }
    for (const s of a.situationTests) {
      check(team.has(s.testerA) && team.has(s.testerB), `${at}: test ${s.ref}: testers must be in the team`);
      ground(s.groundTested, `test ${s.ref}`);
    }
    const answered = new Set<string>();
    for (const r of a.responses) {
      check(team.has(r.auditor), `${at}: response by ${r.auditor}, who is not in the team`);
      criterion(r.criterion, `response by ${r.auditor}`);
      check(!answered.has(`${r.auditor}/${r.criterion}`), `${at}: ${r.auditor} answers ${r.criterion} twice`);
      answered.add(`${r.auditor}/${r.criterion}`);
      r.evidence.forEach((e) => check(obs.has(e), `${at}: response evidence ${e} is not an observation of this audit`));
    }
    const consolidated = new Set(a.consolidatedResults.map((c) => c.criterion));
    for (const c of a.consolidatedResults) {
      criterion(c.criterion, 'consolidated result');
      check(people.has(c.decidedBy), `${at}: consolidated result decided by unknown ${c.decidedBy}`);
    }
    const findings = new Set(a.findings.map((f) => f.ref));
    for (const f of a.findings) {
      f.grounds.forEach((g) => ground(g, `finding ${f.ref}`));
      check(f.evidence.length > 0, `${at}: finding ${f.ref} has no evidence`);
      for (const e of f.evidence) {
        if (e.kind === 'observation') check(obs.has(e.ref), `${at}: finding ${f.ref}: unknown observation ${e.ref}`);
        if (e.kind === 'situation_test') check(tests.has(e.ref), `${at}: finding ${f.ref}: unknown test ${e.ref}`);
        if (e.kind === 'response')
          check(
            answered.has(`${e.auditor}/${e.criterion}`),
            `${at}: finding ${f.ref}: no response ${e.auditor}/${e.criterion}`,
          );
        if (e.kind === 'consolidated_result')
          check(consolidated.has(e.criterion), `${at}: finding ${f.ref}: no consolidated result for ${e.criterion}`);
      }
    }
    for (const r of a.recommendations) {
      r.findings.forEach((f) => check(findings.has(f), `${at}: recommendation ${r.ref}: unknown finding ${f}`));
    }
    const ownRecommendations = new Set(a.recommendations.map((r) => r.ref));
    for (const m of a.managementResponses) {
      check(
        ownRecommendations.has(m.recommendation),
        `${at}: management response to unknown recommendation ${m.recommendation}`,
      );
      check(roleOf.get(m.manager) === 'manager', `${at}: management response by ${m.manager}, who is not a manager`);
    }
  }
  for (const m of d.measures) {
    m.recommendations.forEach((r) => check(recommendations.has(r), `measure ${m.ref}: unknown recommendation ${r}`));
    if (m.responsible !== null)
      check(people.has(m.responsible), `measure ${m.ref}: unknown responsible ${m.responsible}`);
    for (const p of m.progress)
      if (p.author) check(people.has(p.author), `measure ${m.ref}: unknown author ${p.author}`);
  }
  return problems;
}

/** Criteria of an audit on which the team's ratings differ. */
function disagreements(a: DemoFileType['audits'][number]): string[] {
  const byCriterion = new Map<string, Set<string | null>>();
  const count = new Map<string, number>();
  for (const r of a.responses) {
    byCriterion.set(r.criterion, (byCriterion.get(r.criterion) ?? new Set()).add(r.rating));
    count.set(r.criterion, (count.get(r.criterion) ?? 0) + 1);
  }
  return [...byCriterion].filter(([c, ratings]) => (count.get(c) ?? 0) >= 2 && ratings.size > 1).map(([c]) => c);
}

describe('demo.json', () => {
  it('resolves every local reference and uses only default grounds', () => {
    expect(referenceProblems(demo)).toEqual([]);
  });

  it('detects a broken reference (the check above can fail)', () => {
    const broken = structuredClone(demo);
    broken.audits[0]!.findings[0]!.evidence.push({ kind: 'observation', ref: 'obs-nowhere' });
    broken.audits[0]!.responses[0]!.criterion = 'no_such_criterion';
    broken.measures[0]!.recommendations.push('r-missing');
    broken.audits[1]!.observations[0]!.grounds.push('star_sign');
    const problems = referenceProblems(broken);
    for (const bad of [/obs-nowhere/, /no_such_criterion/, /r-missing/, /star_sign/]) {
      expect(
        problems.some((m) => bad.test(m)),
        String(bad),
      ).toBe(true);
    }
  });

  it('has a coordinator, two managers, five or six certified auditors and four services', () => {
    const role = (r: string) => demo.people.filter((p) => p.role === r);
    expect(role('coordinator')).toHaveLength(1);
    expect(role('manager')).toHaveLength(2);
    expect(role('auditor').length).toBeGreaterThanOrEqual(5);
    expect(role('auditor').length).toBeLessThanOrEqual(6);
    for (const a of role('auditor')) {
      expect(a.code).toMatch(/^AUD-\d\d$/);
      expect(a.certificationDate).not.toBeNull();
    }
    expect(demo.services).toHaveLength(4);
  });

  it.each(demo.audits.map((a) => [a.ref, a] as const))(
    '%s has answers from several auditors, disagreements and their consolidation',
    (_ref, a) => {
      const auditors = new Set(a.responses.map((r) => r.auditor));
      expect(auditors.size).toBeGreaterThanOrEqual(2);
      const disagreed = disagreements(a);
      expect(disagreed.length).toBeGreaterThanOrEqual(1);
      const consolidated = new Set(a.consolidatedResults.map((c) => c.criterion));
      expect(disagreed.filter((c) => !consolidated.has(c))).toEqual([]);
      // Each auditor answers most of the checklist.
      const size = fileCriteria(templateFiles[a.template as keyof typeof templateFiles]).length;
      for (const au of auditors) expect(a.responses.filter((r) => r.auditor === au).length).toBeGreaterThan(size / 2);
      expect(a.observations.length).toBeGreaterThanOrEqual(6);
      expect(a.observations.length).toBeLessThanOrEqual(10);
      expect(a.observations.some((o) => o.personalData)).toBe(true);
      expect(a.situationTests.length).toBeGreaterThanOrEqual(1);
      expect(a.findings.length).toBeGreaterThanOrEqual(3);
      // Observations and evidence must sit inside the fieldwork period.
      for (const o of a.observations) expect(o.observedAt.slice(0, 10) >= (a.actualStart ?? '')).toBe(true);
    },
  );

  it('requires a justification for every rejected or partly accepted recommendation', () => {
    const answers = demo.audits.flatMap((a) => a.managementResponses);
    const decisions = new Set(answers.map((m) => m.decision));
    expect(decisions).toEqual(new Set(['accepted', 'partly_accepted', 'rejected']));
    const unjustified = answers.filter((m) => m.decision !== 'accepted' && m.justification.trim() === '');
    expect(unjustified).toEqual([]);
  });

  it('has an action plan covering the five areas, with done, delayed and in-progress measures', () => {
    expect(new Set(demo.measures.map((m) => m.actionArea)).size).toBe(5);
    // A measure's status is its latest progress update's.
    const latest = (m: (typeof demo.measures)[number]) =>
      [...m.progress].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    const statuses = demo.measures.map((m) => latest(m)?.status ?? 'not_started');
    expect(statuses).toContain('done');
    expect(statuses).toContain('in_progress');
    expect(statuses).toContain('not_started');
    const delayed = demo.measures.filter((m) => latest(m)?.status === 'delayed');
    expect(delayed).toHaveLength(1);
    expect(latest(delayed[0]!)!.note.trim()).not.toBe('');
    expect(demo.measures.flatMap((m) => m.progress).length).toBeGreaterThanOrEqual(8);
  });
});

describe('statusPath', () => {
  it('steps through the allowed transitions', () => {
    expect(statusPath('planned')).toEqual(['planned']);
    expect(statusPath('reported')).toEqual(['planned', 'fieldwork', 'submitted', 'in_review', 'reported']);
    for (const s of ['fieldwork', 'submitted', 'in_review', 'reported', 'closed'] as AuditStatus[]) {
      const p = statusPath(s);
      p.slice(1).forEach((next, i) => expect(AUDIT_TRANSITIONS[p[i]!]).toContain(next));
    }
  });
});
