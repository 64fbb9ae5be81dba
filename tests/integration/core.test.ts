/**
 * The core's domain behaviour through the API contract, against a real SQLite database:
 * attribution and history, the audit flow, per-auditor answers, frozen template versions,
 * attachments by SHA-256, and the rules the product names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { attachmentPath } from '../../src/main/core/services/audits';
import { as, auditSetup, expectError, template, testCore, withProgramme, type TestCore } from './helpers/core';

let core: TestCore;
afterEach(() => core?.cleanup());

describe('session and attribution', () => {
  it('refuses changes until someone is chosen, then attributes every change and records its history', async () => {
    core = testCore();
    expect((await core.call('session.get', {})).currentPerson).toBeNull();
    await expectError(core.call('programme.setUp', { name: 'P', city: 'C' }), 'no_current_person');
    const { personId, programmeId } = await withProgramme(core);
    const updated = await core.call('programme.update', { id: programmeId, rev: 1, city: 'Villa Nueva' });
    expect(updated).toMatchObject({ createdBy: personId, updatedBy: personId, rev: 2, city: 'Villa Nueva' });
    const history = (await core.call('history.list', { entityId: programmeId })).items;
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    // A change keeps only what it changed; a creation, the whole record.
    expect(history[0]).toMatchObject({
      personId,
      changes: { city: ['Villa Test', 'Villa Nueva'] },
      before: null,
      after: null,
    });
    expect(Object.keys(history[0]!.changes!)).toEqual(['city']);
    expect(history[1]).toMatchObject({
      action: 'create',
      after: { city: 'Villa Test', name: 'Audit programme 2026' },
      changes: null,
    });
  });

  it('switches the current person and refuses an unknown one', async () => {
    core = testCore();
    await withProgramme(core);
    const a = await core.call('people.create', { displayName: 'Ana', role: 'auditor', code: 'AUD-01' });
    expect((await core.call('session.setCurrentPerson', { personId: a.id })).currentPerson?.code).toBe('AUD-01');
    await expectError(core.call('session.setCurrentPerson', { personId: crypto.randomUUID() }), 'not_found');
  });

  it('begins only once: a second "who are you?" cannot create a person past the people screen', async () => {
    core = testCore();
    await withProgramme(core);
    await expectError(
      core.call('session.begin', { displayName: 'Intruder', role: 'coordinator', code: 'X-1' }),
      'rule_violation',
      /already has people/,
    );
  });

  it('keeps auditor codes unique, case-insensitively, among active people, without naming the other person', async () => {
    core = testCore();
    await withProgramme(core);
    const a = await core.call('people.create', { displayName: 'Ana Pérez', role: 'auditor', code: 'AUD-01' });
    const refused = core.call('people.create', { displayName: 'Other', role: 'auditor', code: 'aud-01' });
    await expect(refused).rejects.toMatchObject({
      code: 'rule_violation',
      rule: { key: 'personCodeTaken', params: { code: 'aud-01' } },
      field: 'code',
    });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringContaining('Ana') });
    await core.call('people.archive', { id: a.id, rev: a.rev });
    await core.call('people.create', { displayName: 'Other', role: 'auditor', code: 'aud-01' });
    expect((await core.call('people.list', {})).items.map((p) => p.code)).toEqual(['COORD-1', 'aud-01']);
    expect((await core.call('people.list', { includeArchived: true })).items).toHaveLength(3);
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
  it('moves status only by its steps, filling in the actual dates', async () => {
    core = testCore();
    const { audit } = await auditSetup(core);
    expect(audit.status).toBe('fieldwork');
    expect(audit.actualStart).toMatch(/^\d{4}-\d\d-\d\d$/);
    await expectError(
      core.call('audits.markReported', { id: audit.id, rev: audit.rev }),
      'rule_violation',
      /cannot move from Fieldwork to Reported/,
    );
    let a = audit;
    for (const step of [
      'submit',
      'startReview',
      'returnToFieldwork',
      'submit',
      'startReview',
      'markReported',
      'close',
    ] as const) {
      a = await core.call(`audits.${step}`, { id: a.id, rev: a.rev });
    }
    expect(a.status).toBe('closed');
    await expectError(core.call('audits.update', { id: a.id, rev: a.rev, title: 'x' }), 'rule_violation', /closed/);
    const h = (await core.call('history.list', { entityId: audit.id })).items;
    expect(h.filter((e) => e.action === 'status')).toHaveLength(8);
  });

  it('puts the lead in the team, refuses non-auditors and draft template versions', async () => {
    core = testCore();
    const { audit, a1, a2, manager, service, t } = await auditSetup(core);
    expect(audit.teamIds).toEqual([a1.id, a2.id]);
    await expectError(
      core.call('audits.update', { id: audit.id, rev: audit.rev, teamIds: [a1.id, manager.id] }),
      'rule_violation',
      /MGR-1 is not an auditor/,
    );
    const draft = await core.call('templateVersions.startDraft', { templateId: t.templateId, copyFrom: t.versionId });
    expect(draft.number).toBe(2);
    await expectError(
      core.call('audits.plan', { serviceId: service.id, templateVersionId: draft.id, title: 'x', methods: ['survey'] }),
      'rule_violation',
      /published/,
    );
  });

  it('keeps answers per auditor, measures agreement and takes a consolidated result', async () => {
    core = testCore();
    const { audit, a1, a2, manager, t, coordinatorId } = await auditSetup(core);
    await as(core, a1.id);
    const r1 = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      rev: null,
    });
    expect(r1).toMatchObject({ auditorId: a1.id, createdBy: a1.id, rev: 1 });
    await core.call('audits.recordAnswer', { auditId: audit.id, criterionId: t.number, value: 35, rev: null });
    await expectError(
      core.call('audits.recordAnswer', { auditId: audit.id, criterionId: t.choice, value: 7, rev: null }),
      'rule_violation',
      /answered with: Choice/,
    );
    // A second "first answer" to the same criterion is a conflict: the caller missed the first.
    await expectError(
      core.call('audits.recordAnswer', { auditId: audit.id, criterionId: t.rating, rating: 'compliant', rev: null }),
      'conflict',
    );
    const changed = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'partly_compliant',
      rev: r1.rev,
    });
    expect(changed).toMatchObject({ id: r1.id, rev: 2, rating: 'partly_compliant' });
    await as(core, a2.id);
    await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      rev: null,
    });
    await core.call('audits.recordAnswer', { auditId: audit.id, criterionId: t.number, value: 35, rev: null });
    await expectError(
      core.call('audits.withdrawAnswer', { id: r1.id, rev: changed.rev }),
      'forbidden',
      /Only the auditor/,
    );
    await as(core, manager.id);
    await expectError(
      core.call('audits.recordAnswer', { auditId: audit.id, criterionId: t.choice, value: 1, rev: null }),
      'forbidden',
      /Working as Manager/,
    );
    await as(core, coordinatorId);
    const agreement = await core.call('audits.agreement', { id: audit.id });
    expect(agreement).toMatchObject({ comparable: 2, agreeing: 1, agreement: 0.5, kappaMethod: 'cohen' });
    expect(agreement.disagreements[0]?.criterionId).toBe(t.rating);
    await as(core, coordinatorId);
    const c = await core.call('audits.consolidate', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      note: 'Agreed after comparing photos',
      rev: null,
    });
    expect(c).toMatchObject({ decidedBy: coordinatorId });
    expect((await core.call('audits.consolidatedResults', { auditId: audit.id })).items[0]?.id).toBe(c.id);
  });

  it('stores attachments by SHA-256 and links observations to criteria of the pinned version', async () => {
    core = testCore();
    const { audit, a1, t } = await auditSetup(core);
    await as(core, a1.id);
    const o = await core.call('observations.record', {
      auditId: audit.id,
      observedAt: '2026-03-02T10:05:00.000+01:00',
      method: 'site_visit',
      narrative: 'Only Spanish signage at the reception desk.',
      grounds: ['language'],
      criterionIds: [t.rating],
      personalData: false,
    });
    expect(o).toMatchObject({ criterionIds: [t.rating], grounds: ['language'], authorId: a1.id });
    const content = Buffer.from('a photo of the reception desk');
    const att = await core.call('attachments.add', {
      auditId: audit.id,
      observationId: o.id,
      fileName: 'desk.jpg',
      mediaType: 'image/jpeg',
      contentBase64: content.toString('base64'),
    });
    const sha = createHash('sha256').update(content).digest('hex');
    expect(att).toMatchObject({ sha256: sha, size: content.length });
    expect(readFileSync(attachmentPath(`${core.dataDir}/attachments`, sha))).toEqual(content);
    // The bytes come back for previews, and a file changed on disk is refused, not shown.
    const back = await core.call('attachments.content', { id: att.id });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(content);
    writeFileSync(attachmentPath(`${core.dataDir}/attachments`, sha), 'tampered');
    await expectError(core.call('attachments.content', { id: att.id }), 'rule_violation', /missing or damaged/);
    await expectError(
      core.call('attachments.add', { auditId: audit.id, fileName: '../evil', contentBase64: 'AA==' }),
      'invalid_input',
    );
  });
});

describe('templates', () => {
  it('freezes a published version and copies it into a new draft', async () => {
    core = testCore();
    await withProgramme(core);
    const t = await template(core);
    const frozen = (await core.call('templateVersions.checklist', { id: t.versionId })).sections[0]!.criteria[0]!;
    await expectError(
      core.call('criteria.edit', { id: frozen.id, rev: frozen.rev, text: { en: 'x' } }),
      'rule_violation',
      /frozen/,
    );
    await expectError(
      core.call('sections.add', { versionId: t.versionId, title: { en: 'x' } }),
      'rule_violation',
      /frozen/,
    );
    const v2 = await core.call('templateVersions.startDraft', { templateId: t.templateId, copyFrom: t.versionId });
    await expectError(
      core.call('templateVersions.startDraft', { templateId: t.templateId }),
      'rule_violation',
      /already has a draft/,
    );
    const copied = (await core.call('templateVersions.checklist', { id: v2.id })).sections[0]!.criteria;
    expect(copied.map((c) => c.text.en)).toEqual([
      'Signs in several languages',
      'Minutes waited',
      'Interpreter offered',
    ]);
    expect(copied[0]!.grounds).toEqual(['language']);
    await core.call('criteria.edit', {
      id: copied[0]!.id,
      rev: copied[0]!.rev,
      text: { en: 'changed', es: 'cambiado' },
    });
    const original = (await core.call('templateVersions.checklist', { id: t.versionId })).sections[0]!.criteria[0]!;
    expect(original.text.en).toBe('Signs in several languages');
  });

  it('keeps positions 0..n-1 as sections and criteria are added, moved and removed', async () => {
    core = testCore();
    await withProgramme(core);
    const { version } = await core.call('templates.create', { name: { en: 'T' } });
    const s1 = await core.call('sections.add', { versionId: version.id, title: { en: 'one' } });
    const s0 = await core.call('sections.add', { versionId: version.id, title: { en: 'zero' }, position: 0 });
    const s2 = await core.call('sections.add', { versionId: version.id, title: { en: 'two' } });
    const titles = async () =>
      (await core.call('templateVersions.checklist', { id: version.id })).sections.map((s) => [s.title.en, s.position]);
    expect(await titles()).toEqual([
      ['zero', 0],
      ['one', 1],
      ['two', 2],
    ]);
    const c = await core.call('criteria.add', { sectionId: s0.id, text: { en: 'a' } });
    await core.call('criteria.add', { sectionId: s0.id, text: { en: 'b' } });
    const moved = await core.call('criteria.move', { id: c.id, rev: c.rev, sectionId: s2.id, position: 0 });
    expect(moved).toMatchObject({ sectionId: s2.id, position: 0 });
    const checklist = await core.call('templateVersions.checklist', { id: version.id });
    expect(checklist.sections.map((s) => s.criteria.map((x) => [x.text.en, x.position]))).toEqual([
      [['b', 0]],
      [],
      [['a', 0]],
    ]);
    const fresh1 = await core.call('templateVersions.checklist', { id: version.id });
    const one = fresh1.sections.find((s) => s.id === s1.id)!;
    await core.call('sections.remove', { id: one.id, rev: one.rev });
    expect(await titles()).toEqual([
      ['zero', 0],
      ['two', 1],
    ]);
  });
});

describe('findings to action plan', () => {
  it('links evidence of the same audit, requires justifications, and answers come from the service manager', async () => {
    core = testCore();
    const { audit, a1, manager, t, coordinatorId } = await auditSetup(core);
    await as(core, a1.id);
    const r = await core.call('audits.recordAnswer', {
      auditId: audit.id,
      criterionId: t.rating,
      rating: 'non_compliant',
      rev: null,
    });
    await as(core, coordinatorId);
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
    expect(f.evidence).toEqual([{ kind: 'response', id: r.id }]);
    expect(
      (await core.call('findings.list', { cites: { kind: 'response', id: r.id } })).items.map((x) => x.id),
    ).toEqual([f.id]);
    await expectError(
      core.call('findings.update', {
        id: f.id,
        rev: f.rev,
        evidence: [{ kind: 'observation', id: crypto.randomUUID() }],
      }),
      'not_found',
    );
    const rec = await core.call('recommendations.create', {
      auditId: audit.id,
      title: 'Translate reception material',
      findingIds: [f.id],
    });
    await expectError(
      core.call('recommendations.answer', { recommendationId: rec.id, decision: 'accepted', rev: null }),
      'forbidden',
      /Working as Coordinator/,
    );
    await as(core, manager.id);
    // Refused by the core's rule, with its translation key and the field it concerns.
    await expect(
      core.call('recommendations.answer', { recommendationId: rec.id, decision: 'rejected', rev: null }),
    ).rejects.toMatchObject({
      code: 'rule_violation',
      field: 'justification',
      rule: { key: 'answerJustificationRequired' },
    });
    const mr = await core.call('recommendations.answer', {
      recommendationId: rec.id,
      decision: 'partly_accepted',
      justification: 'Budget allows two languages this year.',
      rev: null,
    });
    expect(mr).toMatchObject({ managerId: manager.id });
    await expectError(
      core.call('recommendations.answer', {
        recommendationId: rec.id,
        decision: 'partly_accepted',
        justification: ' ',
        rev: mr.rev,
      }),
      'rule_violation',
      /justification/,
    );
    expect((await core.call('recommendations.answers', { auditId: audit.id })).items[0]?.id).toBe(mr.id);
  });

  it("derives a measure's status from its latest progress update", async () => {
    core = testCore();
    await withProgramme(core);
    const m = await core.call('measures.create', {
      title: 'Multilingual reception',
      actionArea: 'services_to_citizens',
    });
    expect(m).toMatchObject({ status: 'not_started', statusReason: '' });
    await expectError(
      core.call('measures.recordProgress', { measureId: m.id, date: '2026-06-30', status: 'delayed' }),
      'invalid_input',
      /reason/,
    );
    await core.call('measures.recordProgress', {
      measureId: m.id,
      date: '2026-04-30',
      status: 'in_progress',
      indicatorValue: 1,
    });
    const delayed = await core.call('measures.recordProgress', {
      measureId: m.id,
      date: '2026-06-30',
      status: 'delayed',
      note: 'Translator contract pending',
    });
    expect(await core.call('measures.get', { id: m.id })).toMatchObject({
      status: 'delayed',
      statusReason: 'Translator contract pending',
    });
    // A late entry about an earlier date does not change the current status.
    await core.call('measures.recordProgress', { measureId: m.id, date: '2026-05-15', status: 'in_progress' });
    expect((await core.call('measures.get', { id: m.id })).status).toBe('delayed');
    // Withdrawing the latest update brings back the one before it.
    await core.call('measures.withdrawProgress', { id: delayed.id, rev: delayed.rev });
    expect(await core.call('measures.get', { id: m.id })).toMatchObject({ status: 'in_progress', statusReason: '' });
    expect((await core.call('measures.progress', { measureId: m.id })).items).toHaveLength(2);
  });
});
