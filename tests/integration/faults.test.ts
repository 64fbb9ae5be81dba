/**
 * Fault injection: each case ends with the data intact and a clear message.
 *
 * - files the app must not misread: a zero-length database, a WAL without its database, another
 *   application's SQLite file;
 * - one writer at a time: concurrent workspace switches, a second process on the data folder;
 * - an unwritable backup folder; a full disk (a small tmpfs, where this machine lets us mount
 *   one; otherwise that case is skipped with the reason printed);
 * - the data folder and its files readable by the user only.
 */
import { execFileSync, spawn } from 'node:child_process';
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
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../src/shared/api/errors';
import { openDatabase } from '../../src/main/core/db/open';
import { listBackups } from '../../src/main/core/backup/backups';
import { auditSetup, databaseOf, dumpDatabase, testCore, withProgramme } from './helpers/core';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const holder = join(import.meta.dirname, 'helpers', 'holder.ts');

/** Opening a core on `dataDir` throws an AppError with `code`; returns it. */
function refusedWith(dataDir: string, code: string): AppError {
  try {
    testCore({ dataDir }).close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`the core opened ${dataDir}; expected ${code}`);
}

/** A data folder holding a programme, closed, with its daily backup. */
async function folderWithProgramme(): Promise<string> {
  const core = testCore();
  await withProgramme(core);
  await core.call('backups.take', {});
  core.close();
  return core.dataDir;
}

