/**
 * The core's domain behaviour through the API contract, against a real SQLite database:
 * attribution and history, the audit flow, per-auditor responses, frozen template versions,
 * attachments by SHA-256, and the rules PRODUCT.md names.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { attachmentPath } from '../../src/main/core/services/audits';
import { auditSetup, template, testCore, withProgramme, type TestCore } from './helpers/core';

let core: TestCore;
afterEach(() => core?.cleanup());

async function expectError(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await expect(p).rejects.toMatchObject({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });
}

describe('session and attribution', () => {
  it('refuses changes until someone is chosen, then attributes every change and records its history', async () => {
    core = testCore();
    expect((await core.call('session.get', {})).currentPerson).toBeNull();
    await expectError(core.call('programmes.create', { name: 'P', city: 'C' }), 'no_current_person');
    const { personId, programmeId } = await withProgramme(core);
    const updated = await core.call('programmes.update', { id: programmeId, city: 'Villa Nueva' });
    expect(updated).toMatchObject({ createdBy: personId, updatedBy: personId, rev: 2, city: 'Villa Nueva' });
    const history = await core.call('history.list', { entityId: programmeId });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({ personId, before: { city: 'Villa Test' }, after: { city: 'Villa Nueva' } });
  });

  it('switches the current person and refuses an unknown one', async () => {
    core = testCore();
    await withProgramme(core);
    const a = await core.call('people.create', { displayName: 'Ana', role: 'auditor', code: 'AUD-01' });
    expect((await core.call('session.setCurrentPerson', { personId: a.id })).currentPerson?.code).toBe('AUD-01');
    await expectError(core.call('session.setCurrentPerson', { personId: crypto.randomUUID() }), 'not_found');
  });

  it('keeps auditor codes unique, case-insensitively, among active people', async () => {
    core = testCore();
    await withProgramme(core);
    const a = await core.call('people.create', { displayName: 'Ana', role: 'auditor', code: 'AUD-01' });
    await expectError(
      core.call('people.create', { displayName: 'Other', role: 'auditor', code: 'aud-01' }),
      'rule_violation',
      /already used/,
    );
    await core.call('people.archive', { id: a.id });
    await core.call('people.create', { displayName: 'Other', role: 'auditor', code: 'aud-01' });
    expect((await core.call('people.list', {})).map((p) => p.code)).toEqual(['COORD-1', 'aud-01']);
    expect(await core.call('people.list', { includeArchived: true })).toHaveLength(3);
  });

  it('remembers the language across restarts', async () => {
    core = testCore();
    await core.call('session.setLanguage', { language: 'es' });
    core.close();
    const again = openCore({ dataDir: core.dataDir });
    expect((await again.call('session.get', {})).language).toBe('es');
    again.close();
    core = { ...core, close: () => undefined };
  });
});

describe('audits', () => {
  it('moves status only along the allowed transitions', async () => {
    core = testCore();
    const { audit } = await auditSetup(core);
    expect(audit.status).toBe('planned');
    await expectError(
      core.call('audits.setStatus', { id: audit.id, status: 'reported' }),
      'rule_violation',
      /cannot move from planned to reported/,
    );
    for (const s of [
      'fieldwork',
      'submitted',
      'in_review',
      'fieldwork',
      'submitted',
      'in_review',
      'reported',
      'closed',
    ] as const) {
      expect((await core.call('audits.setStatus', { id: audit.id, status: s })).status).toBe(s);
    }
    await expectError(core.call('audits.update', { id: audit.id, title: 'x' }), 'rule_violation', /closed/);
    const h = await core.call('history.list', { entityId: audit.id });
    expect(h.filter((e) => e.action === 'status')).toHaveLength(8);
  });

  it('puts the lead in the team, refuses non-auditors and draft template versions', async () => {
    core = testCore();
    const { audit, a1, a2, manager, programmeId, service, t } = await auditSetup(core);
    expect(audit.teamIds).toEqual([a1.id, a2.id]);
    await expectError(
      core.call('audits.update', { id: audit.id, teamIds: [a1.id, manager.id] }),
      'rule_violation',
      /not an auditor/,
    );
    const draft = await core.call('templateVersions.create', { templateId: t.templateId, copyFrom: t.versionId });
    expect(draft.number).toBe(2);
    await expectError(
      core.call('audits.create', {
        programmeId,
        serviceId: service.id,
        templateVersionId: draft.id,
        title: 'x',
        methods: ['survey'],
      }),
      'rule_violation',
      /published/,
    );
  });

  it('keeps responses per auditor, measures agreement and takes a consolidated result', async () => {
    core = testCore();
    const { audit, a1, a2, manager, t, personId } = await auditSetup(core);
    const at = '2026-03-02T10:00:00.000Z';
    await core.call('responses.create', {
      auditId: audit.id,
      criterionId: t.rating,
      auditorId: a1.id,
      rating: 'non_compliant',
      answeredAt: at,
    });
    await core.call('responses.create', {
      auditId: audit.id,
      criterionId: t.rating,
      auditorId: a2.id,
      rating: 'partly_compliant',
      answeredAt: at,
    });
    await core.call('responses.create', {
      auditId: audit.id,
      criterionId: t.number,
      auditorId: a1.id,
      value: 35,
      answeredAt: at,
    });
    await core.call('responses.create', {
      auditId: audit.id,
      criterionId: t.number,
      auditorId: a2.id,
      value: 35,
      answeredAt: at,
    });
    await expectError(
      core.call('responses.create', {
        auditId: audit.id,
        criterionId: t.rating,
        auditorId: a1.id,
        rating: 'compliant',
        answeredAt: at,
      }),
      'rule_violation',
      /already answered/,
    );
    await expectError(
      core.call('responses.create', {
        auditId: audit.id,
        criterionId: t.choice,
        auditorId: manager.id,
        value: 1,
        answeredAt: at,
      }),
      'rule_violation',
      /team/,
    );
    await expectError(
      core.call('responses.create', {
        auditId: audit.id,
        criterionId: t.choice,
        auditorId: a1.id,
        value: 7,
        answeredAt: at,
      }),
      'rule_violation',
      /options/,
    );
    const agreement = await core.call('audits.agreement', { id: audit.id });
    expect(agreement).toMatchObject({ comparable: 2, agreeing: 1, agreement: 0.5 });
    expect(agreement.disagreements[0]?.criterionId).toBe(t.rating);
    const c = await core.call('consolidatedResults.create', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      note: 'Agreed after comparing photos',
      decidedBy: personId,
    });
    expect((await core.call('consolidatedResults.list', { auditId: audit.id }))[0]?.id).toBe(c.id);
  });

  it('stores attachments by SHA-256 and links observations to criteria of the pinned version', async () => {
    core = testCore();
    const { audit, a1, t } = await auditSetup(core);
    const o = await core.call('observations.create', {
      auditId: audit.id,
      authorId: a1.id,
      observedAt: '2026-03-02T10:05:00.000+01:00',
      method: 'site_visit',
      narrative: 'Only Spanish signage at the reception desk.',
      grounds: ['language'],
      criterionIds: [t.rating],
      personalData: false,
    });
    expect(o.criterionIds).toEqual([t.rating]);
    const content = Buffer.from('a photo of the reception desk');
    const att = await core.call('attachments.create', {
      auditId: audit.id,
      observationId: o.id,
      fileName: 'desk.jpg',
      mediaType: 'image/jpeg',
      contentBase64: content.toString('base64'),
    });
    const sha = createHash('sha256').update(content).digest('hex');
    expect(att).toMatchObject({ sha256: sha, size: content.length });
    expect(readFileSync(attachmentPath(`${core.dataDir}/attachments`, sha))).toEqual(content);
    await expectError(
      core.call('attachments.create', { auditId: audit.id, fileName: '../evil', contentBase64: 'AA==' }),
      'invalid_input',
    );
  });
});

describe('templates', () => {
  it('freezes a published version and copies it into a new draft', async () => {
    core = testCore();
    await withProgramme(core);
    const t = await template(core);
    await expectError(
      core.call('criteria.update', { id: t.rating, text: { en: 'changed' } }),
      'rule_violation',
      /frozen/,
    );
    await expectError(
      core.call('sections.create', { versionId: t.versionId, position: 1, title: { en: 'x' } }),
      'rule_violation',
      /frozen/,
    );
    const v2 = await core.call('templateVersions.create', { templateId: t.templateId, copyFrom: t.versionId });
    const copied = await core.call('criteria.list', { versionId: v2.id });
    expect(copied.map((c) => c.text.en)).toEqual([
      'Signs in several languages',
      'Minutes waited',
      'Interpreter offered',
    ]);
    await core.call('criteria.update', { id: copied[0]!.id, text: { en: 'changed', es: 'cambiado' } });
    expect((await core.call('criteria.get', { id: t.rating })).text.en).toBe('Signs in several languages');
  });
});

describe('findings to action plan', () => {
  it('links evidence of the same audit, requires justifications and status reasons', async () => {
    core = testCore();
    const { audit, a1, manager, t, programmeId } = await auditSetup(core);
    const r = await core.call('responses.create', {
      auditId: audit.id,
      criterionId: t.rating,
      auditorId: a1.id,
      rating: 'non_compliant',
      answeredAt: '2026-03-02T10:00:00.000Z',
    });
    const f = await core.call('findings.create', {
      auditId: audit.id,
      title: 'Reception information only in Spanish',
      criterion: 'Information should be available in the main languages of the population.',
      condition: 'All signs and forms are in Spanish only.',
      cause: 'No language policy for the service.',
      effect: 'Residents who do not read Spanish cannot file complaints unaided.',
      severity: 'high',
      type: 'structural',
      structuralKind: 'communication_language',
      grounds: ['language', 'nationality'],
      evidence: [{ kind: 'response', id: r.id }],
    });
    await expectError(
      core.call('findings.update', { id: f.id, evidence: [{ kind: 'observation', id: crypto.randomUUID() }] }),
      'not_found',
    );
    const rec = await core.call('recommendations.create', {
      auditId: audit.id,
      title: 'Translate reception material',
      findingIds: [f.id],
    });
    await expectError(
      core.call('managementResponses.create', {
        recommendationId: rec.id,
        managerId: manager.id,
        decision: 'rejected',
        respondedAt: '2026-04-01T09:00:00.000Z',
      }),
      'invalid_input',
      /justification/,
    );
    const mr = await core.call('managementResponses.create', {
      recommendationId: rec.id,
      managerId: manager.id,
      decision: 'partly_accepted',
      justification: 'Budget allows two languages this year.',
      respondedAt: '2026-04-01T09:00:00.000Z',
    });
    await expectError(
      core.call('managementResponses.update', { id: mr.id, justification: ' ' }),
      'rule_violation',
      /justification/,
    );
    const m = await core.call('measures.create', {
      programmeId,
      title: 'Multilingual reception',
      actionArea: 'services_to_citizens',
      recommendationIds: [rec.id],
    });
    await expectError(core.call('measures.update', { id: m.id, status: 'delayed' }), 'rule_violation', /reason/);
    await core.call('measures.update', { id: m.id, status: 'delayed', statusReason: 'Translator contract pending' });
    await core.call('progressUpdates.create', {
      measureId: m.id,
      date: '2026-06-30',
      status: 'in_progress',
      indicatorValue: 1,
    });
    expect(await core.call('progressUpdates.list', { measureId: m.id })).toHaveLength(1);
    expect((await core.call('managementResponses.list', { auditId: audit.id }))[0]?.id).toBe(mr.id);
  });
});
