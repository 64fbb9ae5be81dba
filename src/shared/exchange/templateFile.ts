/**
 * A checklist template as a file (`*.json`): the built-in templates under resources/templates
 * and the templates cities exchange with each other. It is the content of one template version
 * (sections → criteria, every text multilingual) without any database ids, so it can travel
 * between cities and languages.
 *
 * A criterion may carry a `ref`, a key unique within the file (`stop_reason_recorded`), by
 * which other files — the demo programme — point to it; refs are not stored in the database.
 * Grounds are ground codes (`racial_ethnic_origin`); the schema checks their form only, because
 * a city may extend its list of grounds — the built-in templates use DEFAULT_GROUNDS only
 * (checked by tests/unit/seedFiles.test.ts).
 */
import { z } from 'zod';
import { LocalizedText, OptionalLocalizedText } from '../domain/common';
import { GroundFields } from '../domain/programme';
import { CriterionFields, TemplateFields } from '../domain/template';
import { ResponseType } from '../domain/vocabulary';

export const TEMPLATE_FILE_FORMAT = 'citizen-audit/template';
export const TEMPLATE_FILE_VERSION = 1;
/** The largest template file read, in characters (about 5 MB). */
export const TEMPLATE_FILE_MAX_CHARS = 5_000_000;

/** Key of a criterion within its file: lower-case letters, digits and `_`. */
export const CriterionRef = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Lower-case letters, digits and _');

export const TemplateFileCriterion = z
  .strictObject({
    ref: CriterionRef.optional(),
    text: LocalizedText,
    guidance: OptionalLocalizedText.optional(),
    responseType: ResponseType,
    /** Options of a `choice` criterion; its answer is the option's index. */
    choices: z.array(LocalizedText).max(50).optional(),
    weight: CriterionFields.weight.unwrap().optional(),
    grounds: z.array(GroundFields.code).max(20),
    /** A legal or policy reference, e.g. "EU Directive 2000/43/EC (Racial Equality Directive)". */
    reference: z.string().max(1000).optional(),
  })
  .refine((c) => c.responseType !== 'choice' || (c.choices?.length ?? 0) >= 2, {
    message: 'A choice criterion needs at least two options',
    path: ['choices'],
    params: { problem: 'templateFileChoicesNeeded' },
  })
  .refine((c) => c.responseType === 'choice' || !c.choices?.length, {
    message: 'Only a choice criterion has options',
    path: ['choices'],
    params: { problem: 'templateFileChoicesOnlyForChoice' },
  })
  .refine((c) => new Set(c.grounds).size === c.grounds.length, {
    message: 'A ground is listed twice',
    path: ['grounds'],
    params: { problem: 'templateFileGroundTwice' },
  });
export type TemplateFileCriterion = z.infer<typeof TemplateFileCriterion>;

export const TemplateFileSection = z.strictObject({
  title: LocalizedText,
  criteria: z.array(TemplateFileCriterion).min(1, 'A section needs at least one criterion').max(200),
});
export type TemplateFileSection = z.infer<typeof TemplateFileSection>;

export const TemplateFile = z
  .strictObject({
    format: z.literal(TEMPLATE_FILE_FORMAT),
    formatVersion: z.literal(TEMPLATE_FILE_VERSION),
    /** Stable key (`local_police`); empty for a city's own template. */
    key: TemplateFields.key,
    name: LocalizedText,
    description: OptionalLocalizedText.default({}),
    /** Note stored on the template version the file is installed as. */
    versionNote: z.string().max(2000).optional(),
    sections: z.array(TemplateFileSection).min(1, 'A template needs at least one section').max(100),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, si) =>
      s.criteria.forEach((c, ci) => {
        if (c.ref === undefined) return;
        if (seen.has(c.ref)) {
          ctx.addIssue({
            code: 'custom',
            message: `The criterion ref ${c.ref} is used twice`,
            path: ['sections', si, 'criteria', ci, 'ref'],
            params: { problem: 'templateFileDuplicateRef', ref: c.ref },
          });
        }
        seen.add(c.ref);
      }),
    );
  });
export type TemplateFile = z.infer<typeof TemplateFile>;

/** Every criterion of a file with its position: `[{ section: 0, criterion: 2, ref, value }]`. */
export function fileCriteria(t: TemplateFile): { section: number; criterion: number; value: TemplateFileCriterion }[] {
  return t.sections.flatMap((s, section) => s.criteria.map((value, criterion) => ({ section, criterion, value })));
}

/**
 * Why a template file is refused: a message key of the `rules` translations and its parameters.
 * `path` says where in the file, as a JSON path (`sections[2].criteria[4].text.es`).
 */
export interface TemplateFileProblem {
  key: TemplateFileProblemKey;
  params: Record<string, string | number>;
}
export const TEMPLATE_FILE_PROBLEMS = [
  'templateFileNotJson',
  'templateFileNotObject',
  'templateFileNotTemplate',
  'templateFileVersion',
  'templateFileResponseType',
  'templateFileDuplicateRef',
  'templateFileNoLanguage',
  'templateFileLanguageCode',
  'templateFileTooLong',
  'templateFileTooMany',
  'templateFileTooFew',
  'templateFileNumberRange',
  'templateFileMissing',
  'templateFileWrongType',
  'templateFileUnknownField',
  'templateFileBadCode',
  'templateFileChoicesNeeded',
  'templateFileChoicesOnlyForChoice',
  'templateFileGroundTwice',
  'templateFileGroundUnknown',
  'templateFileGroundArchived',
  'templateFileKeyExists',
  'templateFileInvalid',
] as const;
export type TemplateFileProblemKey = (typeof TEMPLATE_FILE_PROBLEMS)[number];

