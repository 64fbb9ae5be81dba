/** Opens a real core on a fresh temporary data folder, with outputs checked against the contract. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../../src/main/core';
import type { Clock } from '../../../src/main/core/workspace';

export interface TestCore extends Core {
  cleanup(): void;
}

/** A clock that advances one second per call and hands out sequential UUIDs. */
export function frozenClock(start = '2026-03-01T09:00:00.000Z'): Clock {
  let t = Date.parse(start);
  let n = 0;
  return {
    now: () => new Date((t += 1000)).toISOString(),
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
}

export function testCore(options: { clock?: Clock; dataDir?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ca-core-'));
  const logged: unknown[] = [];
  const core = openCore({ dataDir, checkOutputs: true, clock: options.clock, log: (e) => logged.push(e) });
  return {
    ...core,
    cleanup() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a session as a coordinator and creates a programme; returns their ids. */
export async function withProgramme(core: Core): Promise<{ personId: string; programmeId: string }> {
  const s = await core.call('session.begin', {
    displayName: 'Carmen Coordinator',
    role: 'coordinator',
    code: 'COORD-1',
  });
  const p = await core.call('programmes.create', { name: 'Audit programme 2026', city: 'Villa Test' });
  return { personId: s.currentPerson!.id, programmeId: p.id };
}

/** A published one-section template with a rating, a number and a choice criterion. */
export async function template(c: Core) {
  const t = await c.call('templates.create', { name: { en: 'Front office', es: 'Atención' } });
  const v = await c.call('templateVersions.create', { templateId: t.id });
  const s = await c.call('sections.create', { versionId: v.id, position: 0, title: { en: 'Reception' } });
  const rating = await c.call('criteria.create', {
    sectionId: s.id,
    position: 0,
    text: { en: 'Signs in several languages' },
  });
  const number = await c.call('criteria.create', {
    sectionId: s.id,
    position: 1,
    text: { en: 'Minutes waited' },
    responseType: 'number',
  });
  const choice = await c.call('criteria.create', {
    sectionId: s.id,
    position: 2,
    text: { en: 'Interpreter offered' },
    responseType: 'choice',
    choices: [{ en: 'Never' }, { en: 'On request' }, { en: 'Always' }],
  });
  await c.call('templateVersions.publish', { id: v.id });
  return {
    templateId: t.id,
    versionId: v.id,
    sectionId: s.id,
    rating: rating.id,
    number: number.id,
    choice: choice.id,
  };
}

export async function auditSetup(c: Core) {
  const { programmeId, personId } = await withProgramme(c);
  const manager = await c.call('people.create', { displayName: 'Marta Manager', role: 'manager', code: 'MGR-1' });
  const a1 = await c.call('people.create', {
    displayName: 'Ana Auditor',
    role: 'auditor',
    code: 'AUD-01',
    certificationDate: '2026-01-15',
  });
  const a2 = await c.call('people.create', { displayName: 'Bilal Auditor', role: 'auditor', code: 'AUD-02' });
  const service = await c.call('services.create', {
    programmeId,
    name: 'Local Police — Central Station',
    managerId: manager.id,
  });
  const t = await template(c);
  const audit = await c.call('audits.create', {
    programmeId,
    serviceId: service.id,
    templateVersionId: t.versionId,
    title: 'Police reception audit',
    methods: ['site_visit', 'situation_testing'],
    leadId: a1.id,
    teamIds: [a2.id],
  });
  return { programmeId, personId, manager, a1, a2, service, t, audit };
}
