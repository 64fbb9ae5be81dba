/** Automatic backups: one a day, a readable copy of the data, only the newest kept. */
import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupIfDue } from '../../src/main/core/db/backup';
import { openDatabase } from '../../src/main/core/db/open';
import { testCore, withProgramme } from './helpers/core';

describe('automatic backups', () => {
  it('are written when the core opens, and hold the data', async () => {
    const core = testCore();
    await withProgramme(core);
    core.close();
    const again = testCore({ dataDir: core.dataDir });
    again.close();
    // The first open found no backup (empty database); the second found one from today: no new one.
    const files = readdirSync(join(core.dataDir, 'backups'));
    expect(files).toHaveLength(1);
  });

  it('happen at most once a day and keep the newest copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-bak-'));
    const db = openDatabase(join(dir, 'db.sqlite'));
    db.prepare(`INSERT INTO app_setting (key, value) VALUES ('k', 'v')`).run();
    const backups = join(dir, 'backups');
    let day = Date.parse('2026-03-01T08:00:00Z');
    const written: string[] = [];
    for (let i = 0; i < 10; i++) {
      const file = backupIfDue(db, backups, new Date(day), 3);
      expect(file).not.toBeNull();
      written.push(file!);
      expect(backupIfDue(db, backups, new Date(day + 1000), 3)).toBeNull();
      // Age the files by a day, as the clock moves on.
      for (const f of readdirSync(backups)) utimesSync(join(backups, f), new Date(day), new Date(day));
      day += 25 * 60 * 60 * 1000;
    }
    expect(readdirSync(backups).sort()).toEqual(
      written
        .slice(-3)
        .map((f) => f.slice(backups.length + 1))
        .sort(),
    );
    const copy = new Database(written.at(-1)!, { readonly: true });
    expect(copy.prepare(`SELECT value FROM app_setting WHERE key = 'k'`).get()).toEqual({ value: 'v' });
    copy.close();
    db.close();
  });
});
