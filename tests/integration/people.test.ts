/**
 * People's rules a newcomer met (issue 7): a certification date in the future is refused on its
 * field; archiving a person leaves the services they managed and the measures they were
 * responsible for without one, each change in the history, so no screen shows an archived
 * manager as "no manager" while the record still names them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditSetup,
  databaseOf,
  dumpDatabase,
  frozenClock,
  testCore,
  withProgramme,
  type TestCore,
} from './helpers/core';

let core: TestCore;
afterEach(() => core.cleanup());

describe('certification dates', () => {
  it('refuses a certification date after today, on its field, and accepts today', async () => {
    core = testCore({ clock: frozenClock('2026-03-01T09:00:00.000Z') });
    await withProgramme(core);
    const before = dumpDatabase(databaseOf(core));
    const env = await core.dispatch('people.create', {
      displayName: 'Future',
      role: 'auditor',
      code: 'AUD-05',
      certificationDate: '2026-03-02',
    });
    expect(env).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', rule: { key: 'personCertificationFuture' }, field: 'certificationDate' },
    });
    expect(dumpDatabase(databaseOf(core))).toBe(before);
    const today = await core.call('people.create', {
      displayName: 'Today',
      role: 'auditor',
      code: 'AUD-06',
      certificationDate: '2026-03-01',
    });
    await expect(
      core.call('people.update', { id: today.id, rev: today.rev, certificationDate: '2027-01-01' }),
    ).rejects.toMatchObject({ rule: { key: 'personCertificationFuture' } });
  });
});

describe('archiving a person who is still assigned', () => {
  it('leaves their services and measures without a manager or responsible person, with history', async () => {
    core = testCore();
    const s = await auditSetup(core);
    const measure = await core.call('measures.create', {
      title: 'Train staff',
      actionArea: 'training_awareness',
      responsibleId: s.manager.id,
    });
    const manager = await core.call('people.get', { id: s.manager.id });
    await core.call('people.archive', { id: manager.id, rev: manager.rev });
    const service = await core.call('services.get', { id: s.service.id });
    expect(service.managerId).toBeNull();
    expect((await core.call('measures.get', { id: measure.id })).responsibleId).toBeNull();
    const history = await core.call('history.list', { entity: 'service', entityId: s.service.id });
    expect(history.items.map((h) => h.action)).toContain('update');
    // The audit team keeps who did the work.
    expect((await core.call('audits.get', { id: s.audit.id })).teamIds).toContain(s.a1.id);
  });
});
