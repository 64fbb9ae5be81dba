/** Automatic backups: one a day, only the newest kept, and a backup restores the data it was taken of. */
import { copyFileSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupIfDue } from '../../src/main/core/db/backup';
import { openDatabase } from '../../src/main/core/db/open';
import { loadDemo } from '../../src/main/core/seed/demo';
import { databaseOf, dumpDatabase, testCore } from './helpers/core';

describe('automatic backups', () => {
  it('restore the demo programme exactly: every table, row by row', async () => {
    const core = testCore();
    await loadDemo(core.call);
    const demoChanges = core.changes();
    core.close();
    const original = dumpDatabase(databaseOf(core));
    expect(demoChanges).toBeGreaterThan(1000);

    const db = openDatabase(databaseOf(core));
    const backup = backupIfDue(db, mkdtempSync(join(tmpdir(), 'ca-bak-')), new Date('2030-01-01T00:00:00Z'))!;
    db.close();

    // Restore into an empty data folder and open it with the core, as a user would.
    const restoredDir = mkdtempSync(join(tmpdir(), 'ca-restored-'));
    copyFileSync(backup, join(restoredDir, 'citizen-audit.sqlite'));
    const restored = testCore({ dataDir: restoredDir });
    const session = await restored.call('session.get', {});
    expect(session.programme?.city).toBe('Valdemira del Henar');
    expect((await restored.call('audits.list', {})).items.length).toBe(2);
    restored.close();
    expect(dumpDatabase(join(restoredDir, 'citizen-audit.sqlite'))).toBe(original);
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
