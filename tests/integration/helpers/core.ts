/** Opens a real core on a fresh temporary data folder, with outputs checked against the contract. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCore, type Core } from '../../../src/main/core';
import type { Clock } from '../../../src/main/core/workspace';
import { openDatabase } from '../../../src/main/core/db/open';

export interface TestCore extends Core {
  /** Errors the core logged (unexpected ones only: rule refusals are not logged). */
  logged: unknown[];
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
    logged,
    cleanup() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every table of a database file, row by row, as one string: equal strings mean equal data. */
export function dumpDatabase(file: string): string {
  const db = openDatabase(file);
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[];
    // Tables WITHOUT ROWID (FTS5's own) are ordered by all their columns.
    const withoutRowid = new Set(
      (db.pragma('table_list') as { name: string; wr: number }[]).filter((t) => t.wr).map((t) => t.name),
    );
    const order = (table: string) =>
      withoutRowid.has(table)
        ? (db.pragma(`table_info("${table}")`) as { cid: number }[]).map((c) => c.cid + 1).join(', ')
        : 'rowid';
    return JSON.stringify(
      tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order(t.name)}`).all()]),
    );
  } finally {
    db.close();
  }
}

/** The main workspace's database file of a core. */
export const databaseOf = (core: Core): string => join(core.dataDir, 'citizen-audit.sqlite');

/** Expects the call to be refused with `code` (and a message matching `message`). */
export async function expectError(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await expect(p).rejects.toMatchObject({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });
}

/** Starts a session as a coordinator and sets up the programme; returns their ids. */
export async function withProgramme(core: Core): Promise<{ personId: string; programmeId: string }> {
  const s = await core.call('session.begin', {
    displayName: 'Carmen Coordinator',
    role: 'coordinator',
    code: 'COORD-1',
  });
  const p = await core.call('programme.setUp', { name: 'Audit programme 2026', city: 'Villa Test' });
  return { personId: s.currentPerson!.id, programmeId: p.id };
}

/** Works as `personId` from now on. */
export async function as(core: Core, personId: string): Promise<void> {
  await core.call('session.setCurrentPerson', { personId });
}

/** A published one-section template with a rating, a number and a choice criterion. */
export async function template(c: Core) {
  const { template: t, version: v } = await c.call('templates.create', {
    name: { en: 'Front office', es: 'Atención' },
  });
  const s = await c.call('sections.add', { versionId: v.id, title: { en: 'Reception' } });
  const rating = await c.call('criteria.add', {
    sectionId: s.id,
    text: { en: 'Signs in several languages' },
    grounds: ['language'],
  });
  const number = await c.call('criteria.add', {
    sectionId: s.id,
    text: { en: 'Minutes waited' },
    responseType: 'number',
  });
  const choice = await c.call('criteria.add', {
    sectionId: s.id,
    text: { en: 'Interpreter offered' },
    responseType: 'choice',
    choices: [{ en: 'Never' }, { en: 'On request' }, { en: 'Always' }],
  });
  const published = await c.call('templateVersions.publish', { id: v.id, rev: v.rev });
  return {
    templateId: t.id,
    versionId: v.id,
    version: published,
    sectionId: s.id,
    rating: rating.id,
    number: number.id,
    choice: choice.id,
  };
}

/**
 * A programme with a manager, two auditors (a1 leads), a service managed by the manager, a
 * published template and an audit of the service in fieldwork. The session works as the
 * coordinator at the end.
 */
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
  const service = await c.call('services.create', { name: 'Local Police — Central Station', managerId: manager.id });
  const t = await template(c);
  const planned = await c.call('audits.plan', {
    serviceId: service.id,
    templateVersionId: t.versionId,
    title: 'Police reception audit',
    methods: ['site_visit', 'situation_testing'],
    leadId: a1.id,
    teamIds: [a2.id],
  });
  const audit = await c.call('audits.startFieldwork', { id: planned.id, rev: planned.rev });
  return { programmeId, personId, coordinatorId: personId, manager, a1, a2, service, t, audit };
}

/** Takes an audit along its steps to `closed`, starting from fieldwork. */
export async function closeAudit(c: Core, auditId: string): Promise<void> {
  for (const step of ['submit', 'startReview', 'markReported', 'close'] as const) {
    const a = await c.call('audits.get', { id: auditId });
    await c.call(`audits.${step}`, { id: a.id, rev: a.rev });
  }
}

/**
 * One record of every kind an auditor makes in the field (as `a1`, in `auditSetup`'s audit): an
 * answer, an observation, an attachment and a situation test. The session works as the
 * coordinator afterwards.
 */
export async function fieldRecords(c: Core, s: Awaited<ReturnType<typeof auditSetup>>) {
  await as(c, s.a1.id);
  const answer = await c.call('audits.recordAnswer', {
    auditId: s.audit.id,
    criterionId: s.t.rating,
    rating: 'non_compliant',
    rev: null,
  });
  const observation = await c.call('observations.record', {
    auditId: s.audit.id,
    observedAt: '2026-03-02T10:00:00.000Z',
    method: 'site_visit',
    narrative: 'Signs in Spanish only.',
    grounds: ['language'],
  });
  const attachment = await c.call('attachments.add', { auditId: s.audit.id, fileName: 'a.txt', contentBase64: 'YQ==' });
  const test = await c.call('situationTests.record', {
    auditId: s.audit.id,
    scenario: 'Asking for a complaint form',
    conductedOn: '2026-03-03',
    groundTested: 'nationality',
    testerACode: 'AUD-01',
    testerBCode: 'AUD-02',
  });
  await as(c, s.coordinatorId);
  return { answer, observation, attachment, test };
}
