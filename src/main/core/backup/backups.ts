/**
 * Backups of a workspace's database and attachments, made so they can be trusted:
 *
 * - a backup is written with `VACUUM INTO` to a temporary name, opened and checked
 *   (`integrity_check`, our application id, the same row counts as the database it copies),
 *   and only then renamed to its final name; a failed or partial backup never takes the place of
 *   a good one, and leaves no file behind;
 * - attachments are content-addressed, so backups share one pool (`backups/attachments/ab/…`):
 *   each backup copies only the files not there yet;
 * - rotation keeps a spread — every backup of the last 24 hours, the newest backup of each of the
 *   last 7 days, 4 weeks and 6 months that have one, and the newest taken before a migration and
 *   before a restore — and never
 *   removes the newest backup that holds more records than the current database (an emptied
 *   database must not push the good copies out);
 * - every backup can also be copied to a second folder (a USB stick, a synced folder); a failure
 *   there does not fail the backup, it is reported;
 * - restoring first takes a backup of the current state, then puts the chosen copy in place
 *   through a temporary file, with the attachments it needs.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { en } from '../../../shared/i18n/en';
import { ruleMessage } from '../../../shared/i18n/rules';
import type { ReadableDB } from '../db/handles';
import { APPLICATION_ID } from '../db/open';
import { LATEST_VERSION } from '../db/migrations';
import { copyFileDurably, diskFull, ensurePrivateDir, ensurePrivateFile, fsyncDir, isDiskFull } from '../files/durable';

export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The file name in the backups folder: `citizen-audit-<time>-<reason>.sqlite`. */
  file: string;
  takenAt: string;
  reason: BackupReason;
  size: number;
  /** The database schema version it holds. */
  schema: number;
  /** Rows of the main record tables, archived ones included. */
  counts: Record<string, number>;
  /** The sum of `counts`. */
  records: number;
}

/** The record tables counted in a backup's summary. */
export const COUNTED_TABLES = [
  'person',
  'service',
  'template',
  'audit',
  'response',
  'consolidated_result',
  'observation',
  'attachment',
  'situation_test',
  'finding',
  'recommendation',
  'management_response',
  'measure',
  'progress_update',
  'history',
] as const;

const PREFIX = 'citizen-audit-';
const NAME =
  /^citizen-audit-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(daily|manual|before-migration|before-restore)\.sqlite$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const backupDirOf = (workspaceDir: string): string => join(workspaceDir, 'backups');
const poolOf = (backupDir: string): string => join(backupDir, 'attachments');
const poolPath = (pool: string, sha256: string): string => join(pool, sha256.slice(0, 2), sha256);

function failure(
  key: 'backupFailed' | 'backupNotFound' | 'backupUnusable',
  params: Record<string, string> = {},
): AppError {
  return new AppError('backup_failed', ruleMessage(en, key, params), { rule: { key, params } });
}

/** Removes a leftover file; where even that fails (the folder is gone or is a file), there is nothing to remove. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there.
  }
}

/** Row counts of the counted tables (those a database of an older schema lacks count 0). */
export function countRecords(db: ReadableDB | Database.Database): Record<string, number> {
  const present = new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
  );
  return Object.fromEntries(
    COUNTED_TABLES.map((t) => [
      t,
      present.has(t) ? (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n : 0,
    ]),
  );
}

