/**
 * The migration machinery and each migration. A fresh database reaches the latest version; a
 * newer one is refused untouched; a failing migration leaves user_version as it was; a damaged
 * file is refused with a clear message. Per migration: migrate to the version before it, insert
 * rows, migrate, check the rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { asWritable } from '../../src/main/core/db/handles';
import { LATEST_VERSION, MIGRATIONS, currentVersion, migrate, type Migration } from '../../src/main/core/db/migrations';
import { openDatabase } from '../../src/main/core/db/open';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'ca-mig-')), 'db.sqlite');

describe('migrations', () => {
  it('are numbered in steps of 10, in order', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe((i + 1) * 10));
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
