/**
 * Backups that can be trusted: written to a temporary name and checked before they count, kept
 * in a spread that an emptied database cannot push out, attachments included, copied to a second
 * folder, taken before a migration and before a restore, and restored exactly.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  listBackups,
  restoreNewestBackup,
  rotateBackups,
  takeBackup,
  type BackupInfo,
} from '../../src/main/core/backup/backups';
import { openDatabase } from '../../src/main/core/db/open';
import { loadDemo } from '../../src/main/core/seed/demo';
import {
  as,
  auditSetup,
  databaseOf,
  dumpDatabase,
  expectError,
  fieldRecords,
  testCore,
  type TestCore,
} from './helpers/core';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Every attachment file under a folder, by its relative path, with its bytes (base64). */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const sub of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, sub)))
      out[`${sub}/${f}`] = readFileSync(join(dir, sub, f)).toString('base64');
  }
  return out;
}

/** A programme with an audit in fieldwork, field records and three more attachments (one a PNG). */
async function programmeWithAttachments(core: TestCore) {
  const s = await auditSetup(core);
  await fieldRecords(core, s);
  await as(core, s.a1.id);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await core.call('attachments.add', {
    auditId: s.audit.id,
    fileName: 'entrance.png',
    mediaType: 'image/png',
    contentBase64: png.toString('base64'),
  });
  for (const text of ['first document', 'second document'])
    await core.call('attachments.add', {
      auditId: s.audit.id,
      fileName: `${text}.txt`,
      mediaType: 'text/plain',
      contentBase64: Buffer.from(text).toString('base64'),
    });
  await as(core, s.coordinatorId);
  return s;
}

describe('a backup restored into an empty folder equals the original', () => {
  it('row by row, attachments included, from the second folder of a new installation', async () => {
    const core = testCore();
    await programmeWithAttachments(core);
    const usb = tmp('ca-usb-');
    await core.call('backups.setSecondFolder', { folder: usb });
    const made = await core.call('backups.take', {});
    expect(made.secondFolderError).toBeNull();
    const original = dumpDatabase(databaseOf(core));
    const originalFiles = filesUnder(join(core.dataDir, 'attachments'));
    expect(Object.keys(originalFiles)).toHaveLength(4);
    core.close();

    // A new laptop: an empty data folder, the USB stick plugged in.
    const fresh = testCore();
    await fresh.call('backups.setSecondFolder', { folder: usb });
    const listing = await fresh.call('backups.list', {});
    const offered = listing.backups.find((b) => b.file === made.backup.file);
    expect(offered).toMatchObject({ location: 'second', counts: made.backup.counts });
    const session = await fresh.call('backups.restore', { file: made.backup.file, location: 'second' });
    expect(session.programme?.name).toBe('Audit programme 2026');
    const auditId = (await fresh.call('audits.list', {})).items[0]!.id;
    expect((await fresh.call('attachments.list', { auditId })).items).toHaveLength(4);
    fresh.close();
    expect(dumpDatabase(databaseOf(fresh))).toBe(original);
    expect(filesUnder(join(fresh.dataDir, 'attachments'))).toEqual(originalFiles);
  });

  it('the demo programme: every table, row by row', async () => {
    const core = testCore();
    await loadDemo(core.call);
    expect(core.changes()).toBeGreaterThan(1000);
    const made = await core.call('backups.take', {});
    const original = dumpDatabase(databaseOf(core));
    core.close();

    const fresh = tmp('ca-restored-');
    mkdirSync(join(fresh, 'backups'), { recursive: true });
    copyFileSync(join(core.dataDir, 'backups', made.backup.file), join(fresh, 'backups', made.backup.file));
    // The folder shows a programme lived there: the core refuses to start on an empty database…
    expect(() => testCore({ dataDir: fresh })).toThrow(/missing or empty/);
    // …and the newest good backup brings it back.
    expect(restoreNewestBackup(fresh, join(fresh, 'citizen-audit.sqlite')).file).toBe(made.backup.file);
    const restored = testCore({ dataDir: fresh });
    expect((await restored.call('audits.list', {})).items).toHaveLength(2);
    restored.close();
    expect(dumpDatabase(join(fresh, 'citizen-audit.sqlite'))).toBe(original);
  });
});

