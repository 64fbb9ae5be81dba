/**
 * Which attachments the app hands to the system's viewer, and under what name.
 *
 * Opening a file with the system (Electron's `shell.openPath`) runs whatever the system
 * associates with its extension: for `.exe`, `.bat`, `.desktop`, `.lnk`, `.jar`, `.html` or a
 * macro-enabled Office file that is a program or a script. An attachment is whatever someone
 * attached, so the copy that is opened gets its name from the original only where the extension
 * is one of the document, image, audio and video kinds below (else from its media type, else it
 * is not opened), and the rest of the name is cleaned of what a file system or a reader could be
 * fooled by (folders, control and bidirectional characters, Windows' reserved names).
 * Pure: used by the core (which writes the copy) and the shell (which checks it again).
 */

/**
 * Extensions the system's viewer may open: documents, images, sound, video — the kinds of
 * MEDIA_TYPES (src/shared/domain/files.ts). Office's macro-enabled kinds (`docm`, `xlsm`, …) are
 * not on it; the older `doc` and `xls`, which the attachment types allow, open with macros off
 * unless the reader turns them on.
 */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'pdf',
  'txt',
  'csv',
  'rtf',
  'odt',
  'ods',
  'odp',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'pptx',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'mp3',
  'm4a',
  'wav',
  'ogg',
  'oga',
  'opus',
  'flac',
  'mp4',
  'm4v',
  'webm',
  'mov',
]);

/** The extension for a media type, when the name has none the viewer may open. */
const EXTENSION_OF_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/rtf': 'rtf',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'audio/webm': 'webm',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

const MAX_BASE = 100;
/** Characters no file name of the copy keeps: separators, Windows' forbidden ones, controls, bidi overrides. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The lower-case extension of a name (`Photo.JPG` → `jpg`), or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name the copy to open gets, or null when the system's viewer must not open it:
 * `minutes.PDF` → `minutes.pdf`; `scan` (application/pdf) → `scan.pdf`; `run.exe`
 * (application/octet-stream) → null; `invoice.pdf.exe` (application/pdf) → `invoice.pdf.exe.pdf`.
 */
export function openableName(fileName: string, mediaType: string): string | null {
  // Only the last part of a path-like name, in one normal form.
  const leaf = fileName.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const own = extensionOf(leaf);
  const ext = OPENABLE_EXTENSIONS.has(own)
    ? own
    : EXTENSION_OF_MEDIA_TYPE[mediaType.toLowerCase().split(';')[0]!.trim()];
  if (!ext) return null;
  const stem = own === ext ? leaf.slice(0, leaf.length - own.length - 1) : leaf;
  let base = stem.replace(UNSAFE, '_').replace(/\s+/g, ' ');
  base = [...base].slice(0, MAX_BASE).join('');
  // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (base === '') base = 'attachment';
  if (RESERVED.test(base.split('.')[0]!)) base = `_${base}`;
  return `${base}.${ext}`;
}

/** True for a name `openableName` could have given: an extension on the list, nothing unsafe. */
export function isOpenableName(name: string): boolean {
  return openableName(name, '') === name;
}
