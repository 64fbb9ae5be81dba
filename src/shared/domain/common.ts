/**
 * Building blocks shared by every entity schema: ids, dates, multilingual text and the metadata
 * every record carries (stable UUID, author, created/updated times, revision, archive mark).
 */
import { z } from 'zod';
import { Language } from './vocabulary';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date, `2026-03-01`. */
export const IsoDate = z.iso.date();
/** An instant with offset, `2026-03-01T10:15:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

/**
 * The limits of text fields, in UTF-16 code units as JavaScript counts them (docs/limits.md
 * lists which field has which; tests check each at its edge and one past it).
 */
export const LIMITS = {
  /** Names and titles. */
  name: 200,
  /** Short lines: a department, an organisation, a location, an address. */
  line: 500,
  /** Free texts: notes, narratives, descriptions. */
  text: 20_000,
  /** An e-mail address (RFC 5321's path limit). */
  email: 254,
  /** A file name, as most file systems allow. */
  fileName: 255,
} as const;

/**
 * Invisible characters: format characters (zero-width spaces and joiners, bidi marks), controls,
 * separators and the blank Hangul fillers some keyboards produce.
 */
const INVISIBLE = /^[\p{Cf}\p{Cc}\p{Z}\u115F\u1160\u3164\uFFA0\u180E]*$/u;
/** True when a text shows nothing at all (empty, spaces, or only invisible characters). */
export const isInvisible = (s: string): boolean => INVISIBLE.test(s);

/** A short required text: trimmed, not empty, not made only of invisible characters. */
export const Name = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(LIMITS.name)
  .refine((s) => !isInvisible(s), 'Required');
/** A longer free text; may be empty. */
export const Text = z.string().max(LIMITS.text);

/**
 * Text in the languages the app knows (LANGUAGES: `en`, `es`): `{ en: 'Greeting', es: 'Saludo' }`.
 * At least one language must be present; another key is refused, so a text holds at most
 * 2 × 20,000 characters.
 */
export const LocalizedText = z
  .partialRecord(Language, z.string().max(LIMITS.text))
  .refine((v) => Object.values(v).some((s) => s !== undefined && !isInvisible(s)), 'At least one language is required');
export type LocalizedText = z.infer<typeof LocalizedText>;
/** Like LocalizedText, but may be empty (`{}`): guidance, descriptions. */
export const OptionalLocalizedText = z.partialRecord(Language, z.string().max(LIMITS.text));

/** Metadata of every stored record. */
export const RecordMeta = z.object({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
  rev: z.number().int().min(1),
  archivedAt: Timestamp.nullable(),
});

export const ById = z.strictObject({ id: Id });

/**
 * The revision of a record the caller read. Every change of an existing record carries it; when
 * the record has moved on since (another window, an imported file), the change is refused with
 * `conflict` instead of silently overwriting what the other change did.
 */
export const Rev = z.number().int().min(1);
/** Archive (and other one-step changes of) a record the caller read at `rev`. */
export const ByIdAtRev = z.strictObject({ id: Id, rev: Rev });

/**
 * The code of a ground of discrimination (`racial_ethnic_origin`). Grounds are data (a city may
 * add its own), so records refer to them by code, and the database checks the code exists.
 */
export const GroundCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _');
export const GroundCodes = z.array(GroundCode).max(20);

/** Rows of a list answered at once by default, and at most. */
export const PAGE_SIZE = 200;
export const PAGE_MAX = 500;

/**
 * Input of every `*.list` channel: live records only unless `includeArchived`, `limit` of them
 * from `offset`. Channels with filters extend it.
 */
export const ListAll = z.strictObject({
  includeArchived: z.boolean().optional(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(PAGE_SIZE),
  offset: z.number().int().min(0).max(100_000_000).default(0),
});

/** One page of a list: its items, and the offset of the next page (null on the last one). */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.number().int().min(0).nullable() });
}
export interface Paged<T> {
  items: T[];
  next: number | null;
}

/**
 * Makes every field optional and drops its default, for update inputs: an absent key means
 * "leave as is", never "reset to the default".
 */
export function partial<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  }
  return out as { [K in keyof T]: z.ZodOptional<T[K]> };
}

export function omit<T extends Record<string, z.ZodType>, K extends keyof T>(fields: T, ...keys: K[]): Omit<T, K> {
  const out = { ...fields };
  for (const k of keys) delete out[k];
  return out;
}
