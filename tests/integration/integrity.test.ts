/**
 * The rules hold on every path: a closed audit freezes all that belongs to it (archiving
 * included), unique keys count live rows only, an archived person cannot write, a stale revision
 * is a conflict — and references are relations the database itself refuses to break.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  as,
  auditSetup,
  closeAudit,
  databaseOf,
  dumpDatabase,
  expectError,
  fieldRecords,
  testCore,
  withProgramme,
  type TestCore,
} from './helpers/core';

let core: TestCore;
afterEach(() => core?.cleanup());

/** An audit with one record of every kind, taken to `closed`. */
async function closedAudit(c: TestCore) {
  const s = await auditSetup(c);
  const { audit, manager, t, coordinatorId } = s;
  const { answer, observation, attachment, test } = await fieldRecords(c, s);
  const result = await c.call('audits.consolidate', {
    auditId: audit.id,
    criterionId: t.rating,
    rating: 'non_compliant',
    rev: null,
  });
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
  await as(c, manager.id);
  const response = await c.call('recommendations.answer', {
    recommendationId: recommendation.id,
    decision: 'accepted',
    rev: null,
  });
  await as(c, coordinatorId);
  await closeAudit(c, audit.id);
  const closed = await c.call('audits.get', { id: audit.id });
  return { ...s, closed, answer, observation, attachment, test, result, finding, recommendation, response };
}

describe('a closed audit freezes every record that belongs to it, whatever the channel', () => {
  it('refuses every change, archiving included, and changes nothing', async () => {
    core = testCore();
    const r = await closedAudit(core);
    const before = dumpDatabase(databaseOf(core));
    const attempts: [string, Promise<unknown>][] = [
      ['archive the audit', core.call('audits.archive', { id: r.closed.id, rev: r.closed.rev })],
      ['update the audit', core.call('audits.update', { id: r.closed.id, rev: r.closed.rev, title: 'x' })],
      [
        'create a finding',
        core.call('findings.create', { auditId: r.closed.id, title: 'Late', severity: 'low', type: 'structural' }),
      ],
      ['update a finding', core.call('findings.update', { id: r.finding.id, rev: r.finding.rev, title: 'x' })],
      ['archive a finding', core.call('findings.archive', { id: r.finding.id, rev: r.finding.rev })],
      [
        'create a recommendation',
        core.call('recommendations.create', { auditId: r.closed.id, title: 'x', findingIds: [r.finding.id] }),
      ],
      [
        'archive a recommendation',
        core.call('recommendations.archive', { id: r.recommendation.id, rev: r.recommendation.rev }),
      ],
      [
        'consolidate',
        core.call('audits.consolidate', {
          auditId: r.closed.id,
          criterionId: r.t.rating,
          rating: 'compliant',
          rev: r.result.rev,
        }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt, what).rejects.toMatchObject({ code: 'rule_violation', rule: { key: 'auditClosed' } });
    }
    // The field records are the auditors' own: as their auditor.
    await as(core, r.a1.id);
    const fieldAttempts: [string, Promise<unknown>][] = [
      [
        'add an attachment',
        core.call('attachments.add', { auditId: r.closed.id, fileName: 'late.txt', contentBase64: 'eA==' }),
      ],
      ['archive an attachment', core.call('attachments.archive', { id: r.attachment.id, rev: r.attachment.rev })],
      ['archive an observation', core.call('observations.archive', { id: r.observation.id, rev: r.observation.rev })],
      ['archive a situation test', core.call('situationTests.archive', { id: r.test.id, rev: r.test.rev })],
    ];
    for (const [what, attempt] of fieldAttempts) {
      await expect(attempt, what).rejects.toMatchObject({ code: 'rule_violation', rule: { key: 'auditClosed' } });
    }
    await expect(core.call('audits.withdrawAnswer', { id: r.answer.id, rev: r.answer.rev })).rejects.toMatchObject({
      rule: { key: 'auditClosed' },
    });
    await expect(
      core.call('observations.update', { id: r.observation.id, rev: r.observation.rev, narrative: 'x' }),
    ).rejects.toMatchObject({ rule: { key: 'auditClosed' } });
    await as(core, r.manager.id);
    await expect(
      core.call('recommendations.answer', {
        recommendationId: r.recommendation.id,
        decision: 'rejected',
        justification: 'No',
        rev: r.response.rev,
      }),
    ).rejects.toMatchObject({ rule: { key: 'auditClosed' } });
    await as(core, r.coordinatorId);
    // Only the session's current person changed in between.
    const after = dumpDatabase(databaseOf(core));
    expect(after).toBe(before);
  });
});

describe('unique keys hold among live rows only', () => {
  it('lets an auditor answer again after withdrawing an answer', async () => {
    core = testCore();
    const { audit, a1, t } = await auditSetup(core);
    await as(core, a1.id);
    const first = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'compliant',
      rev: null,
    });
    await core.call('audits.withdrawAnswer', { id: first.id, rev: first.rev });
    const again = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      rev: null,
    });
    expect(again.id).not.toBe(first.id);
    expect((await core.call('audits.answers', { auditId: audit.id, includeArchived: true })).items).toHaveLength(2);
  });

  it('are partial indexes in the database (an archived consolidated result does not block a new one)', async () => {
    core = testCore();
    const { audit, t } = await auditSetup(core);
    const c = await core.call('audits.consolidate', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'compliant',
      rev: null,
    });
    core.close();
    const db = new Database(databaseOf(core));
    db.prepare(`UPDATE consolidated_result SET archived_at = updated_at WHERE id = ?`).run(c.id);
    const insert = db.prepare(
      `INSERT INTO consolidated_result (id, audit_id, criterion_id, rating, note, decided_by, created_at, updated_at)
       SELECT ?, audit_id, criterion_id, 'non_compliant', '', decided_by, created_at, updated_at FROM consolidated_result WHERE id = ?`,
    );
    insert.run(crypto.randomUUID(), c.id);
    expect(() => insert.run(crypto.randomUUID(), c.id)).toThrow(/UNIQUE constraint failed/);
    db.close();
    core = { ...core, close: () => undefined };
  });
});

