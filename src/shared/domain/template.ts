/**
 * Checklist templates. A Template has numbered versions; a version holds sections, a section
 * holds criteria. A version is editable while `draft`; publishing freezes it, and an audit pins
 * a published version, so its checklist never changes under the auditors. Changing a published
 * checklist means starting a new draft version (a copy) and publishing that.
 */
import { z } from 'zod';
import {
  Id,
  RecordMeta,
  Rev,
  LocalizedText,
  OptionalLocalizedText,
  ListAll,
  GroundCodes,
  partial,
  omit,
} from './common';
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
/** A city's own template: it starts with an empty draft version 1. */
export const TemplateCreate = z.strictObject(TemplateFields);
export const TemplateUpdate = z.strictObject({ id: Id, rev: Rev, ...partial(TemplateFields) });
export const TemplateList = ListAll;

export const TEMPLATE_VERSION_STATUSES = ['draft', 'published'] as const;
export const TemplateVersionFields = {
  templateId: Id,
  number: z.number().int().min(1),
  status: z.enum(TEMPLATE_VERSION_STATUSES),
  note: z.string().max(2000).default(''),
};
export const TemplateVersion = RecordMeta.extend(TemplateVersionFields);
export type TemplateVersion = z.infer<typeof TemplateVersion>;
/** A new draft version, numbered last + 1; its checklist is copied from `copyFrom` when given. */
export const StartDraft = z.strictObject({
  templateId: Id,
  note: z.string().max(2000).default(''),
  copyFrom: Id.optional(),
});
export const TemplateVersionList = ListAll.extend({ templateId: Id });
export const TemplateWithVersion = z.object({ template: Template, version: TemplateVersion });
/** A built-in template that comes with the app; `templateId` is the installed one, or null. */
export const BuiltInTemplate = z.object({
  key: z.string(),
  name: LocalizedText,
  description: OptionalLocalizedText,
  sections: z.number().int().min(0),
  criteria: z.number().int().min(0),
  templateId: Id.nullable(),
});

export const SectionFields = {
  versionId: Id,
  /** 0-based; the sections of a version are numbered 0..n-1 without gaps. */
  position: z.number().int().min(0),
  title: LocalizedText,
};
export const Section = RecordMeta.extend(SectionFields);
export type Section = z.infer<typeof Section>;
/** Adds a section at `position` (default: at the end). */
export const SectionAdd = z.strictObject({
  versionId: Id,
  title: LocalizedText,
  position: z.number().int().min(0).optional(),
});
export const SectionEdit = z.strictObject({ id: Id, rev: Rev, title: LocalizedText });
export const SectionMove = z.strictObject({ id: Id, rev: Rev, position: z.number().int().min(0) });

export const CriterionFields = {
  sectionId: Id,
  /** 0-based within its section, without gaps. */
  position: z.number().int().min(0),
  text: LocalizedText,
  guidance: OptionalLocalizedText.default({}),
  responseType: ResponseType.default('rating'),
  /** Options of a `choice` criterion; its answer is the option's index. */
  choices: z.array(LocalizedText).max(50).default([]),
  weight: z.number().min(0).max(100).nullable().default(null),
  /** Codes of the grounds of discrimination it concerns. */
  grounds: GroundCodes.default([]),
  /** A legal or policy reference, e.g. "EU Directive 2000/43/EC". */
  reference: z.string().max(1000).default(''),
};
export const Criterion = RecordMeta.extend(CriterionFields);
export type Criterion = z.infer<typeof Criterion>;
const choicesFit = (c: { responseType?: string; choices?: unknown[] | undefined }) =>
  c.responseType === undefined ||
  (c.responseType === 'choice' ? (c.choices?.length ?? 0) >= 2 : (c.choices?.length ?? 0) === 0);
const CHOICES_MESSAGE = {
  message: 'A choice criterion needs at least two options; other types have none',
  path: ['choices'],
};
/** Adds a criterion at `position` in its section (default: at the end). */
export const CriterionAdd = z
  .strictObject({ ...omit(CriterionFields, 'position'), position: z.number().int().min(0).optional() })
  .refine(choicesFit, CHOICES_MESSAGE);
/** The type and its options are checked together on the edited criterion (the core knows both). */
export const CriterionEdit = z.strictObject({
  id: Id,
  rev: Rev,
  ...partial(omit(CriterionFields, 'sectionId', 'position')),
});
/** Moves a criterion to `position` of `sectionId` (default: its own section) in the same version. */
export const CriterionMove = z.strictObject({
  id: Id,
  rev: Rev,
  sectionId: Id.optional(),
  position: z.number().int().min(0),
});

/** One version's whole checklist, in order: what the checklist screens and reports read. */
export const Checklist = z.object({
  template: Template,
  version: TemplateVersion,
  sections: z.array(Section.extend({ criteria: z.array(Criterion) })),
});
export type Checklist = z.infer<typeof Checklist>;