/** The records a set of counts adds up to. */
export const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Opens a backup read-only and checks it is a sound database of ours that this app can open. */
function inspect(file: string): { schema: number; counts: Record<string, number>; shas: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`integrity check: ${String(ok)}`);
    const id = db.pragma('application_id', { simple: true }) as number;
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (id !== APPLICATION_ID && !(id === 0 && schema >= 10 && schema < 30))
      throw new Error('not a Citizen Audit database');
    if (schema > LATEST_VERSION) throw new Error(`schema ${schema} is newer than this app`);
    const hasAttachments = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'attachment'`).get() !== undefined;
    const shas = hasAttachments
      ? (db.prepare(`SELECT DISTINCT sha256 FROM attachment`).all() as { sha256: string }[]).map((r) => r.sha256)
      : [];
    return { schema, counts: countRecords(db), shas };
  } finally {
    db.close();
  }
}

function parseName(file: string): { takenAt: string; reason: BackupReason } | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [date, time] = m[1]!.split('T') as [string, string];
  const [h, mi, s, ms] = time.slice(0, -1).split('-');
  return { takenAt: `${date}T${h}:${mi}:${s}.${ms}Z`, reason: m[2] as BackupReason };
}

/** The backups in a folder, newest first, each checked; damaged ones are left out. */
export function listBackups(backupDir: string): BackupInfo[] {
  // No folder, or a file where it should be: no backups there (a backup will say what is wrong).
  if (!existsSync(backupDir) || !statSync(backupDir).isDirectory()) return [];
  const out: BackupInfo[] = [];
  for (const file of readdirSync(backupDir)) {
    const named = parseName(file);
    if (!named) continue;
    try {
      const { schema, counts } = inspect(join(backupDir, file));
      out.push({ file, ...named, size: statSync(join(backupDir, file)).size, schema, counts, records: total(counts) });
    } catch {
      // A backup that no longer opens is not offered; rotation removes it in time.
    }
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The newest backup that opens and checks, or null. */
export function newestGoodBackup(backupDir: string): BackupInfo | null {
  return listBackups(backupDir)[0] ?? null;
}

export interface BackupTarget {
  /** The workspace's database (open). */
  db: ReadableDB;
  attachmentsDir: string;
  backupDir: string;
  /** A second folder every backup is copied to, or null. */
  secondDir: string | null;
}

export interface BackupResult {
  backup: BackupInfo;
  /** Why the copy to the second folder failed, if it did. */
  secondFolderError: string | null;
}

/** Copies into `pool` the attachment files of `shas` it does not hold yet. */
function fillPool(shas: readonly string[], fromDir: string, pool: string): void {
  for (const sha of shas) {
    const target = poolPath(pool, sha);
    if (existsSync(target)) continue;
    const source = poolPath(fromDir, sha);
    if (!existsSync(source)) continue; // an attachment record whose file was never stored
    ensurePrivateDir(join(pool, sha.slice(0, 2)));
    copyFileDurably(source, target);
  }
}

/** Takes a backup of the open database and its attachments. Throws `backup_failed` or `disk_full`. */
export function takeBackup(target: BackupTarget, now: Date, reason: BackupReason): BackupResult {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = `${PREFIX}${stamp}-${reason}.sqlite`;
  const final = join(target.backupDir, file);
  const partial = join(target.backupDir, `.partial-${crypto.randomUUID()}.sqlite`);
  let info: BackupInfo;
  try {
    ensurePrivateDir(target.backupDir);
    const expected = countRecords(target.db);
    // Made empty and private first: VACUUM INTO fills an empty file, so the copy is never readable by others.
    ensurePrivateFile(partial);
    target.db.prepare('VACUUM INTO ?').run(partial);
    const { schema, counts, shas } = inspect(partial);
    for (const t of COUNTED_TABLES) {
      if (counts[t] !== expected[t])
        throw new Error(`the copy holds ${counts[t]} ${t} rows, the database ${expected[t]}`);
    }
    fillPool(shas, target.attachmentsDir, poolOf(target.backupDir));
    renameSync(partial, final);
    fsyncDir(target.backupDir);
    info = {
      file,
      takenAt: now.toISOString(),
      reason,
      size: statSync(final).size,
      schema,
      counts,
      records: total(counts),
    };
  } catch (e) {
    removeQuietly(partial);
    if (e instanceof AppError) throw e;
    if (isDiskFull(e)) throw diskFull();
    throw failure('backupFailed', { reason: e instanceof Error ? e.message : String(e) });
  }
  let secondFolderError: string | null = null;
  if (target.secondDir) {
    try {
      ensurePrivateDir(target.secondDir);
      copyFileDurably(final, join(target.secondDir, file));
      fillPool(inspect(final).shas, target.attachmentsDir, poolOf(target.secondDir));
    } catch (e) {
      secondFolderError = e instanceof Error ? e.message : String(e);
    }
  }
  return { backup: info, secondFolderError };
}

/** ISO week key (`2026-W09`) of a date, for the weekly part of the rotation. */
function isoWeek(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round((d.getTime() - firstThursday.getTime()) / DAY_MS / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface RotationPolicy {
  days: number;
  weeks: number;
  months: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { days: 7, weeks: 4, months: 6 };

/**
 * The backups to keep, and why (`newestWithMoreData` protects the newest backup holding more
 * records than the current database). `backups` is newest first.
 */
export function backupsToKeep(
  backups: readonly BackupInfo[],
  currentRecords: number,
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: Set<string>; protectedFile: string | null } {
  const keep = new Set<string>();
  const newestPer = (key: (b: BackupInfo) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of backups) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.file);
    }
  };
  // Everything of the last day (a manual backup, the one taken before a restore)…
  const newestAt = backups[0] ? Date.parse(backups[0].takenAt) : 0;
  for (const b of backups) if (newestAt - Date.parse(b.takenAt) < DAY_MS) keep.add(b.file);
  // …then the newest of each day, week and month.
  newestPer((b) => b.takenAt.slice(0, 10), policy.days);
  newestPer((b) => isoWeek(b.takenAt), policy.weeks);
  newestPer((b) => b.takenAt.slice(0, 7), policy.months);
  for (const reason of ['before-migration', 'before-restore'] as const) {
    const newest = backups.find((b) => b.reason === reason);
    if (newest) keep.add(newest.file);
  }
  const fuller = backups.find((b) => b.records > currentRecords);
  if (fuller) keep.add(fuller.file);
  return { keep, protectedFile: fuller?.file ?? null };
}

/**
 * Removes the backups outside the spread, and pool files no kept backup (nor the current
 * database, `currentShas`) needs. Returns the removed file names.
 */
export function rotateBackups(
  backupDir: string,
  currentRecords: number,
  currentShas: readonly string[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const backups = listBackups(backupDir);
  const { keep } = backupsToKeep(backups, currentRecords, policy);
  const removed: string[] = [];
  for (const b of backups) {
    if (keep.has(b.file)) continue;
    rmSync(join(backupDir, b.file), { force: true });
    removed.push(b.file);
  }
  // Leftovers of an interrupted backup.
  for (const f of readdirSync(backupDir)) if (f.startsWith('.partial-')) rmSync(join(backupDir, f), { force: true });
  const needed = new Set(currentShas);
  for (const b of backups)
    if (keep.has(b.file)) for (const sha of inspect(join(backupDir, b.file)).shas) needed.add(sha);
  const pool = poolOf(backupDir);
  if (existsSync(pool)) {
    for (const sub of readdirSync(pool)) {
      for (const f of readdirSync(join(pool, sub))) if (!needed.has(f)) rmSync(join(pool, sub, f), { force: true });
    }
  }
  return removed;
}

/** True when the newest backup is older than a day (or there is none). */
export function backupDue(backupDir: string, now: Date): boolean {
  // Read from the names, opening nothing: this runs at every start and every hour of work. A
  // file under a backup's final name was checked before it was renamed there; an emptied one
  // (size 0) does not count.
  if (!existsSync(backupDir) || !statSync(backupDir).isDirectory()) return true;
  let newest: number | null = null;
  for (const file of readdirSync(backupDir)) {
    const named = parseName(file);
    if (!named || statSync(join(backupDir, file)).size === 0) continue;
    const at = Date.parse(named.takenAt);
    if (newest === null || at > newest) newest = at;
  }
  return newest === null || now.getTime() - newest >= DAY_MS;
}

/**
 * Puts a backup in place of the (closed) database `databaseFile`: copied to a temporary file,
 * flushed, renamed over the database (its old WAL removed first), and the attachments the backup
 * refers to copied back from the pool where they are missing. The caller has closed the database
 * and taken a backup of it.
 */
export function putBackupInPlace(backupDir: string, file: string, databaseFile: string, attachmentsDir: string): void {
  if (!NAME.test(file) || !existsSync(join(backupDir, file))) throw failure('backupNotFound', { file });
  let shas: string[];
  try {
    shas = inspect(join(backupDir, file)).shas;
  } catch (e) {
    throw failure('backupUnusable', { file, reason: e instanceof Error ? e.message : String(e) });
  }
  for (const f of [`${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(f, { force: true });
  copyFileDurably(join(backupDir, file), databaseFile);
  mkdirSync(attachmentsDir, { recursive: true, mode: 0o700 });
  const pool = poolOf(backupDir);
  for (const sha of shas) {
    const target = poolPath(attachmentsDir, sha);
    const source = poolPath(pool, sha);
    if (existsSync(target) || !existsSync(source)) continue;
    ensurePrivateDir(join(attachmentsDir, sha.slice(0, 2)));
    copyFileDurably(source, target);
  }
}

/**
 * Brings back a workspace whose database is missing or empty although its folder held data
 * (the start refused it with `database_missing`): puts the newest good backup in place. Refuses
 * to touch a database file that holds anything. Returns the backup used.
 */
export function restoreNewestBackup(workspaceDir: string, databaseFile: string): BackupInfo {
  if (existsSync(databaseFile) && statSync(databaseFile).size > 0) {
    throw failure('backupUnusable', { file: databaseFile, reason: 'the database is not empty' });
  }
  const newest = newestGoodBackup(backupDirOf(workspaceDir));
  if (!newest) throw failure('backupNotFound', { file: backupDirOf(workspaceDir) });
  putBackupInPlace(backupDirOf(workspaceDir), newest.file, databaseFile, join(workspaceDir, 'attachments'));
  return newest;
}