describe('backups through the API', () => {
  it('back up now, list with counts, restore after backing up the current state', async () => {
    const core = testCore();
    await programmeWithAttachments(core);
    const first = await core.call('backups.take', {});
    expect(first.backup).toMatchObject({ reason: 'manual', location: 'local' });
    expect(first.backup.counts.attachment).toBe(4);
    expect(first.backup.size).toBeGreaterThan(0);

    const extra = await core.call('services.create', { name: 'Made after the backup' });
    const state = await core.call('backups.restore', { file: first.backup.file });
    expect(state.workspace).toBe('main');
    expect((await core.call('services.list', {})).items.map((s) => s.id)).not.toContain(extra.id);

    // The state before the restore was kept: restoring it undoes the restore.
    const listing = await core.call('backups.list', {});
    const before = listing.backups.find((b) => b.reason === 'before-restore')!;
    expect(before).toBeDefined();
    await core.call('backups.restore', { file: before.file });
    expect((await core.call('services.list', {})).items.map((s) => s.id)).toContain(extra.id);
    core.cleanup();
  });

  it('refuses a backup that is not there, and backups of the demo', async () => {
    const core = testCore();
    await expectError(
      core.call('backups.restore', { file: 'citizen-audit-2020-01-01T00-00-00-000Z-manual.sqlite' }),
      'backup_failed',
      /no backup named/,
    );
    await expectError(core.call('backups.restore', { file: '../citizen-audit.sqlite' }), 'invalid_input');
    await core.call('session.openWorkspace', { workspace: 'demo' });
    await expectError(core.call('backups.take', {}), 'rule_violation', /leave the demo/);
    core.cleanup();
  });

  it('copies every backup to the second folder, and reports a second folder that fails without failing', async () => {
    const core = testCore();
    await programmeWithAttachments(core);
    const usb = tmp('ca-usb-');
    await core.call('backups.setSecondFolder', { folder: usb });
    const made = await core.call('backups.take', {});
    expect(readdirSync(usb)).toContain(made.backup.file);
    expect(Object.keys(filesUnder(join(usb, 'attachments')))).toHaveLength(4);

    // The stick is pulled out and a file takes its place: the backup itself still succeeds.
    const gone = join(tmp('ca-gone-'), 'stick');
    await core.call('backups.setSecondFolder', { folder: gone });
    rmSync(gone, { recursive: true });
    writeFileSync(gone, 'not a folder');
    const again = await core.call('backups.take', {});
    expect(again.secondFolderError).toMatch(/./);
    expect(existsSync(join(core.dataDir, 'backups', again.backup.file))).toBe(true);
    expect((await core.call('backups.list', {})).secondFolderError).toMatch(/./);

    // A second folder that cannot be used is refused when it is chosen, naming the field…
    await expect(core.call('backups.setSecondFolder', { folder: join(gone, 'inside') })).rejects.toMatchObject({
      code: 'rule_violation',
      field: 'folder',
    });
    // …also where Node's recursive mkdir would never return (under /proc on Linux).
    if (process.platform === 'linux')
      await expect(core.call('backups.setSecondFolder', { folder: '/proc/no-such-place/usb' })).rejects.toMatchObject({
        code: 'rule_violation',
        field: 'folder',
      });
    core.cleanup();
  });

  it('copies only attachments the pool does not hold yet', async () => {
    const core = testCore();
    await programmeWithAttachments(core);
    await core.call('backups.take', {});
    const pool = join(core.dataDir, 'backups', 'attachments');
    const mtimes = Object.fromEntries(
      Object.keys(filesUnder(pool)).map((f) => [f, statSync(join(pool, f)).mtimeMs] as const),
    );
    expect(Object.keys(mtimes)).toHaveLength(4);
    await core.call('backups.take', {});
    for (const [f, t] of Object.entries(mtimes)) expect(statSync(join(pool, f)).mtimeMs).toBe(t);
    core.cleanup();
  });
});

