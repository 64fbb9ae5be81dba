/**
 * The role matrix (src/shared/api/roles.ts, docs/roles.md), table-driven over EVERY channel and
 * every role: a call the role may make succeeds; a call it may not make answers `forbidden` and
 * leaves every table unchanged. Then the record-level rules behind the matrix: an auditor works
 * only in audits of their team and changes only their own records; a manager sees only their own
 * services' findings and recommendations; the last coordinator stays one; the first person
 * begins as the coordinator.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type Input } from '../../src/shared/api/contract';
import { ROLE_MATRIX, mayCall, type Role } from '../../src/shared/api/roles';
import { builtInTemplate } from '../../src/main/core/seed/templates';
import { openCore, type Core } from '../../src/main/core';
import { as, auditSetup, databaseOf, dumpDatabase, fieldRecords, testCore, type TestCore } from './helpers/core';

type World = Awaited<ReturnType<typeof world>>;

/** A programme with one audit in fieldwork and one record of every kind. */
async function world(c: Core) {
  const s = await auditSetup(c);
  const field = await fieldRecords(c, s);
  await as(c, s.a1.id);
  const result = await c.call('audits.consolidate', {
    auditId: s.audit.id,
    criterionId: s.t.rating,
    rating: 'non_compliant',
    rev: null,
  });
  await as(c, s.coordinatorId);
  const finding = await c.call('findings.create', {
    auditId: s.audit.id,
    title: 'Only Spanish',
    severity: 'medium',
    type: 'structural',
    evidence: [{ kind: 'observation', id: field.observation.id }],
  });
  const recommendation = await c.call('recommendations.create', {
    auditId: s.audit.id,
    title: 'Translate',
    findingIds: [finding.id],
  });
  const measure = await c.call('measures.create', {
    title: 'Translate forms',
    actionArea: 'services_to_citizens',
    responsibleId: s.manager.id,
  });
  const progress = await c.call('measures.recordProgress', {
    measureId: measure.id,
    date: '2026-05-01',
    status: 'in_progress',
  });
  const ground = await c.call('grounds.create', { code: 'housing', label: { en: 'Housing' } });
  const { template: own, version: draft } = await c.call('templates.create', { name: { en: 'Own' } });
  const section = await c.call('sections.add', { versionId: draft.id, title: { en: 'S' } });
  const criterion = await c.call('criteria.add', { sectionId: section.id, text: { en: 'C' } });
  await c.call('criteria.add', { sectionId: section.id, text: { en: 'C2' } });
  const planned = await c.call('audits.plan', {
    serviceId: s.service.id,
    templateVersionId: s.t.versionId,
    title: 'Planned',
    methods: ['survey'],
    leadId: s.a1.id,
  });
  const programme = (await c.call('programme.get', {}))!;
  return {
    ...s,
    ...field,
    audit: await c.call('audits.get', { id: s.audit.id }),
    service: await c.call('services.get', { id: s.service.id }),
    a2: await c.call('people.get', { id: s.a2.id }),
    programme,
    result,
    finding,
    recommendation,
    measure,
    progress,
    ground,
    own,
    draft,
    section,
    criterion,
    planned,
  };
}

/** Moves the world's audit along `steps` as the coordinator; answers the input of the next step. */
async function auditAfter(c: Core, w: World, ...steps: ('submit' | 'startReview' | 'markReported')[]) {
  let a = await c.call('audits.get', { id: w.audit.id });
  for (const step of steps) a = await c.call(`audits.${step}`, { id: a.id, rev: a.rev });
  return { id: a.id, rev: a.rev };
}

const idRev = (r: { id: string; rev: number }) => ({ id: r.id, rev: r.rev });

/**
 * For every channel, an input that succeeds for each role the matrix allows. `prepare` runs
 * first, as the coordinator, on the case's own copy of the world. `refusedFor` names the allowed
 * roles whose representative the record-level rules refuse for this record (and the reason).
 */
