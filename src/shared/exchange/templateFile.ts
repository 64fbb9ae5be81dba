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
  })
  .refine((c) => c.responseType === 'choice' || !c.choices?.length, {
    message: 'Only a choice criterion has options',
    path: ['choices'],
  })
  .refine((c) => new Set(c.grounds).size === c.grounds.length, {
    message: 'A ground is listed twice',
    path: ['grounds'],
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
