/**
 * The programme and who and what it audits: Programme, Service, Person, Ground.
 *
 * One database file holds one programme (the demo is a database of its own), so services,
 * audits and measures belong to it without naming it.
 */
import { z } from 'zod';
import {
  Id,
  IsoDate,
  Name,
  RecordMeta,
  Rev,
  Text,
  LocalizedText,
  ListAll,
  GroundCode,
  partial,
  LIMITS,
} from './common';
import { ACTION_AREAS, ActionArea, Language, PersonRole } from './vocabulary';

export const ProgrammeFields = {
  name: Name,
  city: Name,
  coordinatingOffice: z.string().trim().max(LIMITS.name).default(''),
  periodStart: IsoDate.nullable().default(null),
  periodEnd: IsoDate.nullable().default(null),
  defaultLanguage: Language.default('en'),
  /** Text printed on report covers, e.g. the council's name. */
  reportBranding: z.string().trim().max(LIMITS.line).default(''),
  /** The programme's own names of the action areas, by language; an area or language left out keeps the default name. */
  actionAreaNames: z
    .partialRecord(ActionArea, z.partialRecord(Language, z.string().trim().max(LIMITS.name)))
    .default({}),
};
export const Programme = RecordMeta.extend(ProgrammeFields);
export type Programme = z.infer<typeof Programme>;
export type ActionAreaNames = z.infer<typeof ProgrammeFields.actionAreaNames>;
/**
 * The name of an action area in `language`: the programme's own when it renamed the area (in
 * that language), else `fallback(area)`, the default name (Reggio Emilia's plan).
 */
export function actionAreaName(
  names: ActionAreaNames | undefined,
  area: ActionArea,
  language: Language,
  fallback: (area: ActionArea) => string,
): string {
  const own = names?.[area]?.[language]?.trim();
  return own ? own : fallback(area);
}
/** Every action area with its name in `language`, in the plan's order. */
export const actionAreas = (
  names: ActionAreaNames | undefined,
  language: Language,
  fallback: (area: ActionArea) => string,
): { area: ActionArea; name: string }[] =>
  ACTION_AREAS.map((area) => ({ area, name: actionAreaName(names, area, language, fallback) }));
const periodInOrder = (p: { periodStart?: string | null; periodEnd?: string | null }) =>
  !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd;
/** The first start of a city's programme (a database holds one). */
export const ProgrammeSetUp = z
  .strictObject(ProgrammeFields)
  .refine(periodInOrder, { message: 'The period ends before it starts', path: ['periodEnd'] });
export const ProgrammeUpdate = z
  .strictObject({ id: Id, rev: Rev, ...partial(ProgrammeFields) })
  .refine(periodInOrder, { message: 'The period ends before it starts', path: ['periodEnd'] });

export const ServiceFields = {
  name: Name,
  department: z.string().trim().max(LIMITS.name).default(''),
  address: z.string().trim().max(LIMITS.line).default(''),
  description: Text.default(''),
  managerId: Id.nullable().default(null),
};
export const Service = RecordMeta.extend(ServiceFields);
export type Service = z.infer<typeof Service>;
export const ServiceCreate = z.strictObject(ServiceFields);
export const ServiceUpdate = z.strictObject({ id: Id, rev: Rev, ...partial(ServiceFields) });
export const ServiceList = ListAll;

/** A pseudonymous auditor code such as `AUD-07`: reports show it instead of the name. */
export const PersonCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,19}$/, 'Use 2–20 letters, digits, - or _');

export const PersonFields = {
  displayName: Name,
  role: PersonRole,
  code: PersonCode,
  email: z.union([z.literal(''), z.email().max(LIMITS.email)]).default(''),
  organisation: z.string().trim().max(LIMITS.name).default(''),
  /** CAMUS certifies auditors after 40 hours of training. */
  certificationDate: IsoDate.nullable().default(null),
};
export const Person = RecordMeta.extend(PersonFields);
export type Person = z.infer<typeof Person>;
export const PersonCreate = z.strictObject(PersonFields);
export const PersonUpdate = z.strictObject({ id: Id, rev: Rev, ...partial(PersonFields) });
export const PersonList = ListAll.extend({ role: PersonRole.optional() });

export const GroundFields = {
  code: GroundCode,
  label: LocalizedText,
};
export const Ground = RecordMeta.extend(GroundFields);
export type Ground = z.infer<typeof Ground>;
export const GroundCreate = z.strictObject(GroundFields);
/** The code is what records refer to: it never changes; the label may. */
export const GroundUpdate = z.strictObject({ id: Id, rev: Rev, label: LocalizedText.optional() });