interface OkCase<C extends Channel> {
  input: (w: World, c: Core) => Input<C> | Promise<Input<C>>;
  refusedFor?: Partial<Record<Role, string>>;
}
const OK: { [C in Channel]: OkCase<C> } = {
  'session.get': { input: () => ({}) },
  'session.begin': { input: () => ({ displayName: 'First', role: 'coordinator', code: 'FIRST' }) },
  'session.setCurrentPerson': { input: (w) => ({ personId: w.coordinatorId }) },
  'session.setLanguage': { input: () => ({ language: 'es' }) },
  'session.openWorkspace': { input: () => ({ workspace: 'main' }) },
  'programme.get': { input: () => ({}) },
  'programme.setUp': { input: () => ({ name: 'Second', city: 'X' }) },
  'programme.update': { input: (w) => ({ ...idRev(w.programme), name: 'Renamed' }) },
  'services.list': { input: () => ({}) },
  'services.get': { input: (w) => ({ id: w.service.id }) },
  'services.create': { input: () => ({ name: 'Library' }) },
  'services.update': { input: (w) => ({ ...idRev(w.service), department: 'Police' }) },
  'services.archive': { input: (w) => idRev(w.service) },
  'people.list': { input: () => ({}) },
  'people.get': { input: (w) => ({ id: w.a1.id }) },
  'people.create': { input: () => ({ displayName: 'New', role: 'auditor', code: 'AUD-09' }) },
  'people.update': { input: (w) => ({ ...idRev(w.a2), organisation: 'NGO' }) },
  'people.archive': { input: (w) => idRev(w.a2) },
  'grounds.list': { input: () => ({}) },
  'grounds.create': { input: () => ({ code: 'health', label: { en: 'Health' } }) },
  'grounds.update': { input: (w) => ({ ...idRev(w.ground), label: { en: 'Housing status' } }) },
  'grounds.archive': { input: (w) => idRev(w.ground) },
  'templates.list': { input: () => ({}) },
  'templates.get': { input: (w) => ({ id: w.own.id }) },
  'templates.create': { input: () => ({ name: { en: 'Another' } }) },
  'templates.import': { input: () => ({ file: builtInTemplate('general_front_office')! }) },
  'templates.importFile': { input: () => ({ content: JSON.stringify(builtInTemplate('general_front_office')) }) },
  'templates.export': { input: (w) => ({ versionId: w.t.versionId }) },
  'templates.duplicate': { input: (w) => ({ versionId: w.t.versionId, name: { en: 'Copy' } }) },
  'templates.builtIns': { input: () => ({}) },
  'templates.installBuiltIn': { input: () => ({ key: 'local_police' }) },
  'templates.update': { input: (w) => ({ ...idRev(w.own), name: { en: 'Own, renamed' } }) },
  'templates.archive': { input: (w) => idRev(w.own) },
  'templateVersions.list': { input: (w) => ({ templateId: w.t.templateId }) },
  'templateVersions.get': { input: (w) => ({ id: w.t.versionId }) },
  'templateVersions.checklist': { input: (w) => ({ id: w.t.versionId }) },
  'templateVersions.startDraft': { input: (w) => ({ templateId: w.t.templateId, copyFrom: w.t.versionId }) },
  'templateVersions.publish': { input: (w) => idRev(w.draft) },
  'sections.add': { input: (w) => ({ versionId: w.draft.id, title: { en: 'S2' } }) },
  'sections.edit': { input: (w) => ({ ...idRev(w.section), title: { en: 'S, renamed' } }) },
  'sections.move': { input: (w) => ({ ...idRev(w.section), position: 0 }) },
  'sections.remove': { input: (w) => idRev(w.section) },
  'criteria.add': { input: (w) => ({ sectionId: w.section.id, text: { en: 'C3' } }) },
  'criteria.edit': { input: (w) => ({ ...idRev(w.criterion), text: { en: 'C, edited' } }) },
  'criteria.move': { input: (w) => ({ ...idRev(w.criterion), position: 1 }) },
  'criteria.remove': { input: (w) => idRev(w.criterion) },
  'audits.list': { input: () => ({}) },
  'audits.get': { input: (w) => ({ id: w.audit.id }) },
  'audits.plan': {
    input: (w) => ({ serviceId: w.service.id, templateVersionId: w.t.versionId, title: 'Next', methods: ['survey'] }),
  },
  'audits.update': { input: (w) => ({ ...idRev(w.audit), scope: 'Reception' }) },
  'audits.archive': { input: (w) => idRev(w.planned) },
  'audits.startFieldwork': { input: (w) => idRev(w.planned) },
  'audits.submit': { input: (w) => idRev(w.audit) },
  'audits.startReview': { input: (w, c) => auditAfter(c, w, 'submit') },
  'audits.returnToFieldwork': { input: (w, c) => auditAfter(c, w, 'submit') },
  'audits.markReported': { input: (w, c) => auditAfter(c, w, 'submit', 'startReview') },
  'audits.close': { input: (w, c) => auditAfter(c, w, 'submit', 'startReview', 'markReported') },
  'audits.answers': { input: (w) => ({ auditId: w.audit.id }) },
  'audits.recordAnswer': { input: (w) => ({ auditId: w.audit.id, criterionId: w.t.number, value: 12, rev: null }) },
  'audits.withdrawAnswer': { input: (w) => idRev(w.answer) },
  'audits.consolidatedResults': { input: (w) => ({ auditId: w.audit.id }) },
  'audits.consolidate': {
    input: (w) => ({ auditId: w.audit.id, criterionId: w.t.rating, rating: 'compliant', rev: w.result.rev }),
  },
  'audits.agreement': { input: (w) => ({ id: w.audit.id }) },
  'observations.list': { input: (w) => ({ auditId: w.audit.id }) },
  'observations.get': { input: (w) => ({ id: w.observation.id }) },
  'observations.search': { input: (w) => ({ auditId: w.audit.id, query: 'signs' }) },
  'observations.record': {
    input: (w) => ({
      auditId: w.audit.id,
      observedAt: '2026-03-02T11:00:00.000Z',
      method: 'site_visit',
      narrative: 'A second visit.',
    }),
  },
  'observations.update': { input: (w) => ({ ...idRev(w.observation), location: 'Front desk' }) },
  'observations.archive': { input: (w) => idRev(w.observation) },
  'attachments.list': { input: (w) => ({ auditId: w.audit.id }) },
  'attachments.content': { input: (w) => ({ id: w.attachment.id }) },
  'attachments.add': { input: (w) => ({ auditId: w.audit.id, fileName: 'b.txt', contentBase64: 'Yg==' }) },
  'attachments.update': { input: (w) => ({ ...idRev(w.attachment), caption: 'The sign' }) },
  'attachments.archive': { input: (w) => idRev(w.attachment) },
  'attachments.open': { input: (w) => ({ id: w.attachment.id }) },
  'situationTests.list': { input: (w) => ({ auditId: w.audit.id }) },
  'situationTests.record': {
    input: (w) => ({
      auditId: w.audit.id,
      scenario: 'Asking for an appointment',
      conductedOn: '2026-03-04',
      groundTested: 'language',
      testerACode: 'AUD-01',
      testerBCode: 'AUD-02',
    }),
  },
  'situationTests.update': { input: (w) => ({ ...idRev(w.test), scenario: 'Asking for a form' }) },
  'situationTests.archive': { input: (w) => idRev(w.test) },
  'findings.list': { input: (w) => ({ auditId: w.audit.id }) },
  'findings.get': { input: (w) => ({ id: w.finding.id }) },
  'findings.suggestFromResults': { input: (w) => ({ auditId: w.audit.id }) },
  'findings.create': {
    input: (w) => ({ auditId: w.audit.id, title: 'Queue', severity: 'low', type: 'structural' }),
  },
  'findings.update': { input: (w) => ({ ...idRev(w.finding), cause: 'No budget' }) },
  'findings.archive': { input: (w) => idRev(w.finding) },
  'findings.dismissSuggestion': { input: (w) => ({ auditId: w.audit.id, consolidatedResultId: w.result.id }) },
  'findings.restoreSuggestion': {
    input: async (w, c) =>
      idRev(await c.call('findings.dismissSuggestion', { auditId: w.audit.id, consolidatedResultId: w.result.id })),
  },
  'recommendations.list': { input: (w) => ({ auditId: w.audit.id }) },
  'recommendations.get': { input: (w) => ({ id: w.recommendation.id }) },
  'recommendations.create': { input: (w) => ({ auditId: w.audit.id, title: 'Signs', findingIds: [w.finding.id] }) },
  'recommendations.update': { input: (w) => ({ ...idRev(w.recommendation), priority: 'high' }) },
  'recommendations.archive': { input: (w) => idRev(w.recommendation) },
  'recommendations.answers': { input: (w) => ({ auditId: w.audit.id }) },
  'recommendations.answer': {
    input: (w) => ({ recommendationId: w.recommendation.id, decision: 'accepted', rev: null }),
  },
  'measures.list': { input: () => ({}) },
  'measures.get': { input: (w) => ({ id: w.measure.id }) },
  'measures.create': { input: () => ({ title: 'Train staff', actionArea: 'training_awareness' }) },
  'measures.update': { input: (w) => ({ ...idRev(w.measure), department: 'HR' }) },
  'measures.archive': { input: (w) => idRev(w.measure) },
  'measures.progress': { input: (w) => ({ measureId: w.measure.id }) },
  'measures.recordProgress': {
    input: (w) => ({ measureId: w.measure.id, date: '2026-06-01', status: 'done' }),
    // The measure's responsible person is the manager: an auditor is not.
    refusedFor: { auditor: 'forbiddenNotResponsible' },
  },
  'measures.withdrawProgress': {
    input: (w) => idRev(w.progress),
    // The coordinator recorded it: only they (or another coordinator) withdraw it.
    refusedFor: { auditor: 'forbiddenNotYours', manager: 'forbiddenNotYours' },
  },
  'trace.measure': { input: (w) => ({ id: w.measure.id }) },
  'trace.finding': { input: (w) => ({ id: w.finding.id }) },
  'history.list': { input: (w) => ({ entityId: w.audit.id, limit: 10 }) },
  'reports.generate': {
    input: (w) => ({ kind: 'audit', auditId: w.audit.id, language: 'en', reportDate: '2026-03-31' }),
  },
  'reports.open': { input: () => ({ path: '/tmp/report.docx' }) },
  'backups.list': { input: () => ({}) },
  'backups.take': { input: () => ({}) },
  'backups.restore': {
    input: async (_w, c) => ({ file: (await c.call('backups.list', {})).backups[0]!.file }),
  },
  'backups.setSecondFolder': { input: () => ({ folder: null }) },
  'dashboards.audit': { input: (w) => ({ auditId: w.audit.id }) },
  'dashboards.programme': { input: () => ({ today: '2026-06-01' }) },
};

