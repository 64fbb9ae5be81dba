/**
 * The migration machinery and each migration. A fresh database reaches the latest version; a
 * newer one is refused untouched; a failing migration leaves user_version as it was; a damaged
 * file is refused with a clear message. Per migration: migrate to the version before it, insert
 * rows, migrate, check the rows.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { asWritable } from '../../src/main/core/db/handles';
import { LATEST_VERSION, MIGRATIONS, currentVersion, migrate, type Migration } from '../../src/main/core/db/migrations';
import { APPLICATION_ID, openDatabase } from '../../src/main/core/db/open';
import { openCore } from '../../src/main/core';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'ca-mig-')), 'db.sqlite');

describe('migrations', () => {
  it('are numbered in multiples of 10, in increasing order', () => {
    // Branches claim numbers ahead (40 backups, 50 observation search): a gap until both are merged.
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
  });

  it('bring a fresh database to the latest version', () => {
    const db = openDatabase(tempFile());
    expect(currentVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuse a database newer than the app, leaving it untouched', () => {
    const file = tempFile();
    const raw = new Database(file);
    // A database of ours (application_id) written by a newer version.
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const bytes = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'database_too_new', message: expect.stringMatching(/newer version/) }),
    );
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('leave user_version unchanged when a migration fails', () => {
    const db = asWritable(new Database(tempFile()));
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 10,
        name: 'fails halfway',
        up(d) {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(currentVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'half_done'`).get()).toBeUndefined();
    db.close();
  });

  it('refuse a damaged file with a clear message', () => {
    const file = tempFile();
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({
        code: 'database_corrupt',
        message: expect.stringMatching(/damaged|not a Citizen Audit database/),
      }),
    );
  });
});

describe('0010-initial', () => {
  it('creates the domain tables as STRICT, seeds the grounds, and keeps history append-only', () => {
    const db = asWritable(new Database(tempFile()));
    migrate(db, MIGRATIONS, 0);
    expect(currentVersion(db)).toBe(0);
    migrate(db, MIGRATIONS, 10);
    expect(currentVersion(db)).toBe(10);
    const grounds = db.prepare(`SELECT code FROM ground ORDER BY code`).all() as { code: string }[];
    expect(grounds.map((g) => g.code)).toContain('racial_ethnic_origin');
    expect(grounds).toHaveLength(11);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO person (id, display_name, role, code, email, organisation, created_at, updated_at) VALUES ('p1', 'Ana', 'auditor', 'AUD-01', '', '', ?, ?)`,
    ).run(now, now);
    // STRICT: a text where an integer belongs is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO person (id, display_name, role, code, email, organisation, created_at, updated_at, rev) VALUES ('p2', 'B', 'auditor', 'AUD-02', '', '', ?, ?, 'one')`,
        )
        .run(now, now),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    // Foreign keys: a service of a programme that does not exist is refused.
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(
          `INSERT INTO service (id, programme_id, name, department, address, description, created_at, updated_at) VALUES ('s', 'nope', 'x', '', '', '', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO history (entity, entity_id, action, at) VALUES ('person', 'p1', 'create', ?)`).run(now);
    expect(() => db.prepare(`UPDATE history SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM history`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT display_name FROM person WHERE id = 'p1'`).get()).toEqual({ display_name: 'Ana' });
    db.close();
  });
});

describe('0020-relations', () => {
  /**
   * tests/fixtures/db/demo-0010.sqlite was filled by the code of schema 10 (see its README): the
   * demo, plus what 0010 let through — grounds that are no grounds, a response citing a random
   * id, an archived response, measures whose status disagrees with their progress, a second
   * programme.
   */
  const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'db', 'demo-0010.sqlite');

  function copyOfFixture(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ca-mig20-'));
    copyFileSync(FIXTURE, join(dir, 'citizen-audit.sqlite'));
    return dir;
  }

  /** What 0010 stored, read with plain SQL before migrating. */
  function read0010(file: string) {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const lists = (table: string) =>
        Object.fromEntries(
          (db.prepare(`SELECT id, grounds FROM ${table}`).all() as { id: string; grounds: string }[]).map((r) => [
            r.id,
            JSON.parse(r.grounds) as string[],
          ]),
        );
      return {
        counts: Object.fromEntries(
          [
            'person',
            'service',
            'template',
            'criterion',
            'audit',
            'response',
            'consolidated_result',
            'observation',
            'situation_test',
            'finding',
            'recommendation',
            'management_response',
            'measure',
            'history',
          ].map((t) => [t, count(t)]),
        ),
        criterionGrounds: lists('criterion'),
        observationGrounds: lists('observation'),
        findingEvidence: Object.fromEntries(
          (db.prepare(`SELECT id, evidence FROM finding`).all() as { id: string; evidence: string }[]).map((r) => [
            r.id,
            JSON.parse(r.evidence) as { kind: string; id: string }[],
          ]),
        ),
        responseEvidence: Object.fromEntries(
          (
            db.prepare(`SELECT id, audit_id, evidence_ids FROM response`).all() as {
              id: string;
              audit_id: string;
              evidence_ids: string;
            }[]
          ).map((r) => [r.id, JSON.parse(r.evidence_ids) as string[]]),
        ),
        measureStatus: Object.fromEntries(
          (
            db.prepare(`SELECT id, status, status_reason FROM measure`).all() as {
              id: string;
              status: string;
              status_reason: string;
            }[]
          ).map((m) => [m.id, [m.status, m.status_reason]]),
        ),
        observations: new Set((db.prepare(`SELECT id FROM observation`).all() as { id: string }[]).map((r) => r.id)),
        archivedResponse: db
          .prepare(
            `SELECT id, audit_id AS auditId, criterion_id AS criterionId, auditor_id AS auditorId FROM response WHERE archived_at IS NOT NULL`,
          )
          .get() as { id: string; auditId: string; criterionId: string; auditorId: string } | undefined,
      };
    } finally {
      db.close();
    }
  }

  it('carries a database filled by the 0010 code over, data included', async () => {
    const dir = copyOfFixture();
    const file = join(dir, 'citizen-audit.sqlite');
    const old = read0010(file);
    const core = openCore({ dataDir: dir, checkOutputs: true });
    try {
      const db = new Database(file, { readonly: true });
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      // No record lost (history grows by nothing: a migration is not a user's change).
      for (const [table, n] of Object.entries(old.counts)) expect(count(table), table).toBe(n);

      // Grounds: every list kept, in order, as codes that exist; odd texts became codes.
      const grounds = (table: string, owner: string, id: string) =>
        (
          db.prepare(`SELECT ground_code AS g FROM ${table} WHERE ${owner} = ? ORDER BY position`).all(id) as {
            g: string;
          }[]
        ).map((r) => r.g);
      for (const [id, list] of Object.entries(old.criterionGrounds))
        expect(grounds('criterion_ground', 'criterion_id', id)).toEqual(list);
      const odd = Object.entries(old.observationGrounds).find(([, l]) => l.includes('Skin colour!'))!;
      expect(grounds('observation_ground', 'observation_id', odd[0])).toEqual(['star_sign', 'skin_colour', 'language']);
      expect(
        db.prepare(`SELECT ground_tested AS g FROM situation_test WHERE scenario = 'Odd ground tested'`).get(),
      ).toEqual({ g: 'hair_style' });
      const added = db
        .prepare(
          `SELECT code, label FROM ground WHERE code IN ('star_sign', 'skin_colour', 'hair_style') ORDER BY code`,
        )
        .all();
      expect(added).toEqual([
        { code: 'hair_style', label: '{"en":"Hair Style"}' },
        { code: 'skin_colour', label: '{"en":"Skin colour!"}' },
        { code: 'star_sign', label: '{"en":"star_sign"}' },
      ]);

      // Evidence: every finding link kept; response ids kept when they name a record of the audit.
      const evidence = await Promise.all(
        Object.keys(old.findingEvidence).map((id) => core.call('findings.get', { id })),
      );
      for (const f of evidence) expect(f.evidence, f.title).toEqual(old.findingEvidence[f.id]);
      let kept = 0;
      let dropped = 0;
      for (const [id, ids] of Object.entries(old.responseEvidence)) {
        const links = (
          db
            .prepare(`SELECT observation_id AS o FROM evidence_link WHERE citing_response_id = ? ORDER BY position`)
            .all(id) as { o: string }[]
        ).map((r) => r.o);
        const valid = ids.filter((x) => old.observations.has(x));
        expect(links, id).toEqual(valid);
        kept += valid.length;
        dropped += ids.length - valid.length;
      }
      expect(kept).toBeGreaterThan(10);
      expect(dropped).toBe(1);

      // Measures keep the status they had (now derived from progress).
      const measures = (await core.call('measures.list', {})).items;
      expect(measures).toHaveLength(old.counts.measure!);
      for (const m of measures) {
        const [status, reason] = old.measureStatus[m.id]!;
        expect(m.status, m.title).toBe(status);
        if (status === 'cancelled' || status === 'delayed') expect(m.statusReason).toBe(reason);
      }

      // One live programme: the oldest.
      expect(db.prepare(`SELECT name FROM programme WHERE archived_at IS NULL`).all()).toHaveLength(1);
      expect((await core.call('session.get', {})).programme?.name).not.toBe('Second programme');
      db.close();

      // Every record reads back through the API (outputs parsed against the contract).
      for (const a of (await core.call('audits.list', {})).items) {
        await core.call('audits.answers', { auditId: a.id, includeArchived: true });
        await core.call('observations.list', { auditId: a.id });
        await core.call('situationTests.list', { auditId: a.id });
        await core.call('findings.list', { auditId: a.id });
        await core.call('recommendations.answers', { auditId: a.id });
        await core.call('templateVersions.checklist', { id: a.templateVersionId });
      }

      // The archived answer no longer blocks its auditor.
      const archived = old.archivedResponse!;
      const audit = await core.call('audits.get', { id: archived.auditId });
      const back = await core.call('audits.returnToFieldwork', { id: audit.id, rev: audit.rev });
      expect(back.status).toBe('fieldwork');
      await core.call('session.setCurrentPerson', { personId: archived.auditorId });
      const mine = (await core.call('audits.answers', { auditId: audit.id, auditorId: archived.auditorId })).items.find(
        (r) => r.criterionId === archived.criterionId,
      );
      expect(mine).toBeUndefined();
      const again = await core.call('audits.recordAnswer', {
        auditId: audit.id,
        criterionId: archived.criterionId,
        rating: 'compliant',
        rev: null,
      });
      expect(again.auditorId).toBe(archived.auditorId);
    } finally {
      core.close();
    }
  });

  it('refuses to leave a dangling reference: the migration rolls back and the file keeps schema 10', () => {
    const dir = copyOfFixture();
    const file = join(dir, 'citizen-audit.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    // A 0010 database damaged by hand: a service whose manager does not exist.
    raw
      .prepare(`UPDATE service SET manager_id = ? WHERE rowid = (SELECT min(rowid) FROM service)`)
      .run(crypto.randomUUID());
    raw.close();
    expect(() => openDatabase(file)).toThrow(/dangling reference/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    expect(after.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'evidence_link'`).get()).toEqual({
      n: 0,
    });
    after.close();
  });
});

describe('0030-ownership-and-changes', () => {
  it('marks a schema-20 database as ours and keeps its history, which records only changes from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-mig30-'));
    const file = join(dir, 'citizen-audit.sqlite');
    // A database of schema 20 (no application id yet) holding a person and its history.
    const db = asWritable(new Database(file));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 20),
    );
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    const at = '2026-03-01T09:00:00.000Z';
    const id = '00000000-0000-4000-8000-000000000001';
    db.prepare(
      `INSERT INTO person (id, display_name, role, code, email, organisation, certification_date, created_at, updated_at, created_by, updated_by, rev, archived_at)
       VALUES (?, 'Ana Auditor', 'coordinator', 'AUD-01', '', '', NULL, ?, ?, NULL, NULL, 1, NULL)`,
    ).run(id, at, at);
    db.prepare(
      `INSERT INTO history (at, person_id, entity, entity_id, action, before, after) VALUES (?, NULL, 'person', ?, 'create', NULL, ?)`,
    ).run(at, id, JSON.stringify({ id, displayName: 'Ana Auditor' }));
    db.prepare(`INSERT INTO app_setting (key, value) VALUES ('current_person_id', ?)`).run(id);
    expect(currentVersion(db)).toBe(20);
    db.close();

    const core = openCore({ dataDir: dir });
    try {
      const migrated = new Database(file, { readonly: true });
      expect(migrated.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(migrated.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const rows = migrated.prepare(`SELECT entity, action, after, changes FROM history ORDER BY seq`).all();
      expect(rows).toEqual([
        {
          entity: 'person',
          action: 'create',
          after: JSON.stringify({ id, displayName: 'Ana Auditor' }),
          changes: null,
        },
      ]);
      migrated.close();
      // The person reads back, and an update now records only what changed.
      const p = await core.call('people.get', { id });
      expect(p.displayName).toBe('Ana Auditor');
      await core.call('people.update', { id, rev: p.rev, organisation: 'Equality office' });
      const entries = (await core.call('history.list', { entityId: id })).items;
      expect(entries.find((e) => e.action === 'update')?.changes).toEqual({ organisation: ['', 'Equality office'] });
    } finally {
      core.close();
    }
  });
});

describe('0050-observation-search', () => {
  const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'db', 'demo-0010.sqlite');

  it('indexes the observations a schema-30 database holds, and the index follows later changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-mig50-'));
    const file = join(dir, 'citizen-audit.sqlite');
    copyFileSync(FIXTURE, file);
    // A database of the previous version: the demo of 0010 brought to 30, plus an entry in Finnish.
    const raw = asWritable(new Database(file));
    migrate(raw, MIGRATIONS, 30);
    expect(currentVersion(raw)).toBe(30);
    expect(raw.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'observation_fts'`).get()).toBeUndefined();
    const columns = (raw.pragma('table_info(observation)') as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'narrative');
    const finnishId = crypto.randomUUID();
    raw
      .prepare(
        `INSERT INTO observation (id, narrative, ${columns.join(', ')})
         SELECT ?, 'Virkailija oli kärsimätön.', ${columns.join(', ')} FROM observation LIMIT 1`,
      )
      .run(finnishId);
    const old = raw
      .prepare(`SELECT id, audit_id AS auditId, narrative FROM observation WHERE archived_at IS NULL`)
      .all() as { id: string; auditId: string; narrative: string }[];
    raw.close();
    expect(old.length).toBeGreaterThan(10);

    const core = openCore({ dataDir: dir, checkOutputs: true });
    try {
      const finnish = old.find((o) => o.id === finnishId)!;
      const found = await core.call('observations.search', { auditId: finnish.auditId, query: 'karsimaton' });
      expect(found.items.map((o) => o.id)).toEqual([finnishId]);
      // Every observation written before the migration is found by a word of its narrative.
      for (const o of old) {
        const word = o.narrative.split(/[^\p{L}]+/u).find((w) => w.length >= 6) ?? o.narrative.split(' ')[0]!;
        const hits = await core.call('observations.search', { auditId: o.auditId, query: word, limit: 200 });
        expect(
          hits.items.map((h) => h.id),
          `${o.id} by "${word}"`,
        ).toContain(o.id);
      }
    } finally {
      core.close();
    }
    // FTS5's own check that the index matches the rows of `observation` (throws when not).
    const db = new Database(file);
    expect(() =>
      db.prepare(`INSERT INTO observation_fts (observation_fts, rank) VALUES ('integrity-check', 1)`).run(),
    ).not.toThrow();
    db.close();
  });
});

