/**
 * Attachments that are not images open with the system's viewer, as reports do
 * (reportFiles.ts): this wrapper around the core's dispatcher handles `attachments.open`. The
 * page sends only an attachment's id; the core (src/main/core/services/attachmentFiles.ts) checks
 * who asks, writes a private copy of the stored file under its SHA-256 with a safe name, and
 * answers its path. Only then, and only for a path that is a copy of that kind (an absolute path
 * `…/open/<sha256>/<name>` whose name `isOpenableName` accepts), is the viewer asked to open it.
 * The page gets `opened` and the name, never the path. Everything else passes through unchanged.
 * No `electron` import: the opener is injected, so this runs in plain Node tests.
 */
import { basename, dirname, isAbsolute } from 'node:path';
import { contract } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { isOpenableName } from '../../shared/domain/attachmentFiles';
import type { Dispatcher } from '../core/api/dispatch';

export interface AttachmentFileDeps {
  /** Opens a file with the system's viewer; true when it did. */
  openPath: (path: string) => Promise<boolean>;
}

/** True for the path of a copy the core makes to open: `<absolute>/open/<sha256>/<openable name>`. */
export function isOpenCopyPath(path: string, fileName: string): boolean {
  return (
    isAbsolute(path) &&
    basename(path) === fileName &&
    isOpenableName(fileName) &&
    /^[0-9a-f]{64}$/.test(basename(dirname(path))) &&
    basename(dirname(dirname(path))) === 'open'
  );
}

export function withAttachmentFiles(core: Dispatcher, deps: AttachmentFileDeps): Dispatcher {
  return {
    async dispatch(channel, input): Promise<Envelope<unknown>> {
      if (channel !== 'attachments.open') return core.dispatch(channel, input);
      const answer = await core.dispatch(channel, input);
      if (!answer.ok) return answer;
      const copy = contract['attachments.open'].output.safeParse(answer.value);
      if (!copy.success || copy.data.path === null || !isOpenCopyPath(copy.data.path, copy.data.fileName)) {
        console.error('[attachments] the core answered no openable copy', answer.value);
        return { ok: false, error: { code: 'internal', message: 'The attachment could not be opened.' } };
      }
      const opened = await deps.openPath(copy.data.path);
      return { ok: true, value: { opened, fileName: copy.data.fileName, path: null } };
    },
  };
}