const ROLES: readonly Role[] = ['auditor', 'manager', 'coordinator'];
let base: string;
let empty: string;
let begun: string;
let w: World;
const opened: { core: Core; dir: string }[] = [];

/** A core on a copy of the data folder `from`. */
function copyOf(from: string): Core {
  const dir = mkdtempSync(join(tmpdir(), 'ca-roles-case-'));
  cpSync(from, dir, { recursive: true });
  const core = openCore({ dataDir: dir, checkOutputs: true, log: () => undefined });
  opened.push({ core, dir });
  return core;
}

const representative = (role: Role): string =>
  role === 'auditor' ? w.a1.id : role === 'manager' ? w.manager.id : w.coordinatorId;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'ca-roles-'));
  const core = openCore({ dataDir: base, checkOutputs: true });
  w = await world(core);
  core.close();
  // No programme yet: only the coordinator (who began) and one person of each other role.
  begun = mkdtempSync(join(tmpdir(), 'ca-roles-begun-'));
  const b = openCore({ dataDir: begun });
  await b.call('session.begin', { displayName: 'Carmen', role: 'coordinator', code: 'COORD-1' });
  b.close();
  empty = mkdtempSync(join(tmpdir(), 'ca-roles-empty-'));
});

afterAll(() => {
  for (const { core, dir } of opened) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const d of [base, begun, empty]) rmSync(d, { recursive: true, force: true });
});