describe('a backup is checked before it counts', () => {
  it('a failed backup leaves no file and takes no good backup’s place', () => {
    const dir = tmp('ca-bak-');
    const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
    db.prepare(`INSERT INTO app_setting (key, value) VALUES ('k', 'v')`).run();
    const backupDir = join(dir, 'backups');
    const good = takeBackup(
      { db, attachmentsDir: join(dir, 'attachments'), backupDir, secondDir: null },
      new Date('2026-03-01T08:00:00Z'),
      'daily',
    );
    // A file where the backups folder should be: the copy cannot be written.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the backups folder should be');
    expect(() =>
      takeBackup(
        { db, attachmentsDir: join(dir, 'attachments'), backupDir: blocked, secondDir: null },
        new Date('2026-03-02T08:00:00Z'),
        'daily',
      ),
    ).toThrow();
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'))).toEqual([good.backup.file]);
    expect(readdirSync(backupDir).filter((f) => f.includes('partial'))).toEqual([]);
    db.close();
  });

  it('a damaged backup file is not offered', () => {
    const dir = tmp('ca-bak-');
    const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
    const backupDir = join(dir, 'backups');
    const target = { db, attachmentsDir: join(dir, 'attachments'), backupDir, secondDir: null };
    const a = takeBackup(target, new Date('2026-03-01T08:00:00Z'), 'daily');
    const b = takeBackup(target, new Date('2026-03-02T08:00:00Z'), 'daily');
    writeFileSync(join(backupDir, b.backup.file), Buffer.alloc(0));
    expect(listBackups(backupDir).map((x) => x.file)).toEqual([a.backup.file]);
    db.close();
  });

  it('is taken before a migration, holding the old schema', () => {
    const dir = tmp('ca-migrate-');
    copyFileSync(join(__dirname, '../fixtures/db/demo-0010.sqlite'), join(dir, 'citizen-audit.sqlite'));
    const core = testCore({ dataDir: dir });
    const backups = listBackups(join(dir, 'backups'));
    const before = backups.find((b) => b.reason === 'before-migration');
    expect(before?.schema).toBe(10);
    expect(before?.counts.audit).toBeGreaterThan(0);
    core.cleanup();
  });
});

/** A backup summary for the rotation rules (no file behind it). */
const info = (takenAt: string, records: number, reason: BackupInfo['reason'] = 'daily'): BackupInfo => ({
  file: `citizen-audit-${takenAt.replace(/[:.]/g, '-')}-${reason}.sqlite`,
  takenAt,
  reason,
  size: 1,
  schema: 30,
  counts: { person: records },
  records,
});

describe('rotation keeps a spread', () => {
  const daily = (from: string, days: number, records: (i: number) => number) =>
    Array.from({ length: days }, (_, i) => {
      const d = new Date(Date.parse(from) + i * 86_400_000).toISOString();
      return info(d, records(i));
    }).reverse();

  it('7 daily, 4 weekly and 6 monthly', () => {
    const backups = daily('2026-01-01T08:00:00.000Z', 240, () => 100);
    const { keep } = backupsToKeep(backups, 100);
    const kept = backups.filter((b) => keep.has(b.file)).map((b) => b.takenAt.slice(0, 10));
    // The newest 7 days…
    expect(kept.slice(0, 7)).toEqual(backups.slice(0, 7).map((b) => b.takenAt.slice(0, 10)));
    // …and one in each of the last 6 months.
    const months = new Set(kept.map((d) => d.slice(0, 7)));
    expect(months.size).toBe(6);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 6);
    expect(kept.length).toBeGreaterThanOrEqual(12);
  });

  it('never rotates out the newest backup holding more data than an emptied database', () => {
    // Full for January, emptied on February 1st, then eight months of daily backups of nothing.
    const backups = daily('2026-01-01T08:00:00.000Z', 270, (i) => (i < 31 ? 5000 : 3));
    const { keep, protectedFile } = backupsToKeep(backups, 3);
    const lastFull = backups.find((b) => b.records === 5000)!;
    expect(protectedFile).toBe(lastFull.file);
    expect(keep.has(lastFull.file)).toBe(true);
    // Without the protection the spread alone would have dropped it.
    expect(backupsToKeep(backups, 10_000).keep.has(lastFull.file)).toBe(false);
  });

  it('removes backups outside the spread from the folder', () => {
    const dir = tmp('ca-rotate-');
    const db = openDatabase(join(dir, 'citizen-audit.sqlite'));
    const backupDir = join(dir, 'backups');
    const target = { db, attachmentsDir: join(dir, 'attachments'), backupDir, secondDir: null };
    const made: string[] = [];
    // Two a day for twelve days: the older of each day goes, once that day is past.
    for (let i = 0; i < 24; i++)
      made.push(takeBackup(target, new Date(Date.parse('2026-05-01T08:00:00Z') + i * 43_200_000), 'daily').backup.file);
    const removed = rotateBackups(backupDir, 0, []);
    expect(removed.length).toBeGreaterThan(0);
    const left = readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'));
    expect(left).toContain(made.at(-1));
    for (const f of removed) expect(left).not.toContain(f);
    db.close();
  });
});