describe('an archived person cannot work', () => {
  it('refuses every change made as a person archived since they were chosen', async () => {
    core = testCore();
    const { personId } = await withProgramme(core);
    const other = await core.call('people.create', { displayName: 'Olga', role: 'coordinator', code: 'COORD-2' });
    // The programme keeps a coordinator: a third one stays active.
    await core.call('people.create', { displayName: 'Pilar', role: 'coordinator', code: 'COORD-3' });
    await as(core, other.id);
    const me = await core.call('people.get', { id: personId });
    await core.call('people.archive', { id: me.id, rev: me.rev });
    await core.call('session.setCurrentPerson', { personId: other.id });
    const o = await core.call('people.get', { id: other.id });
    await core.call('people.archive', { id: o.id, rev: o.rev });
    const before = dumpDatabase(databaseOf(core));
    await expect(core.call('services.create', { name: 'Anything' })).rejects.toMatchObject({
      code: 'no_current_person',
      rule: { key: 'sessionPersonArchived' },
    });
    expect(dumpDatabase(databaseOf(core))).toBe(before);
    await expectError(core.call('session.setCurrentPerson', { personId }), 'rule_violation', /archived/);
  });
});

describe('changes carry the revision the caller read', () => {
  it('refuses a stale revision with conflict on every kind of change, and changes nothing', async () => {
    core = testCore();
    const { audit, service, a1, t } = await auditSetup(core);
    const s2 = await core.call('services.update', { id: service.id, rev: service.rev, department: 'Police' });
    const draft = await core.call('templateVersions.startDraft', { templateId: t.templateId, copyFrom: t.versionId });
    const before = dumpDatabase(databaseOf(core));
    const stale: [string, Promise<unknown>][] = [
      ['services.update', core.call('services.update', { id: service.id, rev: service.rev, name: 'Stale' })],
      ['services.archive', core.call('services.archive', { id: service.id, rev: service.rev })],
      ['audits.update', core.call('audits.update', { id: audit.id, rev: audit.rev - 1, title: 'Stale' })],
      ['audits.submit', core.call('audits.submit', { id: audit.id, rev: audit.rev - 1 })],
      ['people.update', core.call('people.update', { id: a1.id, rev: a1.rev + 1, displayName: 'Future' })],
      ['templateVersions.publish', core.call('templateVersions.publish', { id: draft.id, rev: draft.rev + 1 })],
    ];
    for (const [what, p] of stale) await expect(p, what).rejects.toMatchObject({ code: 'conflict' });
    expect(dumpDatabase(databaseOf(core))).toBe(before);
    expect((await core.call('services.get', { id: service.id })).rev).toBe(s2.rev);
  });

  it("refuses an answer made over one the caller had not seen (another machine's)", async () => {
    core = testCore();
    const { audit, a1, t } = await auditSetup(core);
    await as(core, a1.id);
    const mine = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'compliant',
      rev: null,
    });
    const newer = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      rev: mine.rev,
    });
    await expect(
      core.call('audits.recordAnswer', {
        auditId: audit.id,
        criterionId: t.rating,
        rating: 'partly_compliant',
        rev: mine.rev,
      }),
    ).rejects.toMatchObject({ code: 'conflict', rule: { params: { read: 1, current: 2 } } });
    expect((await core.call('audits.answers', { auditId: audit.id })).items[0]).toMatchObject({
      rev: newer.rev,
      rating: 'non_compliant',
    });
  });
});

