/**
 * Checklist templates. A Template has numbered versions; a version holds sections, a section
 * holds criteria. A version is editable while `draft`; publishing freezes it, and an audit pins
 * a published version, so its checklist never changes under the auditors.
 */
import { z } from 'zod';
import { Id, RecordMeta, LocalizedText, OptionalLocalizedText, ListAll, partial, omit } from './common';
import { ResponseType } from './vocabulary';

export const TemplateFields = {
  /** Stable key of a built-in template (`local_police`), or empty for a city's own. */
  key: z
    .string()
    .regex(/^[a-z0-9_]*$/)
    .max(60)
    .default(''),
  name: LocalizedText,
  description: OptionalLocalizedText.default({}),
};
export const Template = RecordMeta.extend(TemplateFields);
export type Template = z.infer<typeof Template>;
export const TemplateCreate = z.strictObject(TemplateFields);
export const TemplateUpdate = z.strictObject({ id: Id, ...partial(TemplateFields) });

export const TemplateVersionFields = {
  templateId: Id,
  number: z.number().int().min(1),
  status: z.enum(['draft', 'published']).default('draft'),
  note: z.string().max(2000).default(''),
};
export const TemplateVersion = RecordMeta.extend(TemplateVersionFields);
export type TemplateVersion = z.infer<typeof TemplateVersion>;
/** A new version: the number is assigned (last + 1); its content is copied from `copyFrom` if given. */
export const TemplateVersionCreate = z.strictObject({
  templateId: Id,
  note: z.string().max(2000).default(''),
  copyFrom: Id.optional(),
});
export const TemplateVersionList = ListAll.extend({ templateId: Id });

export const SectionFields = {
  versionId: Id,
  position: z.number().int().min(0),
  title: LocalizedText,
};
export const Section = RecordMeta.extend(SectionFields);
export type Section = z.infer<typeof Section>;
export const SectionCreate = z.strictObject(SectionFields);
export const SectionUpdate = z.strictObject({ id: Id, ...partial(omit(SectionFields, 'versionId')) });
export const SectionList = ListAll.extend({ versionId: Id });

export const CriterionFields = {
  sectionId: Id,
  position: z.number().int().min(0),
  text: LocalizedText,
  guidance: OptionalLocalizedText.default({}),
  responseType: ResponseType.default('rating'),
  /** Options of a `choice` criterion. */
  choices: z.array(LocalizedText).max(50).default([]),
  weight: z.number().min(0).max(100).nullable().default(null),
  /** Codes of the grounds of discrimination it concerns. */
  grounds: z.array(z.string().max(40)).max(20).default([]),
  reference: z.string().max(1000).default(''),
};
export const Criterion = RecordMeta.extend(CriterionFields);
export type Criterion = z.infer<typeof Criterion>;
export const CriterionCreate = z
  .strictObject(CriterionFields)
  .refine((c) => c.responseType !== 'choice' || c.choices.length >= 2, {
    message: 'A choice criterion needs at least two options',
    path: ['choices'],
  });
export const CriterionUpdate = z.strictObject({ id: Id, ...partial(omit(CriterionFields, 'sectionId')) });
export const CriterionList = ListAll.extend({ sectionId: Id.optional(), versionId: Id.optional() });
