/**
 * What an attachment may be called and what it may be. A file name travels into other people's
 * file systems (exports, the system viewer, a USB stick) and onto report pages, so it must mean
 * the same everywhere: no path, no character Windows refuses, no reserved device name, and no
 * bidirectional control that would make `photo‮gpj.exe` read as `photoexe.jpg`. Media types come
 * from a known list, so a viewer is never handed a type it would run.
 */
import { z } from 'zod';
import { isInvisible, LIMITS } from './common';

/** Windows refuses these characters in names, and every control character (\p{Cc}). */
const FORBIDDEN_CHARS = /[<>:"/\\|?*\p{Cc}]/u;
/** Bidirectional controls and marks (U+061C, U+200E–F, U+202A–E, U+2066–9). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Device names Windows reserves, with or without an extension (`CON`, `nul.txt`, `COM1.jpg`). */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$/iu;

/** Why a file name is refused, or null when it is fine. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0 || isInvisible(name)) return 'A file name that shows something';
  if (FORBIDDEN_CHARS.test(name)) return 'A file name without < > : " / \\ | ? * or control characters';
  if (BIDI_CONTROLS.test(name)) return 'A file name without bidirectional control characters';
  if (name === '.' || name === '..' || /[. ]$/u.test(name)) return 'A file name that does not end in a dot or space';
  if (RESERVED.test(name)) return 'A file name that is not reserved by Windows (CON, NUL, COM1…)';
  return null;
}

export const FileName = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(LIMITS.fileName)
  .superRefine((name, ctx) => {
    const problem = fileNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The media types an attachment may have: photos, documents, recordings, spreadsheets. */
export const MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/tiff',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/rtf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'application/octet-stream',
] as const;
export const MediaType = z.enum(MEDIA_TYPES);
export type MediaType = z.infer<typeof MediaType>;

/** The media types shown inline as a picture (others open with the system's viewer). */
export const IMAGE_TYPES: readonly MediaType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