describe('grounds are relations to the ground table', () => {
  it('refuses a ground code that does not exist, on every record that names grounds', async () => {
    core = testCore();
    const { audit, a1, t, coordinatorId } = await auditSetup(core);
    const { version } = await core.call('templates.create', { name: { en: 'Other' } });
    const section = await core.call('sections.add', { versionId: version.id, title: { en: 'S' } });
    const before = dumpDatabase(databaseOf(core));
    const unknown = { code: 'rule_violation', rule: { key: 'groundUnknown', params: { code: 'star_sign' } } };
    await expect(
      core.call('criteria.add', { sectionId: section.id, text: { en: 'c' }, grounds: ['star_sign'] }),
    ).rejects.toMatchObject(unknown);
    await expect(
      core.call('findings.create', {
        auditId: audit.id,
        title: 'F',
        severity: 'low',
        type: 'structural',
        grounds: ['star_sign'],
      }),
    ).rejects.toMatchObject(unknown);
    await as(core, a1.id);
    await expect(
      core.call('observations.record', {
        auditId: audit.id,
        observedAt: '2026-03-02T10:00:00.000Z',
        method: 'site_visit',
        narrative: 'n',
        grounds: ['language', 'star_sign'],
        criterionIds: [t.rating],
      }),
    ).rejects.toMatchObject(unknown);
    await expect(
      core.call('situationTests.record', {
        auditId: audit.id,
        scenario: 's',
        conductedOn: '2026-03-03',
        groundTested: 'star_sign',
        testerACode: 'A',
        testerBCode: 'B',
      }),
    ).rejects.toMatchObject({ rule: { key: 'groundUnknown' } });
    await as(core, coordinatorId);
    expect(dumpDatabase(databaseOf(core))).toBe(before);
  });

  it('are checked by the database itself (foreign keys to ground.code)', async () => {
    core = testCore();
    const { audit, a1 } = await auditSetup(core);
    await as(core, a1.id);
    const o = await core.call('observations.record', {
      auditId: audit.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      narrative: 'n',
      grounds: ['language'],
    });
    core.close();
    const db = new Database(databaseOf(core));
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(`INSERT INTO observation_ground (observation_id, ground_code, position) VALUES (?, 'star_sign', 1)`)
        .run(o.id),
    ).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
    core = { ...core, close: () => undefined };
  });
});

