/**
 * Files the app writes, written so that a crash or a full disk never leaves a half-written file
 * under its final name, and readable by the user only (the data is about people who may have
 * suffered discrimination): folders 0700, files 0600 (best effort where the platform has no such
 * modes). A write goes to a temporary name in the same folder, is flushed, renamed, and the folder
 * is flushed too, so the rename itself survives a power cut; on failure the temporary file is
 * removed and a full disk answers `disk_full`.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { en } from '../../../shared/i18n/en';
import { ruleMessage } from '../../../shared/i18n/rules';

/**
 * Makes a folder (and its missing parents) readable by the user only. The missing levels are made
 * one by one rather than with `mkdirSync(…, { recursive: true })`, which loops forever on some
 * file systems (under `/proc` on Linux it never returns): a folder the user types must fail
 * cleanly, not hang the core.
 */
export function ensurePrivateDir(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (e) {
      // Made meanwhile by someone else: fine if it is a folder.
      if ((e as { code?: unknown }).code !== 'EEXIST' || !statSync(level).isDirectory()) throw e;
    }
  }
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Platforms without POSIX modes (Windows) keep their own per-user folder protection.
  }
}

/** Creates an empty file readable by the user only, if it does not exist yet. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  try {
    chmodSync(file, 0o600);
  } catch {
    // As above.
  }
}

/** Flushes a folder's entries (a rename into it) to disk. Not possible on every platform. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for flushing; NTFS journals renames itself.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** True for the errors a full disk (or quota) gives, from the file system or SQLite. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL.has(code);
}

export function diskFull(): AppError {
  return new AppError('disk_full', ruleMessage(en, 'diskFull', {}), { rule: { key: 'diskFull', params: {} } });
}

/** A temporary name beside `file`, so the final rename stays within one file system. */
const temporaryName = (file: string): string => join(dirname(file), `.${basename(file)}.${crypto.randomUUID()}.tmp`);

/** Writes through a temporary file: flushed, renamed, folder flushed. Removes it on failure. */
function replaceDurably(file: string, write: (tmp: string) => void): void {
  const tmp = temporaryName(file);
  try {
    write(tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw isDiskFull(e) ? diskFull() : e;
  }
  fsyncDir(dirname(file));
}

/** `bytes` at `file`, whole or not at all, readable by the user only. */
export function writeFileDurably(file: string, bytes: string | Uint8Array): void {
  replaceDurably(file, (tmp) => writeFileSync(tmp, bytes, { mode: 0o600 }));
}

/** A copy of `source` at `target`, whole or not at all, readable by the user only. */
export function copyFileDurably(source: string, target: string): void {
  replaceDurably(target, (tmp) => {
    copyFileSync(source, tmp);
    chmodSync(tmp, 0o600);
  });
}