describe('the role matrix, over every channel and every role', () => {
  it('has an entry and a succeeding input for every channel', () => {
    expect(Object.keys(ROLE_MATRIX).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(OK).sort()).toEqual([...CHANNELS].sort());
  });

  const cases = CHANNELS.flatMap((channel) => ROLES.map((role) => [channel, role] as const));
  it.each(cases)('%s as %s', async (channel, role) => {
    const ok = OK[channel] as OkCase<Channel>;
    // First start and setting up the programme need a database without people / programme.
    const from = channel === 'session.begin' ? empty : channel === 'programme.setUp' ? begun : base;
    const core = copyOf(from);
    const input = await ok.input(w, core);
    expect(contract[channel].input.safeParse(input).success, 'the input passes the schema').toBe(true);
    if (from === base) await core.call('session.setCurrentPerson', { personId: representative(role) });
    if (from === begun && role !== 'coordinator') {
      const p = await core.call('people.create', { displayName: 'Someone', role, code: `${role.slice(0, 3)}-1` });
      await core.call('session.setCurrentPerson', { personId: p.id });
    }
    const before = dumpDatabase(databaseOf(core));
    const env = await core.dispatch(channel, input);
    const refusedFor = ok.refusedFor?.[role];
    if (mayCall(channel, role) && !refusedFor) {
      expect(env, JSON.stringify(env)).toMatchObject({ ok: true });
      return;
    }
    expect(env, JSON.stringify(env)).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        rule: { key: refusedFor ?? expect.stringMatching(/^forbidden(Role|CoordinatorOnly)$/) },
      },
    });
    expect(dumpDatabase(databaseOf(core)), 'the tables are unchanged').toBe(before);
  });
});