describe('evidence is a relation within one audit', () => {
  it('refuses evidence that does not exist or belongs to another audit, and answers "which findings cite this"', async () => {
    core = testCore();
    const { audit, a1, service, t, coordinatorId } = await auditSetup(core);
    const otherPlan = await core.call('audits.plan', {
      serviceId: service.id,
      templateVersionId: t.versionId,
      title: 'Another audit',
      methods: ['site_visit'],
      leadId: a1.id,
    });
    const other = await core.call('audits.startFieldwork', { id: otherPlan.id, rev: otherPlan.rev });
    await as(core, a1.id);
    const foreign = await core.call('observations.record', {
      auditId: other.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      narrative: 'In the other audit',
    });
    const own = await core.call('observations.record', {
      auditId: audit.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      narrative: 'In this audit',
    });
    await expectError(
      core.call('audits.recordAnswer', {
        auditId: audit.id,
        criterionId: t.rating,
        rating: 'non_compliant',
        evidence: [{ kind: 'observation', id: crypto.randomUUID() }],
        rev: null,
      }),
      'not_found',
    );
    await expect(
      core.call('audits.recordAnswer', {
        auditId: audit.id,
        criterionId: t.rating,
        rating: 'non_compliant',
        evidence: [{ kind: 'observation', id: foreign.id }],
        rev: null,
      }),
    ).rejects.toMatchObject({ rule: { key: 'evidenceOtherAudit' }, field: 'evidence' });
    const answer = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      evidence: [{ kind: 'observation', id: own.id }],
      rev: null,
    });
    expect(answer.evidence).toEqual([{ kind: 'observation', id: own.id }]);
    await as(core, coordinatorId);
    const f = await core.call('findings.create', {
      auditId: audit.id,
      title: 'F',
      severity: 'low',
      type: 'structural',
      evidence: [
        { kind: 'response', id: answer.id },
        { kind: 'observation', id: own.id },
      ],
    });
    await expect(
      core.call('findings.update', { id: f.id, rev: f.rev, evidence: [{ kind: 'observation', id: foreign.id }] }),
    ).rejects.toMatchObject({ rule: { key: 'evidenceOtherAudit' } });
    expect(
      (await core.call('findings.list', { cites: { kind: 'observation', id: own.id } })).items.map((x) => x.id),
    ).toEqual([f.id]);
    expect((await core.call('findings.list', { cites: { kind: 'observation', id: foreign.id } })).items).toEqual([]);

    core.close();
    const db = new Database(databaseOf(core));
    db.pragma('foreign_keys = ON');
    const link = (columns: string, values: unknown[]) =>
      db.prepare(
        `INSERT INTO evidence_link (audit_id, position, ${columns}) VALUES (?, 9, ${values.map(() => '?').join(', ')})`,
      );
    // Evidence of another audit: the composite foreign key refuses it.
    expect(() => link('finding_id, observation_id', [f.id, foreign.id]).run(audit.id, f.id, foreign.id)).toThrow(
      /FOREIGN KEY/,
    );
    // Exactly one cited record, exactly one owner.
    expect(() =>
      link('finding_id, observation_id, response_id', [f.id, own.id, answer.id]).run(audit.id, f.id, own.id, answer.id),
    ).toThrow(/CHECK constraint failed/);
    expect(() => link('observation_id', [own.id]).run(audit.id, own.id)).toThrow(/CHECK constraint failed/);
    // An answer cites what was seen, not other answers.
    expect(() =>
      link('citing_response_id, response_id', [answer.id, answer.id]).run(audit.id, answer.id, answer.id),
    ).toThrow(/CHECK constraint failed/);
    db.close();
    core = { ...core, close: () => undefined };
  });
});

describe('one programme per database file', () => {
  it('is set up once; the database refuses a second live programme', async () => {
    core = testCore();
    await withProgramme(core);
    await expectError(
      core.call('programme.setUp', { name: 'Second', city: 'X' }),
      'rule_violation',
      /already has its programme/,
    );
    core.close();
    const db = new Database(databaseOf(core));
    expect(() =>
      db
        .prepare(
          `INSERT INTO programme (id, name, city, coordinating_office, default_language, report_branding, created_at, updated_at)
           VALUES (?, 'x', 'y', '', 'en', '', 'now', 'now')`,
        )
        .run(crypto.randomUUID()),
    ).toThrow(/one programme per database/);
    // Nothing names a programme: services, audits and measures belong to the database's one.
    for (const table of ['service', 'audit', 'measure']) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
        (c) => c.name,
      );
      expect(cols, table).not.toContain('programme_id');
    }
    db.close();
    core = { ...core, close: () => undefined };
  });
});