describe('files the app refuses to misread', () => {
  it('a zero-length database where a programme lived: refused, nothing created, the newest backup named', async () => {
    const dir = await folderWithProgramme();
    writeFileSync(join(dir, 'citizen-audit.sqlite'), Buffer.alloc(0));
    rmSync(join(dir, 'citizen-audit.sqlite-wal'), { force: true });
    const e = refusedWith(dir, 'database_missing');
    expect(e.message).toMatch(/newest good backup is citizen-audit-.*-manual\.sqlite/);
    expect(e.rule?.key).toBe('databaseMissingWithBackup');
    expect(statSync(join(dir, 'citizen-audit.sqlite')).size).toBe(0);
  });

  it('a database deleted while its WAL stayed behind: refused, the WAL kept', async () => {
    const core = testCore();
    await withProgramme(core);
    // Killed mid-work: no checkpoint, the WAL holds the latest changes. Then the file goes.
    const file = databaseOf(core);
    const wal = readFileSync(`${file}-wal`);
    core.close();
    rmSync(join(core.dataDir, 'backups'), { recursive: true, force: true });
    rmSync(file);
    writeFileSync(`${file}-wal`, wal.length > 0 ? wal : Buffer.from('wal'));
    refusedWith(core.dataDir, 'database_missing');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(true);
  });

  it("another application's SQLite file: refused, its bytes unchanged", () => {
    const dir = tmp('ca-foreign-');
    const file = join(dir, 'citizen-audit.sqlite');
    const other = new Database(file);
    other.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x')`);
    other.close();
    const before = readFileSync(file);
    const e = refusedWith(dir, 'database_foreign');
    expect(e.message).toMatch(/not a Citizen Audit database/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('citizen-audit.sqlite'))).toEqual(['citizen-audit.sqlite']);
  });

  it('a file that is not SQLite at all: refused as damaged, unchanged', () => {
    const dir = tmp('ca-garbage-');
    const file = join(dir, 'citizen-audit.sqlite');
    writeFileSync(file, 'this is a text file, not a database'.repeat(200));
    const before = readFileSync(file);
    refusedWith(dir, 'database_corrupt');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('one writer at a time', () => {
  it('concurrent workspace switches run one after another and leave the demo whole', async () => {
    const reference = testCore();
    await reference.call('session.openWorkspace', { workspace: 'demo' });
    const expected = (await reference.call('history.list', { limit: 1 })).items.length;
    const referenceDemo = join(reference.dataDir, 'demo', 'en', 'citizen-audit.sqlite');
    reference.close();
    const count = (file: string) => {
      const db = openDatabase(file);
      try {
        return (db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const historyRows = count(referenceDemo);
    expect(expected).toBe(1);

    const core = testCore();
    const answers = await Promise.all(
      (['demo', 'demo', 'main', 'demo', 'main', 'demo'] as const).map((workspace) =>
        core.call('session.openWorkspace', { workspace }),
      ),
    );
    expect(answers.map((a) => a.workspace)).toEqual(['demo', 'demo', 'main', 'demo', 'main', 'demo']);
    core.close();
    const demoDir = join(core.dataDir, 'demo', 'en');
    // Only the database (its WAL is checkpointed away on close) and the demo's own folders.
    expect(readdirSync(demoDir).filter((f) => f.includes('.sqlite'))).toEqual(['citizen-audit.sqlite']);
    expect(count(join(demoDir, 'citizen-audit.sqlite'))).toBe(historyRows);
  });

  it('a second process on the same data folder is told the folder is in use, and may open it after', async () => {
    const core = testCore();
    await withProgramme(core);
    const run = (dir: string) =>
      new Promise<{ line: string; close: () => Promise<void> }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', holder, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n'))
            resolve({
              line: out.trim(),
              close: () =>
                new Promise((done) => {
                  child.on('exit', () => done());
                  child.stdin.write('close\n');
                }),
            });
        });
        child.on('exit', (code) => {
          if (!out.includes('\n')) reject(new Error(`holder ended (${code}) without a word: ${err}`));
        });
      });
    const second = await run(core.dataDir);
    expect(second.line).toBe('refused database_in_use');
    // The first one still works, and its data is intact.
    expect((await core.call('session.get', {})).programme?.name).toBe('Audit programme 2026');
    core.close();
    const after = await run(core.dataDir);
    expect(after.line).toBe('opened');
    // …and while the child holds it, this process is refused in turn.
    refusedWith(core.dataDir, 'database_in_use');
    await after.close();
  });

  it('keeps the data folder and its files readable by the user only', async () => {
    const core = testCore();
    const s = await auditSetup(core);
    await core.call('session.setCurrentPerson', { personId: s.a1.id });
    await core.call('attachments.add', { auditId: s.audit.id, fileName: 'a.txt', contentBase64: 'YQ==' });
    await core.call('backups.take', {});
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(core.dataDir)).toBe(0o700);
    expect(mode(databaseOf(core))).toBe(0o600);
    expect(mode(join(core.dataDir, 'backups'))).toBe(0o700);
    for (const f of readdirSync(join(core.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite')))
      expect(mode(join(core.dataDir, 'backups', f)), f).toBe(0o600);
    const att = join(core.dataDir, 'attachments');
    for (const sub of readdirSync(att))
      for (const f of readdirSync(join(att, sub))) expect(mode(join(att, sub, f))).toBe(0o600);
    core.cleanup();
  });
});

describe('an unwritable backup folder', () => {
  it('fails the backup with a clear message shown in the session, and the work goes on', async () => {
    const dir = await folderWithProgramme();
    const before = dumpDatabase(join(dir, 'citizen-audit.sqlite'));
    // Every backup gone and a file where the folder was (a removable drive gone wrong, say).
    rmSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups'), 'not a folder');
    const core = testCore({ dataDir: dir });
    const session = await core.call('session.get', {});
    expect(session.backupProblem).toMatchObject({ code: 'backup_failed' });
    expect(session.backupProblem?.rule?.key).toBe('backupFailed');
    await expect(core.call('backups.take', {})).rejects.toMatchObject({ code: 'backup_failed' });
    // Nothing was lost and writing still works.
    await core.call('services.create', { name: 'Still working' });
    core.close();
    const after = dumpDatabase(join(dir, 'citizen-audit.sqlite'));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toContain('Still working');
  });
});

/** Mounts a small tmpfs at `dir`; returns why it cannot, or null. */
function mountSmall(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `cannot mount a small file system here (${(e as Error).message.split('\n')[0]})`;
  }
}

const fullDiskRoot = tmp('ca-fulldisk-');
const fullDiskProblem = process.platform === 'linux' ? mountSmall(fullDiskRoot, '8m') : 'tmpfs needs Linux';
if (fullDiskProblem) console.log(`[faults] full-disk case skipped: ${fullDiskProblem}`);
afterAll(() => {
  if (!fullDiskProblem) execFileSync('umount', [fullDiskRoot]);
});

describe('a full disk', () => {
  it.skipIf(fullDiskProblem !== null)(
    'says disk_full, leaves no temporary files, and loses nothing acknowledged',
    { timeout: 120_000 },
    async () => {
      const filler = join(fullDiskRoot, 'filler');
      writeFileSync(filler, Buffer.alloc(1024 * 1024));
      const dataDir = join(fullDiskRoot, 'data');
      mkdirSync(dataDir);
      const core = testCore({ dataDir });
      onTestFinished(() => core.close());
      const s = await auditSetup(core);
      await core.call('session.setCurrentPerson', { personId: s.a1.id });
      const acked: string[] = [];
      let refusal: unknown = null;
      for (let i = 0; i < 2000 && refusal === null; i++) {
        try {
          const o = await core.call('observations.record', {
            auditId: s.audit.id,
            observedAt: '2026-03-02T10:00:00.000Z',
            method: 'site_visit',
            narrative: `Observation ${i}: ${'waiting room without signs in other languages; '.repeat(400)}`.slice(
              0,
              20_000,
            ),
          });
          acked.push(o.id);
        } catch (e) {
          refusal = e;
        }
      }
      expect(acked.length).toBeGreaterThan(5);
      expect(refusal).toMatchObject({ code: 'disk_full', rule: { key: 'diskFull' } });

      // An attachment and a backup on the full disk: refused the same way, nothing left behind.
      await expect(
        core.call('attachments.add', {
          auditId: s.audit.id,
          fileName: 'big.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.alloc(2 * 1024 * 1024, 7).toString('base64'),
        }),
      ).rejects.toMatchObject({ code: 'disk_full' });
      await expect(core.call('backups.take', {})).rejects.toMatchObject({ code: 'disk_full' });
      const leftovers = (d: string): string[] =>
        existsSync(d)
          ? readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp$|\.partial-/.test(f))
          : [];
      expect(leftovers(dataDir)).toEqual([]);
      expect(leftovers(join(dataDir, 'attachments'))).toEqual([]);
      expect(leftovers(join(dataDir, 'backups'))).toEqual([]);
      // Every backup file there is a good one: the failed backup left no empty or partial copy.
      const sqliteFiles = readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'));
      expect(
        listBackups(join(dataDir, 'backups'))
          .map((b) => b.file)
          .sort(),
      ).toEqual(sqliteFiles.sort());

      // Space comes back: the work goes on, and everything acknowledged is there.
      rmSync(filler);
      await core.call('observations.record', {
        auditId: s.audit.id,
        observedAt: '2026-03-02T11:00:00.000Z',
        method: 'site_visit',
        narrative: 'After the disk was freed.',
      });
      core.close();
      copyFileSync(databaseOf(core), join(tmpdir(), `ca-fulldisk-copy-${process.pid}.sqlite`));
      const reopened = testCore({ dataDir });
      onTestFinished(() => reopened.close());
      const ids = new Set<string>();
      for (let offset: number | null = 0; offset !== null;) {
        const page: { items: { id: string }[]; next: number | null } = await reopened.call('observations.list', {
          auditId: s.audit.id,
          limit: 500,
          offset,
        });
        for (const o of page.items) ids.add(o.id);
        offset = page.next;
      }
      for (const id of acked) expect(ids.has(id), id).toBe(true);
      expect(ids.size).toBe(acked.length + 1);
      reopened.close();
      const db = openDatabase(databaseOf(core));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  );
});