describe('record-level rules behind the matrix', () => {
  let core: TestCore;
  let x: World;
  let outsider: { id: string };
  let otherManager: { id: string };
  beforeAll(async () => {
    core = testCore();
    x = await world(core);
    outsider = await core.call('people.create', { displayName: 'Olga Outsider', role: 'auditor', code: 'AUD-03' });
    otherManager = await core.call('people.create', { displayName: 'Max Other', role: 'manager', code: 'MGR-2' });
  });
  afterAll(() => core.cleanup());

  const refused = async (personId: string, channel: Channel, input: unknown, key: string) => {
    await as(core, personId);
    const before = dumpDatabase(databaseOf(core));
    const env = await core.dispatch(channel, input);
    expect(env, `${channel}: ${JSON.stringify(env)}`).toMatchObject({
      ok: false,
      error: { code: 'forbidden', rule: { key } },
    });
    expect(dumpDatabase(databaseOf(core))).toBe(before);
  };

  it('an auditor answers, observes and reads only in audits of their team', async () => {
    const audit = x.audit.id;
    await refused(
      outsider.id,
      'audits.recordAnswer',
      { auditId: audit, criterionId: x.t.number, value: 1, rev: null },
      'answerNotInTeam',
    );
    const obs = { auditId: audit, observedAt: '2026-03-02T12:00:00.000Z', method: 'site_visit', narrative: 'x' };
    await refused(outsider.id, 'observations.record', obs, 'forbiddenNotInTeam');
    await refused(outsider.id, 'observations.list', { auditId: audit }, 'forbiddenNotInTeam');
    await refused(outsider.id, 'observations.get', { id: x.observation.id }, 'forbiddenNotInTeam');
    await refused(outsider.id, 'audits.answers', { auditId: audit }, 'forbiddenNotInTeam');
    await refused(
      outsider.id,
      'attachments.add',
      { auditId: audit, fileName: 'c.txt', contentBase64: 'Yw==' },
      'forbiddenNotInTeam',
    );
    await refused(outsider.id, 'audits.submit', idRev(x.audit), 'forbiddenNotInTeam');
  });

  it('an auditor reads the history of their team’s audit and its field records only', async () => {
    await refused(outsider.id, 'history.list', { entityId: x.observation.id }, 'forbiddenNotInTeam');
    await refused(x.a1.id, 'history.list', {}, 'forbiddenCoordinatorOnly');
    await refused(x.a1.id, 'history.list', { entityId: x.finding.id }, 'forbiddenCoordinatorOnly');
    await as(core, x.a1.id);
    const own = (await core.call('history.list', { entityId: x.observation.id })).items;
    expect(own.map((h) => h.action)).toContain('create');
    await as(core, x.coordinatorId);
  });

  it('an auditor changes only their own answers and field records', async () => {
    await refused(x.a2.id, 'audits.withdrawAnswer', idRev(x.answer), 'answerNotYours');
    await refused(
      x.a2.id,
      'observations.update',
      { ...idRev(x.observation), narrative: 'Mine now' },
      'forbiddenNotYours',
    );
    await refused(x.a2.id, 'observations.archive', idRev(x.observation), 'forbiddenNotYours');
    await refused(x.a2.id, 'attachments.archive', idRev(x.attachment), 'forbiddenNotYours');
    await refused(x.a2.id, 'situationTests.update', { ...idRev(x.test), scenario: 'x' }, 'forbiddenNotYours');
  });

  it('only the lead auditor (or a coordinator) decides the team’s results', async () => {
    const input = { auditId: x.audit.id, criterionId: x.t.rating, rating: 'compliant', rev: x.result.rev };
    await refused(x.a2.id, 'audits.consolidate', input, 'forbiddenNotLead');
  });

  it('a manager sees and answers only their own services’ findings and recommendations', async () => {
    await as(core, otherManager.id);
    expect((await core.call('findings.list', { auditId: x.audit.id })).items).toEqual([]);
    expect((await core.call('recommendations.list', {})).items).toEqual([]);
    expect((await core.call('recommendations.answers', { auditId: x.audit.id })).items).toEqual([]);
    await refused(otherManager.id, 'findings.get', { id: x.finding.id }, 'forbiddenNotYourService');
    await refused(otherManager.id, 'recommendations.get', { id: x.recommendation.id }, 'forbiddenNotYourService');
    const answer = { recommendationId: x.recommendation.id, decision: 'accepted', rev: null };
    await refused(otherManager.id, 'recommendations.answer', answer, 'answerNotServiceManager');
    // Their own service's manager sees them.
    await as(core, x.manager.id);
    expect((await core.call('findings.list', { auditId: x.audit.id })).items.map((f) => f.id)).toEqual([x.finding.id]);
    expect((await core.call('recommendations.list', {})).items.map((r) => r.id)).toEqual([x.recommendation.id]);
    await as(core, x.coordinatorId);
  });

  it('the last coordinator can neither lose the role nor be archived', async () => {
    await as(core, x.coordinatorId);
    const me = await core.call('people.get', { id: x.coordinatorId });
    const before = dumpDatabase(databaseOf(core));
    for (const [channel, input] of [
      ['people.update', { ...idRev(me), role: 'auditor' }],
      ['people.archive', idRev(me)],
    ] as const) {
      const env = await core.dispatch(channel, input);
      expect(env).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: { key: 'lastCoordinator' } } });
    }
    expect(dumpDatabase(databaseOf(core))).toBe(before);
    // With a second coordinator, the first may step down.
    const second = await core.call('people.create', { displayName: 'Pilar', role: 'coordinator', code: 'COORD-2' });
    await core.call('people.update', { ...idRev(me), role: 'auditor' });
    await as(core, second.id);
  });

  it('nothing but the open channels works before anyone is chosen; the first person is the coordinator', async () => {
    const fresh = testCore();
    try {
      for (const channel of CHANNELS.filter((c) => ROLE_MATRIX[c] !== 'open')) {
        // Inputs that need the world's audit moved along fall back to the audit itself.
        const input: unknown = await Promise.resolve((OK[channel] as OkCase<Channel>).input(x, fresh)).catch(() =>
          idRev(x.audit),
        );
        const env = await fresh.dispatch(channel, input);
        expect(env, channel).toMatchObject({ ok: false, error: { code: 'no_current_person' } });
      }
      expect(
        await fresh.dispatch('session.begin', { displayName: 'Ana', role: 'auditor', code: 'AUD-01' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'rule_violation', rule: { key: 'sessionFirstCoordinator' }, field: 'role' },
      });
      expect(await fresh.dispatch('programme.get', {})).toMatchObject({ ok: true, value: null });
    } finally {
      fresh.cleanup();
    }
  });
});
