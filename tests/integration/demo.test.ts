/**
 * The demo programme loaded into a real core (SQLite on a temporary folder): every call passes
 * the real rules, the counts match demo.json, and the records are attributed to their owners.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/core/seed/demo';
import { DemoFile } from '../../src/main/core/seed/demoFile';
import { testCore, type TestCore } from './helpers/core';

const demo = DemoFile.parse(
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'resources', 'demo', 'demo.json'), 'utf8')),
);

let core: TestCore;
afterEach(() => core?.cleanup());

describe('loadDemo with the real core', () => {
  it('creates the whole demo programme', async () => {
    core = testCore();
    await loadDemo(core.call);

    const session = await core.call('session.get', {});
    expect(session.currentPerson?.role).toBe('coordinator');
    expect(session.programme?.city).toBe(demo.programme.city);

    expect(await core.call('people.list', {})).toHaveLength(demo.people.length);
    expect(await core.call('services.list', {})).toHaveLength(demo.services.length);
    expect(await core.call('templates.list', {})).toHaveLength(demo.templates.length);

    const audits = await core.call('audits.list', {});
    expect(audits.map((a) => [a.title, a.status]).sort()).toEqual(demo.audits.map((a) => [a.title, a.status]).sort());

    for (const a of audits) {
      const source = demo.audits.find((d) => d.title === a.title)!;
      expect(await core.call('observations.list', { auditId: a.id })).toHaveLength(source.observations.length);
      expect(await core.call('situationTests.list', { auditId: a.id })).toHaveLength(source.situationTests.length);
      const responses = await core.call('responses.list', { auditId: a.id });
      expect(responses).toHaveLength(source.responses.length);
      expect(await core.call('consolidatedResults.list', { auditId: a.id })).toHaveLength(
        source.consolidatedResults.length,
      );
      expect(await core.call('findings.list', { auditId: a.id })).toHaveLength(source.findings.length);
      expect(await core.call('recommendations.list', { auditId: a.id })).toHaveLength(source.recommendations.length);
      expect(await core.call('managementResponses.list', { auditId: a.id })).toHaveLength(
        source.managementResponses.length,
      );

      const agreement = await core.call('audits.agreement', { id: a.id });
      expect(agreement.disagreements.length).toBeGreaterThan(0);
      expect(agreement.agreement).toBeGreaterThan(0.5);

      // Each response is attributed to the auditor who gave it.
      for (const r of responses) expect(r.createdBy).toBe(r.auditorId);
    }

    const measures = await core.call('measures.list', {});
    expect(measures).toHaveLength(demo.measures.length);
    let updates = 0;
    for (const m of measures) updates += (await core.call('progressUpdates.list', { measureId: m.id })).length;
    expect(updates).toBe(demo.measures.reduce((t, m) => t + m.progress.length, 0));
  });
});

describe('the demo workspace', () => {
  it('is kept apart from the user own programme, and switching back restores it', async () => {
    core = testCore();
    const mine = await core.call('session.begin', { displayName: 'Me', role: 'coordinator', code: 'ME-1' });
    await core.call('programmes.create', { name: 'My programme', city: 'My city' });

    const inDemo = await core.call('session.openWorkspace', { workspace: 'demo' });
    expect(inDemo).toMatchObject({
      workspace: 'demo',
      programme: { city: demo.programme.city },
      currentPerson: { role: 'coordinator' },
    });
    expect((await core.call('people.list', {})).map((p) => p.code)).not.toContain('ME-1');
    await core.call('services.create', { programmeId: inDemo.programme!.id, name: 'Changed in the demo' });

    const back = await core.call('session.openWorkspace', { workspace: 'main' });
    expect(back).toMatchObject({
      workspace: 'main',
      programme: { name: 'My programme' },
      currentPerson: { id: mine.currentPerson!.id },
    });
    expect(await core.call('services.list', {})).toEqual([]);

    // Reopening the demo keeps what was done there: it is built once, not on every open.
    await core.call('session.openWorkspace', { workspace: 'demo' });
    expect((await core.call('services.list', {})).map((s) => s.name)).toContain('Changed in the demo');
  });
});
