/**
 * Table-driven over EVERY channel of the contract:
 *
 * - inputs that do not match the channel's schema answer `invalid_input`;
 * - for every writing channel, an input that passes the schema and breaks a rule is refused with
 *   that rule, and the database is byte-for-byte unchanged — where the refusal comes after the
 *   call already wrote (a template file whose last criterion is wrong), the test also shows that
 *   the write happened and was rolled back;
 * - every reading channel, given a valid input, changes nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type Input } from '../../src/shared/api/contract';
import { builtInTemplate } from '../../src/main/core/seed/templates';
import {
  as,
  auditSetup,
  closeAudit,
  databaseOf,
  dumpDatabase,
  fieldRecords,
  testCore,
  type TestCore,
} from './helpers/core';

/** Inputs no channel accepts: every input schema is a strict object. */
const ALWAYS_INVALID: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'programmes'],
  ['an array', [{}]],
  ['an unknown key', { unexpectedKey: true }],
  ['a bad id', { id: 'not-a-uuid' }],
  ['a prototype trick', JSON.parse('{"__proto__": {"admin": true}, "id": 1}')],
];

let core: TestCore;
let snapshot: () => string;
type World = Awaited<ReturnType<typeof world>>;
let w: World;

/** One programme with something of everything, including a closed audit and draft templates. */
async function world(c: TestCore) {
  const s = await auditSetup(c);
  const { audit, a1, a2, manager, t, service, coordinatorId } = s;
  const programme = (await c.call('programme.get', {}))!;
  const withPeriod = await c.call('programme.update', {
    id: programme.id,
    rev: programme.rev,
    periodStart: '2026-01-01',
  });
  const { template: own, version: draft } = await c.call('templates.create', { key: 'front', name: { en: 'Own' } });
  const draftSection = await c.call('sections.add', { versionId: draft.id, title: { en: 'Draft section' } });
  const draftCriterion = await c.call('criteria.add', { sectionId: draftSection.id, text: { en: 'Draft criterion' } });
  const { version: emptyDraft } = await c.call('templates.create', { name: { en: 'Empty' } });
  // A published template whose criterion names a ground archived since: copying it must fail.
  const religion = (await c.call('grounds.list', {})).items.find((g) => g.code === 'religion_belief')!;
  const { template: oldT, version: oldV } = await c.call('templates.create', { name: { en: 'Old' } });
  const oldS = await c.call('sections.add', { versionId: oldV.id, title: { en: 'S' } });
  await c.call('criteria.add', { sectionId: oldS.id, text: { en: 'About belief' }, grounds: ['religion_belief'] });
  await c.call('criteria.add', { sectionId: oldS.id, text: { en: 'Second' } });
  const oldPublished = await c.call('templateVersions.publish', { id: oldV.id, rev: oldV.rev });
  const archivedGround = await c.call('grounds.archive', { id: religion.id, rev: religion.rev });
  const frozenSection = (await c.call('templateVersions.checklist', { id: t.versionId })).sections[0]!;

  const plannedAudit = await c.call('audits.plan', {
    serviceId: service.id,
    templateVersionId: t.versionId,
    title: 'Planned',
    methods: ['survey'],
    leadId: a1.id,
  });
  const { answer, observation, attachment, test } = await fieldRecords(c, s);
  const finding = await c.call('findings.create', {
    auditId: audit.id,
    title: 'Only Spanish',
    severity: 'medium',
    type: 'structural',
    evidence: [{ kind: 'observation', id: observation.id }],
  });
  const recommendation = await c.call('recommendations.create', {
    auditId: audit.id,
    title: 'Translate',
    findingIds: [finding.id],
  });
  const measure = await c.call('measures.create', {
    title: 'Translate forms',
    actionArea: 'services_to_citizens',
    startDate: '2026-04-01',
  });
  const progress = await c.call('measures.recordProgress', {
    measureId: measure.id,
    date: '2026-05-01',
    status: 'in_progress',
  });
  const archivedMeasure = await c.call('measures.archive', {
    id: (await c.call('measures.create', { title: 'Dropped', actionArea: 'data_collection' })).id,
    rev: 1,
  });

  // A second audit, closed, with records of its own.
  const closedPlan = await c.call('audits.plan', {
    serviceId: service.id,
    templateVersionId: t.versionId,
    title: 'Closed',
    methods: ['site_visit'],
    leadId: a2.id,
  });
  await c.call('audits.startFieldwork', { id: closedPlan.id, rev: closedPlan.rev });
  await as(c, a2.id);
  const closedObservation = await c.call('observations.record', {
    auditId: closedPlan.id,
    observedAt: '2026-03-04T10:00:00.000Z',
    method: 'site_visit',
    narrative: 'Elsewhere',
  });
  const closedAttachment = await c.call('attachments.add', {
    auditId: closedPlan.id,
    fileName: 'b.txt',
    contentBase64: 'Yg==',
  });
  await as(c, coordinatorId);
  const closedFinding = await c.call('findings.create', {
    auditId: closedPlan.id,
    title: 'Closed finding',
    severity: 'low',
    type: 'structural',
  });
  const closedRecommendation = await c.call('recommendations.create', {
    auditId: closedPlan.id,
    title: 'Old',
    findingIds: [closedFinding.id],
  });
  await closeAudit(c, closedPlan.id);
  const closed = await c.call('audits.get', { id: closedPlan.id });
  const auditNow = await c.call('audits.get', { id: audit.id });
  const a1Now = await c.call('people.get', { id: a1.id });
  const serviceNow = await c.call('services.get', { id: service.id });
  const archivedPerson = await c.call('people.archive', {
    id: (await c.call('people.create', { displayName: 'Gone', role: 'auditor', code: 'GONE-1' })).id,
    rev: 1,
  });
  return {
    ...s,
    a1: a1Now,
    a2,
    manager,
    service: serviceNow,
    audit: auditNow,
    programme: withPeriod,
    own,
    draft,
    draftSection,
    draftCriterion,
    emptyDraft,
    oldT,
    oldPublished,
    archivedGround,
    frozenSection,
    plannedAudit,
    answer,
    observation,
    attachment,
    test,
    finding,
    recommendation,
    measure,
    progress,
    archivedMeasure,
    closed,
    closedObservation,
    closedFinding,
    closedRecommendation,
    closedAttachment,
    archivedPerson,
  };
}

