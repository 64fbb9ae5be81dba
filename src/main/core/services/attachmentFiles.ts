/**
 * Attachments that are not images open with the system's viewer. The core never opens anything
 * (it has no Electron); for `attachments.open` it writes a private copy of the stored file,
 * checked against its SHA-256, to `open/<sha256>/<name>` in the workspace's folder, named as
 * `openableName` says (the original name, cleaned, with an extension the viewer may open), and
 * answers its path with `opened: false`. The Electron shell (src/main/shell/attachmentFiles.ts)
 * then opens that copy; the browser harness offers the file as a download instead.
 *
 * Invariants: the only input is an attachment's id, so no path the page sends is ever used; the
 * copy is written only for a file whose bytes still have their hash, only under the workspace's
 * `open/` folder (0700, files 0600), and only with an extension on OPENABLE_EXTENSIONS; a file the
 * viewer must not open (a program, a script) is refused with `attachmentNotOpenable`. The copies
 * are removed when the core next starts (clearOpenCopies), not while a viewer may still read one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extensionOf, openableName } from '../../../shared/domain/attachmentFiles';
import { ensurePrivateDir, writeFileDurably } from '../files/durable';
import { ATTACHMENT } from '../repositories/specs';
import { teamMember } from './access';
import { attachmentPath } from './audits';
import type { ReadContext } from './context';
import { requireRecord } from './entity';
import { rule } from './problems';

const OPEN_DIR = 'open';

/** The folder of the copies made to open, beside the workspace's attachments. */
export const openCopiesDir = (attachmentsDir: string): string => join(dirname(attachmentsDir), OPEN_DIR);

/** Removes the copies a previous run made to open (`<workspace>/open/`). */
export function clearOpenCopies(workspaceDir: string): void {
  rmSync(join(workspaceDir, OPEN_DIR), { recursive: true, force: true });
}

export const attachmentFiles = {
  /** A private copy of an attachment to hand to the system's viewer: its path and name. */
  open(ctx: ReadContext, input: { id: string }): { opened: false; fileName: string; path: string } {
    const a = requireRecord(ctx.db, ATTACHMENT, input.id);
    teamMember(ctx, a.auditId);
    const fileName = openableName(a.fileName, a.mediaType);
    if (fileName === null) throw rule('attachmentNotOpenable', { extension: extensionOf(a.fileName) || '—' });
    const stored = attachmentPath(ctx.attachmentsDir, a.sha256);
    const bytes = existsSync(stored) ? readFileSync(stored) : null;
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
      throw rule('attachmentMissing', { fileName: a.fileName });
    }
    const root = openCopiesDir(ctx.attachmentsDir);
    const dir = join(root, a.sha256);
    const path = join(dir, fileName);
    ensurePrivateDir(root);
    ensurePrivateDir(dir);
    // A copy made before with the same bytes is used as it is; anything else there is replaced.
    const same = existsSync(path) && createHash('sha256').update(readFileSync(path)).digest('hex') === a.sha256;
    if (!same) writeFileDurably(path, bytes);
    return { opened: false, fileName, path };
  },
};
