/**
 * The review of an audit's findings (migration 0060): a dismissed suggestion stays dismissed
 * across a restart until it is restored; a recommendation names the service or department it is
 * addressed to; a manager's answer carries the date of the measure committed to; a database of
 * schema 50 is carried over with its recommendations and answers intact.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { asWritable } from '../../src/main/core/db/handles';
import { MIGRATIONS, currentVersion, migrate } from '../../src/main/core/db/migrations';
import { openCore } from '../../src/main/core';
import { as, auditSetup, testCore, type TestCore } from './helpers/core';
import { readDocx } from './helpers/docx';

let core: TestCore | undefined;
afterEach(() => core?.cleanup());

/** An audit with two non-compliant consolidated results and one compliant one. */
async function reviewWorld(c: TestCore) {
  const s = await auditSetup(c);
  await as(c, s.a1.id);
  const results = [];
  for (const [criterionId, rating] of [
    [s.t.rating, 'non_compliant'],
    [s.t.choice, 'non_compliant'],
    [s.t.number, 'compliant'],
  ] as const) {
    results.push(await c.call('audits.consolidate', { auditId: s.audit.id, criterionId, rating, rev: null }));
  }
  await as(c, s.coordinatorId);
  return { ...s, results };
}

describe('dismissed suggestions', () => {
  it('leave the suggestions, survive a restart, come back when restored, and are refused where they make no sense', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-review-'));
    core = testCore({ dataDir: dir });
    const w = await reviewWorld(core);
    const [first, second, compliant] = w.results as [
      (typeof w.results)[0],
      (typeof w.results)[0],
      (typeof w.results)[0],
    ];
    const suggested = async (c: { call: TestCore['call'] }, includeDismissed = false) =>
      (await c.call('findings.suggestFromResults', { auditId: w.audit.id, includeDismissed })).map((s) => [
        s.consolidatedResultId,
        s.dismissal?.id ?? null,
      ]);
    expect(await suggested(core)).toEqual([
      [first.id, null],
      [second.id, null],
    ]);

    const dismissal = await core.call('findings.dismissSuggestion', {
      auditId: w.audit.id,
      consolidatedResultId: first.id,
    });
    expect(await suggested(core)).toEqual([[second.id, null]]);
    await expect(
      core.call('findings.dismissSuggestion', { auditId: w.audit.id, consolidatedResultId: first.id }),
    ).rejects.toMatchObject({ code: 'rule_violation', rule: { key: 'suggestionAlreadyDismissed' } });
    await expect(
      core.call('findings.dismissSuggestion', { auditId: w.audit.id, consolidatedResultId: compliant.id }),
    ).rejects.toMatchObject({ code: 'rule_violation', rule: { key: 'suggestionNotNonCompliant' } });
    await as(core, w.manager.id);
    await expect(
      core.call('findings.dismissSuggestion', { auditId: w.audit.id, consolidatedResultId: second.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await as(core, w.coordinatorId);
    core.close();

    // A restart keeps the dismissal.
    const again = openCore({ dataDir: dir, checkOutputs: true });
    try {
      expect(await suggested(again)).toEqual([[second.id, null]]);
      expect(await suggested(again, true)).toEqual([
        [first.id, dismissal.id],
        [second.id, null],
      ]);
      await again.call('findings.restoreSuggestion', { id: dismissal.id, rev: dismissal.rev });
      expect(await suggested(again)).toEqual([
        [first.id, null],
        [second.id, null],
      ]);
      const history = await again.call('history.list', { entityId: dismissal.id });
      expect(history.items.map((h) => h.action).sort()).toEqual(['archive', 'create']);
    } finally {
      again.close();
    }
  });
});

describe('recommendations and answers', () => {
  it('name whom a recommendation is addressed to and the date of the committed measure', async () => {
    core = testCore();
    const w = await reviewWorld(core);
    const finding = await core.call('findings.create', {
      auditId: w.audit.id,
      title: 'Signs in Spanish only',
      severity: 'high',
      type: 'structural',
      structuralKind: 'communication_language',
      evidence: [{ kind: 'consolidated_result', id: w.results[0]!.id }],
    });
    const toService = await core.call('recommendations.create', {
      auditId: w.audit.id,
      title: 'Translate the signs',
      findingIds: [finding.id],
    });
    expect(toService.addressedTo).toBe('');
    const toDepartment = await core.call('recommendations.create', {
      auditId: w.audit.id,
      title: 'Budget interpreters',
      addressedTo: '  Department of Finance ',
      findingIds: [finding.id],
    });
    expect(toDepartment.addressedTo).toBe('Department of Finance');
    expect((await core.call('recommendations.get', { id: toDepartment.id })).addressedTo).toBe('Department of Finance');
    // At most 200 characters (docs/limits.md).
    const long = await core.call('recommendations.update', {
      id: toDepartment.id,
      rev: toDepartment.rev,
      addressedTo: 'd'.repeat(200),
    });
    await expect(
      core.call('recommendations.update', { id: long.id, rev: long.rev, addressedTo: 'd'.repeat(201) }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: { addressedTo: expect.any(String) } });
    await core.call('recommendations.update', { id: long.id, rev: long.rev, addressedTo: 'Department of Finance' });

    await as(core, w.manager.id);
    const answer = await core.call('recommendations.answer', {
      recommendationId: toService.id,
      decision: 'accepted',
      committedMeasure: 'Signs in four languages',
      committedBy: '2026-09-30',
      rev: null,
    });
    expect(answer.committedBy).toBe('2026-09-30');
    const changed = await core.call('recommendations.answer', {
      recommendationId: toService.id,
      decision: 'partly_accepted',
      justification: 'Two languages this year.',
      committedBy: null,
      rev: answer.rev,
    });
    expect(changed).toMatchObject({ committedBy: null, decision: 'partly_accepted' });
    await expect(
      core.call('recommendations.answer', {
        recommendationId: toDepartment.id,
        decision: 'accepted',
        committedBy: '2026-02-30',
        rev: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });

    await core.call('recommendations.answer', {
      recommendationId: toDepartment.id,
      decision: 'accepted',
      committedBy: '2026-10-15',
      rev: null,
    });

    // The audit report says whom a recommendation addresses beyond the service, and the date.
    await as(core, w.coordinatorId);
    const r = await core.call('reports.generate', {
      kind: 'audit',
      auditId: w.audit.id,
      language: 'en',
      reportDate: '2026-03-31',
    });
    const { text } = await readDocx(Buffer.from(r.contentBase64!, 'base64'));
    expect(text).toContain('Addressed to');
    expect(text).toContain('Department of Finance');
    expect(text.match(/Addressed to/g)).toHaveLength(1);
    expect(text.match(/Committed by/g)).toHaveLength(1);
  });
});

describe('0060-review', () => {
  const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'db', 'demo-0010.sqlite');

  it('carries a schema-50 database over: recommendations addressed to their service, answers without a date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-mig60-'));
    const file = join(dir, 'citizen-audit.sqlite');
    copyFileSync(FIXTURE, file);
    const raw = asWritable(new Database(file));
    migrate(raw, MIGRATIONS, 50);
    expect(currentVersion(raw)).toBe(50);
    const recommendations = raw.prepare(`SELECT id, title FROM recommendation ORDER BY id`).all();
    const answers = raw.prepare(`SELECT id, decision FROM management_response ORDER BY id`).all();
    raw.close();
    expect(recommendations.length).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(0);

    const c = openCore({ dataDir: dir, checkOutputs: true });
    try {
      const after = (await c.call('recommendations.list', { limit: 500 })).items;
      expect(after.map((r) => ({ id: r.id, title: r.title })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        recommendations,
      );
      expect(after.every((r) => r.addressedTo === '')).toBe(true);
      const given = (await c.call('recommendations.answers', { limit: 500 })).items;
      expect(given.map((a) => ({ id: a.id, decision: a.decision })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        answers,
      );
      expect(given.every((a) => a.committedBy === null)).toBe(true);
    } finally {
      c.close();
    }
  });
});