/** A template file that fails only at its very last criterion (an unknown ground). */
function fileFailingAtTheEnd() {
  const file = structuredClone(builtInTemplate('general_front_office')!);
  // The world archived religion_belief: leave it out, so only the last criterion is wrong.
  for (const s of file.sections)
    for (const c of s.criteria) c.grounds = c.grounds.filter((g) => g !== 'religion_belief');
  file.sections.at(-1)!.criteria.at(-1)!.grounds = ['star_sign'];
  return { ...file, key: 'failing_at_the_end' };
}

interface RuleBreak {
  input: () => unknown;
  /** Who makes the call (default: the coordinator). */
  as?: () => string;
  code: 'rule_violation' | 'not_found' | 'conflict' | 'no_current_person' | 'forbidden';
  /** The rule key expected. */
  key: string;
  /** The call writes before the rule refuses it: the write must be rolled back. */
  afterWrite?: boolean;
}

const stale = (r: { id: string; rev: number }) => ({ id: r.id, rev: r.rev + 1 });

const RULE_BREAKS: { [C in Channel]?: RuleBreak } = {
  'session.begin': {
    input: () => ({ displayName: 'Again', role: 'coordinator', code: 'AGAIN' }),
    code: 'rule_violation',
    key: 'sessionAlreadyBegun',
  },
  'session.setCurrentPerson': {
    input: () => ({ personId: w.archivedPerson.id }),
    code: 'rule_violation',
    key: 'sessionPersonArchived',
  },
  'programme.setUp': { input: () => ({ name: 'Another', city: 'X' }), code: 'rule_violation', key: 'programmeExists' },
  'programme.update': {
    input: () => ({ id: w.programme.id, rev: w.programme.rev, periodEnd: '2025-12-31' }),
    code: 'rule_violation',
    key: 'programmePeriodOrder',
  },
  'services.create': {
    input: () => ({ name: 'S', managerId: w.a1.id }),
    code: 'rule_violation',
    key: 'serviceManagerRole',
  },
  'services.update': {
    input: () => ({ id: w.service.id, rev: w.service.rev, managerId: w.a1.id }),
    code: 'rule_violation',
    key: 'serviceManagerRole',
  },
  'services.archive': { input: () => stale(w.service), code: 'conflict', key: 'conflict' },
  'people.create': {
    input: () => ({ displayName: 'Dup', role: 'auditor', code: 'aud-01' }),
    code: 'rule_violation',
    key: 'personCodeTaken',
  },
  'people.update': {
    input: () => ({ id: w.a1.id, rev: w.a1.rev, code: 'AUD-02' }),
    code: 'rule_violation',
    key: 'personCodeTaken',
  },
  'people.archive': { input: () => stale(w.a1), code: 'conflict', key: 'conflict' },
  'grounds.create': {
    input: () => ({ code: 'language', label: { en: 'Again' } }),
    code: 'rule_violation',
    key: 'groundExists',
  },
  'grounds.update': {
    input: () => ({ ...stale(w.archivedGround), label: { en: 'x' } }),
    code: 'conflict',
    key: 'conflict',
  },
  'grounds.archive': { input: () => stale(w.archivedGround), code: 'conflict', key: 'conflict' },
  'templates.create': {
    input: () => ({ key: 'front', name: { en: 'Same key' } }),
    code: 'rule_violation',
    key: 'templateKeyExists',
  },
  'templates.import': {
    input: () => ({ file: fileFailingAtTheEnd() }),
    code: 'rule_violation',
    key: 'groundUnknown',
    afterWrite: true,
  },
  'templates.importFile': {
    input: () => ({ content: JSON.stringify(fileFailingAtTheEnd()) }),
    code: 'rule_violation',
    key: 'templateFileGroundUnknown',
  },
  'templates.duplicate': {
    input: () => ({ versionId: w.oldPublished.id, name: { en: 'Copy of old' } }),
    code: 'rule_violation',
    key: 'groundArchived',
    afterWrite: true,
  },
  'templates.installBuiltIn': {
    input: () => ({ key: 'no_such_template' }),
    code: 'rule_violation',
    key: 'templateBuiltInUnknown',
  },
  'templates.update': {
    input: () => ({ id: w.oldT.id, rev: w.oldT.rev, key: 'front' }),
    code: 'rule_violation',
    key: 'templateKeyExists',
  },
  'templates.archive': { input: () => stale(w.own), code: 'conflict', key: 'conflict' },
  'templateVersions.startDraft': {
    input: () => ({ templateId: w.oldT.id, copyFrom: w.oldPublished.id }),
    code: 'rule_violation',
    key: 'groundArchived',
    afterWrite: true,
  },
  'templateVersions.publish': {
    input: () => ({ id: w.emptyDraft.id, rev: w.emptyDraft.rev }),
    code: 'rule_violation',
    key: 'templateEmptyVersion',
  },
  'sections.add': {
    input: () => ({ versionId: w.t.versionId, title: { en: 'x' } }),
    code: 'rule_violation',
    key: 'templateVersionFrozen',
  },
  'sections.edit': {
    input: () => ({ id: w.frozenSection.id, rev: w.frozenSection.rev, title: { en: 'x' } }),
    code: 'rule_violation',
    key: 'templateVersionFrozen',
  },
  'sections.move': {
    input: () => ({ id: w.frozenSection.id, rev: w.frozenSection.rev, position: 0 }),
    code: 'rule_violation',
    key: 'templateVersionFrozen',
  },
  'sections.remove': {
    input: () => ({ id: w.frozenSection.id, rev: w.frozenSection.rev }),
    code: 'rule_violation',
    key: 'templateVersionFrozen',
  },
  'criteria.add': {
    input: () => ({ sectionId: w.draftSection.id, text: { en: 'c' }, grounds: ['star_sign'] }),
    code: 'rule_violation',
    key: 'groundUnknown',
  },
  'criteria.edit': {
    input: () => ({ id: w.draftCriterion.id, rev: w.draftCriterion.rev, choices: [{ en: 'a' }, { en: 'b' }] }),
    code: 'rule_violation',
    key: 'criterionChoicesOnlyForChoice',
  },
  'criteria.move': {
    input: () => ({ id: w.draftCriterion.id, rev: w.draftCriterion.rev, sectionId: w.frozenSection.id, position: 0 }),
    code: 'rule_violation',
    key: 'criterionMoveToOtherVersion',
  },
  'criteria.remove': {
    input: () => ({ id: w.t.rating, rev: 1 }),
    code: 'rule_violation',
    key: 'templateVersionFrozen',
  },
  'audits.plan': {
    input: () => ({ serviceId: w.service.id, templateVersionId: w.draft.id, title: 'x', methods: ['survey'] }),
    code: 'rule_violation',
    key: 'auditVersionNotPublished',
  },
  'audits.update': {
    input: () => ({ id: w.audit.id, rev: w.audit.rev, teamIds: [w.manager.id] }),
    code: 'rule_violation',
    key: 'auditTeamNotAuditor',
  },
  'audits.archive': {
    input: () => ({ id: w.closed.id, rev: w.closed.rev }),
    code: 'rule_violation',
    key: 'auditClosed',
  },
  'audits.startFieldwork': {
    input: () => ({ id: w.audit.id, rev: w.audit.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.submit': {
    input: () => ({ id: w.plannedAudit.id, rev: w.plannedAudit.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.startReview': {
    input: () => ({ id: w.audit.id, rev: w.audit.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.returnToFieldwork': {
    input: () => ({ id: w.plannedAudit.id, rev: w.plannedAudit.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.markReported': {
    input: () => ({ id: w.audit.id, rev: w.audit.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.close': {
    input: () => ({ id: w.closed.id, rev: w.closed.rev }),
    code: 'rule_violation',
    key: 'auditStepNotAllowed',
  },
  'audits.recordAnswer': {
    input: () => ({ auditId: w.audit.id, criterionId: w.t.rating, value: 3, rev: w.answer.rev }),
    as: () => w.a1.id,
    code: 'rule_violation',
    key: 'answerWrongType',
  },
  'audits.withdrawAnswer': {
    input: () => ({ id: w.answer.id, rev: w.answer.rev }),
    as: () => w.a2.id,
    code: 'forbidden',
    key: 'answerNotYours',
  },
  'audits.consolidate': {
    input: () => ({ auditId: w.audit.id, criterionId: w.draftCriterion.id, rating: 'compliant', rev: null }),
    code: 'rule_violation',
    key: 'auditCriterionNotInChecklist',
  },
  'observations.record': {
    input: () => ({
      auditId: w.closed.id,
      observedAt: '2026-03-05T10:00:00.000Z',
      method: 'site_visit',
      narrative: 'late',
    }),
    as: () => w.a2.id,
    code: 'rule_violation',
    key: 'auditClosed',
  },
  'observations.update': {
    input: () => ({ id: w.observation.id, rev: w.observation.rev, criterionIds: [w.draftCriterion.id] }),
    as: () => w.a1.id,
    code: 'rule_violation',
    key: 'auditCriterionNotInChecklist',
  },
  'observations.archive': { input: () => stale(w.observation), as: () => w.a1.id, code: 'conflict', key: 'conflict' },
  'attachments.add': {
    input: () => ({
      auditId: w.audit.id,
      observationId: w.closedObservation.id,
      fileName: 'x.txt',
      contentBase64: 'eHl6',
    }),
    as: () => w.a1.id,
    code: 'rule_violation',
    key: 'evidenceOtherAudit',
  },
  'attachments.update': {
    input: () => ({ ...stale(w.attachment), caption: 'x' }),
    as: () => w.a1.id,
    code: 'conflict',
    key: 'conflict',
  },
  'attachments.archive': {
    input: () => ({ id: w.closedAttachment.id, rev: w.closedAttachment.rev }),
    as: () => w.a2.id,
    code: 'rule_violation',
    key: 'auditClosed',
  },
  'situationTests.record': {
    input: () => ({
      auditId: w.audit.id,
      scenario: 's',
      conductedOn: '2026-03-03',
      groundTested: 'star_sign',
      testerACode: 'A',
      testerBCode: 'B',
    }),
    as: () => w.a1.id,
    code: 'rule_violation',
    key: 'groundUnknown',
  },
  'situationTests.update': {
    input: () => ({ id: w.test.id, rev: w.test.rev, groundTested: 'religion_belief' }),
    as: () => w.a1.id,
    code: 'rule_violation',
    key: 'groundArchived',
  },
  'situationTests.archive': { input: () => stale(w.test), as: () => w.a1.id, code: 'conflict', key: 'conflict' },
  'findings.create': {
    input: () => ({
      auditId: w.audit.id,
      title: 'F',
      severity: 'low',
      type: 'structural',
      evidence: [{ kind: 'observation', id: w.closedObservation.id }],
    }),
    code: 'rule_violation',
    key: 'evidenceOtherAudit',
  },
  'findings.update': {
    input: () => ({ id: w.finding.id, rev: w.finding.rev, type: 'individual_conduct', structuralKind: 'policy' }),
    code: 'rule_violation',
    key: 'findingKindOnlyStructural',
  },
  'findings.archive': { input: () => stale(w.finding), code: 'conflict', key: 'conflict' },
  'findings.dismissSuggestion': {
    // An answer is not a consolidated result.
    input: () => ({ auditId: w.audit.id, consolidatedResultId: w.answer.id }),
    code: 'not_found',
    key: 'notFound',
  },
  'findings.restoreSuggestion': { input: () => ({ id: w.finding.id, rev: 1 }), code: 'not_found', key: 'notFound' },
  'recommendations.create': {
    input: () => ({ auditId: w.audit.id, title: 'R', findingIds: [w.closedFinding.id] }),
    code: 'rule_violation',
    key: 'recommendationFindingOtherAudit',
  },
  'recommendations.update': {
    input: () => ({ ...stale(w.recommendation), title: 'x' }),
    code: 'conflict',
    key: 'conflict',
  },
  'recommendations.archive': {
    input: () => ({ id: w.closedRecommendation.id, rev: w.closedRecommendation.rev }),
    code: 'rule_violation',
    key: 'auditClosed',
  },
  'recommendations.answer': {
    input: () => ({ recommendationId: w.closedRecommendation.id, decision: 'accepted', rev: null }),
    as: () => w.manager.id,
    code: 'rule_violation',
    key: 'auditClosed',
  },
  'measures.create': {
    input: () => ({ title: 'M', actionArea: 'data_collection', responsibleId: w.archivedPerson.id }),
    code: 'rule_violation',
    key: 'refArchived',
  },
  'measures.update': {
    input: () => ({ id: w.measure.id, rev: w.measure.rev, dueDate: '2026-01-01' }),
    code: 'rule_violation',
    key: 'measureDatesOrder',
  },
  'measures.archive': { input: () => stale(w.measure), code: 'conflict', key: 'conflict' },
  'measures.recordProgress': {
    input: () => ({ measureId: w.archivedMeasure.id, date: '2026-06-01', status: 'done' }),
    code: 'rule_violation',
    key: 'recordArchived',
  },
  'measures.withdrawProgress': { input: () => stale(w.progress), code: 'conflict', key: 'conflict' },
};

const READ_INPUTS: { [C in Channel]?: () => Input<C> } = {
  'backups.list': () => ({}),
  'session.get': () => ({}),
  'programme.get': () => ({}),
  'services.list': () => ({ includeArchived: true }),
  'services.get': () => ({ id: w.service.id }),
  'people.list': () => ({ role: 'auditor' }),
  'people.get': () => ({ id: w.a1.id }),
  'grounds.list': () => ({}),
  'templates.list': () => ({}),
  'templates.get': () => ({ id: w.own.id }),
  'templates.export': () => ({ versionId: w.t.versionId }),
  'templates.builtIns': () => ({}),
  'templateVersions.list': () => ({ templateId: w.t.templateId }),
  'templateVersions.get': () => ({ id: w.t.versionId }),
  'templateVersions.checklist': () => ({ id: w.t.versionId }),
  'audits.list': () => ({ status: 'fieldwork' }),
  'audits.get': () => ({ id: w.audit.id }),
  'audits.answers': () => ({ auditId: w.audit.id }),
  'audits.consolidatedResults': () => ({ auditId: w.audit.id }),
  'audits.agreement': () => ({ id: w.audit.id }),
  'observations.list': () => ({ auditId: w.audit.id }),
  'observations.get': () => ({ id: w.observation.id }),
  'observations.search': () => ({ auditId: w.audit.id, query: 'spanish " AND *', ground: 'language' }),
  'attachments.list': () => ({ auditId: w.audit.id }),
  'attachments.content': () => ({ id: w.attachment.id }),
  'attachments.open': () => ({ id: w.attachment.id }),
  'situationTests.list': () => ({ auditId: w.audit.id }),
  'findings.list': () => ({ cites: { kind: 'observation', id: w.observation.id } }),
  'findings.get': () => ({ id: w.finding.id }),
  'findings.suggestFromResults': () => ({ auditId: w.audit.id, includeDismissed: true }),
  'recommendations.list': () => ({ findingId: w.finding.id }),
  'recommendations.get': () => ({ id: w.recommendation.id }),
  'recommendations.answers': () => ({ auditId: w.audit.id }),
  'measures.list': () => ({}),
  'measures.get': () => ({ id: w.measure.id }),
  'measures.progress': () => ({ measureId: w.measure.id }),
  'trace.measure': () => ({ id: w.measure.id }),
  'trace.finding': () => ({ id: w.finding.id }),
  'history.list': () => ({ limit: 50 }),
  'reports.generate': () => ({ kind: 'audit', auditId: w.audit.id, language: 'en', reportDate: '2026-03-31' }),
  'reports.open': () => ({ path: '/tmp/report.docx' }),
  'dashboards.audit': () => ({ auditId: w.audit.id }),
  'dashboards.programme': () => ({}),
};

/** Names and sizes of every file under a folder ('' when it does not exist). */
function dumpTree(dir: string): string {
  if (!existsSync(dir)) return '';
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${p}:${statSync(p).size}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

beforeAll(async () => {
  core = testCore();
  w = await world(core);
  snapshot = () => dumpDatabase(databaseOf(core));
});
afterAll(() => core.cleanup());

describe('every channel refuses invalid input and changes nothing', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    const before = snapshot();
    for (const [what, input] of ALWAYS_INVALID) {
      const env = await core.dispatch(channel, input);
      expect(env, `${channel} with ${what}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(snapshot()).toBe(before);
  });

  it('answers unknown_channel for a channel outside the contract', async () => {
    expect(await core.dispatch('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await core.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('names the invalid fields', async () => {
    const env = await core.dispatch('people.create', { displayName: '', role: 'boss', code: 'x' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(Object.keys(env.error.fields ?? {}).sort()).toEqual(['code', 'displayName', 'role']);
  });
});

const WRITE_CHANNELS = CHANNELS.filter((c) => contract[c].kind === 'write');

describe('every writing channel refuses a schema-valid input that breaks a rule, and changes nothing', () => {
  it('has a rule-breaking input for each writing channel', () => {
    expect(WRITE_CHANNELS.filter((c) => !RULE_BREAKS[c])).toEqual([]);
  });

  it.each(WRITE_CHANNELS)('%s', async (channel) => {
    const rb = RULE_BREAKS[channel]!;
    const input = rb.input();
    expect(contract[channel].input.safeParse(input).success, 'the input passes the schema').toBe(true);
    if (rb.as) await core.call('session.setCurrentPerson', { personId: rb.as() });
    const before = snapshot();
    const attachmentsBefore = dumpTree(join(core.dataDir, 'attachments'));
    const changesBefore = core.changes();
    const env = await core.dispatch(channel, input);
    const wrote = core.changes() > changesBefore;
    const after = snapshot();
    await core.call('session.setCurrentPerson', { personId: w.coordinatorId });
    expect(env, JSON.stringify(env)).toMatchObject({ ok: false, error: { code: rb.code, rule: { key: rb.key } } });
    expect(after).toBe(before);
    expect(dumpTree(join(core.dataDir, 'attachments'))).toBe(attachmentsBefore);
    if (rb.afterWrite) expect(wrote, 'the call wrote before it was refused, and was rolled back').toBe(true);
    expect(core.logged, 'a refusal by a rule is not an error to log').toEqual([]);
  });
});

describe('every reading channel changes nothing', () => {
  const READ_CHANNELS = CHANNELS.filter((c) => contract[c].kind === 'read');
  it('has a valid input for each reading channel', () => {
    expect(READ_CHANNELS.filter((c) => !READ_INPUTS[c])).toEqual([]);
  });
  it.each(READ_CHANNELS)('%s', async (channel) => {
    const before = snapshot();
    const changes = core.changes();
    const env = await core.dispatch(channel, READ_INPUTS[channel]!());
    expect(env.ok, JSON.stringify(env)).toBe(true);
    expect(core.changes()).toBe(changes);
    expect(snapshot()).toBe(before);
  });
});