describe('0070-action-plan', () => {
  const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'db', 'demo-0010.sqlite');

  it('gives a schema-50 programme the default action-area names and its measures an empty unit, both then editable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-mig70-'));
    const file = join(dir, 'citizen-audit.sqlite');
    copyFileSync(FIXTURE, file);
    const raw = asWritable(new Database(file));
    migrate(raw, MIGRATIONS, 50);
    const cols = (table: string) => (raw.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    expect(cols('programme')).not.toContain('action_area_names');
    expect(cols('measure')).not.toContain('indicator_unit');
    const before = raw.prepare(`SELECT id, title, indicator FROM measure ORDER BY id`).all() as {
      id: string;
      title: string;
      indicator: string;
    }[];
    raw.close();
    expect(before.length).toBeGreaterThan(0);

    const core = openCore({ dataDir: dir, checkOutputs: true });
    try {
      const session = await core.call('session.get', {});
      const programme = session.programme!;
      expect(programme.actionAreaNames).toEqual({});
      const measures = (await core.call('measures.list', { limit: 200 })).items;
      expect(measures.map((m) => [m.id, m.title, m.indicator, m.indicatorUnit]).sort()).toEqual(
        before.map((m) => [m.id, m.title, m.indicator, '']).sort(),
      );
      const coordinator = (await core.call('people.list', { role: 'coordinator' })).items[0]!;
      await core.call('session.setCurrentPerson', { personId: coordinator.id });
      const renamed = await core.call('programme.update', {
        id: programme.id,
        rev: programme.rev,
        actionAreaNames: { training_awareness: { en: 'Training', es: 'Formación' } },
      });
      expect(renamed.actionAreaNames).toEqual({ training_awareness: { en: 'Training', es: 'Formación' } });
      const m = measures[0]!;
      expect((await core.call('measures.update', { id: m.id, rev: m.rev, indicatorUnit: '%' })).indicatorUnit).toBe(
        '%',
      );
    } finally {
      core.close();
    }
  });
});
