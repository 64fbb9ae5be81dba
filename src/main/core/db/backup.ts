/**
 * Automatic backups: when a workspace is opened and the newest backup is older than a day, a
 * consistent copy of the database is written with `VACUUM INTO` (safe while the database is in
 * use) to `backups/citizen-audit-<timestamp>.sqlite`; the newest `keep` copies are kept.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadableDB } from './handles';

const PREFIX = 'citizen-audit-';
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupDir(workspaceDir: string): string {
  return join(workspaceDir, 'backups');
}

/** Returns the path of the backup written, or null when a recent one exists. */
export function backupIfDue(db: ReadableDB, dir: string, now: Date, keep = 7): string | null {
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
    .sort();
  const newest = existing.at(-1);
  if (newest && now.getTime() - statSync(join(dir, newest)).mtimeMs < DAY_MS) return null;
  const file = join(dir, `${PREFIX}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  for (const old of [...existing, file.slice(dir.length + 1)].slice(0, -keep)) rmSync(join(dir, old), { force: true });
  return file;
}