/** `['sections', 2, 'criteria', 4, 'text', 'es']` → `sections[2].criteria[4].text.es`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The value found at `path` in `json`, or undefined. */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v = json;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** A value as a short text to quote in a message. */
function quoted(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const LANGUAGE_TEXT = 'At least one language is required';

/** The first zod issue of a template file, as a problem naming where and why. */
function problemOf(issue: z.core.$ZodIssue, json: unknown): TemplateFileProblem {
  const path = jsonPath(issue.path);
  const last = issue.path.at(-1);
  const at = (key: TemplateFileProblemKey, params: Record<string, string | number> = {}): TemplateFileProblem => ({
    key,
    params: { path, ...params },
  });
  const value = valueAt(json, issue.path);
  switch (issue.code) {
    case 'invalid_value':
      if (last === 'responseType') return at('templateFileResponseType', { value: quoted(value) });
      if (last === 'format') return at('templateFileNotTemplate');
      if (last === 'formatVersion')
        return at('templateFileVersion', { found: quoted(value), expected: TEMPLATE_FILE_VERSION });
      return at('templateFileInvalid');
    case 'invalid_type':
      if (issue.path.length === 0) return at('templateFileNotObject');
      if (value === undefined) return at('templateFileMissing');
      return at('templateFileWrongType', { expected: issue.expected });
    case 'invalid_key':
      return at('templateFileLanguageCode', { value: quoted(last) });
    case 'unrecognized_keys': {
      const name = issue.keys[0] ?? '';
      // A multilingual text (an object of strings) accepts only the app's language codes.
      const holder = value;
      if (
        holder !== null &&
        typeof holder === 'object' &&
        !Array.isArray(holder) &&
        Object.values(holder).every((v) => typeof v === 'string')
      )
        return {
          key: 'templateFileLanguageCode',
          params: { path: jsonPath([...issue.path, name]), value: quoted(name) },
        };
      return { key: 'templateFileUnknownField', params: { path: jsonPath([...issue.path, name]), name } };
    }
    case 'too_big':
      if (issue.origin === 'string') return at('templateFileTooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return at('templateFileTooMany', { max: Number(issue.maximum) });
      return at('templateFileNumberRange', { min: 0, max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string')
        return at('templateFileTooFew', { min: Number(issue.minimum) });
      return at('templateFileNumberRange', { min: Number(issue.minimum), max: 100 });
    case 'invalid_format':
      return at('templateFileBadCode', { value: quoted(value) });
    case 'custom': {
      const problem = (issue.params as { problem?: string; ref?: string } | undefined)?.problem;
      if (problem === 'templateFileDuplicateRef') return at(problem, { ref: quoted(value) });
      if (problem === 'templateFileGroundTwice') return at(problem);
      if (problem === 'templateFileChoicesNeeded' || problem === 'templateFileChoicesOnlyForChoice') return at(problem);
      if (issue.message === LANGUAGE_TEXT) return at('templateFileNoLanguage');
      return at('templateFileInvalid');
    }
    default:
      return at('templateFileInvalid');
  }
}

/**
 * Where JSON.parse stopped, from its message: "… at position 12", or V8's "Unexpected token 'x',
 * …"context" is not valid JSON", whose context starts ten characters before the token. The end of
 * the text when neither says.
 */
function jsonErrorOffset(text: string, message: string): number {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const token = /Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (token) {
    const [, char = '', cut, context = ''] = token;
    if (cut) {
      const start = text.indexOf(context);
      if (start >= 0) return start + 10;
    }
    const i = text.indexOf(char);
    if (i >= 0) return i;
  }
  return text.length;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Reads a template file from its text: the parsed file, or the first problem (where and why).
 * The format and its version are checked first, so a file of another kind gets one clear
 * message instead of a list of missing fields.
 */
export function readTemplateFile(
  text: string,
): { ok: true; file: TemplateFile } | { ok: false; problem: TemplateFileProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const offset = jsonErrorOffset(text, e instanceof Error ? e.message : '');
    return { ok: false, problem: { key: 'templateFileNotJson', params: lineColumn(text, offset) } };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problem: { key: 'templateFileNotObject', params: { path: '' } } };
  }
  const head = z
    .object({ format: z.literal(TEMPLATE_FILE_FORMAT), formatVersion: z.literal(TEMPLATE_FILE_VERSION) })
    .safeParse(json);
  if (!head.success) return { ok: false, problem: problemOf(head.error.issues[0]!, json) };
  const parsed = TemplateFile.safeParse(json);
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error.issues[0]!, json) };
  return { ok: true, file: parsed.data };
}

/** Every ground code of a file with its JSON path, in file order. */
export function fileGrounds(t: TemplateFile): { path: string; code: string }[] {
  return fileCriteria(t).flatMap(({ section, criterion, value }) =>
    value.grounds.map((code, g) => ({ path: `sections[${section}].criteria[${criterion}].grounds[${g}]`, code })),
  );
}
