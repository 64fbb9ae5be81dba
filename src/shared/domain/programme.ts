/** The programme and who and what it audits: Programme, Service, Person, Ground. */
import { z } from 'zod';
import { Id, IsoDate, Name, RecordMeta, Text, LocalizedText, ListAll, partial, omit } from './common';
import { Language, PersonRole } from './vocabulary';

export const ProgrammeFields = {
  name: Name,
  city: Name,
  coordinatingOffice: z.string().trim().max(200).default(''),
  periodStart: IsoDate.nullable().default(null),
  periodEnd: IsoDate.nullable().default(null),
  defaultLanguage: Language.default('en'),
  /** Text printed on report covers, e.g. the council's name. */
  reportBranding: z.string().trim().max(500).default(''),
};
export const Programme = RecordMeta.extend(ProgrammeFields);
export type Programme = z.infer<typeof Programme>;
export const ProgrammeCreate = z
  .strictObject(ProgrammeFields)
  .refine((p) => !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd, {
    message: 'The period ends before it starts',
    path: ['periodEnd'],
  });
export const ProgrammeUpdate = z.strictObject({ id: Id, ...partial(ProgrammeFields) });

export const ServiceFields = {
  programmeId: Id,
  name: Name,
  department: z.string().trim().max(200).default(''),
  address: z.string().trim().max(500).default(''),
  description: Text.default(''),
  managerId: Id.nullable().default(null),
};
export const Service = RecordMeta.extend(ServiceFields);
export type Service = z.infer<typeof Service>;
export const ServiceCreate = z.strictObject(ServiceFields);
export const ServiceUpdate = z.strictObject({ id: Id, ...partial(omit(ServiceFields, 'programmeId')) });
export const ServiceList = ListAll.extend({ programmeId: Id.optional() });

/** A pseudonymous auditor code such as `AUD-07`: reports show it instead of the name. */
export const PersonCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,19}$/, 'Use 2–20 letters, digits, - or _');

export const PersonFields = {
  displayName: Name,
  role: PersonRole,
  code: PersonCode,
  email: z.union([z.literal(''), z.email()]).default(''),
  organisation: z.string().trim().max(200).default(''),
  /** CAMUS certifies auditors after 40 hours of training. */
  certificationDate: IsoDate.nullable().default(null),
};
export const Person = RecordMeta.extend(PersonFields);
export type Person = z.infer<typeof Person>;
export const PersonCreate = z.strictObject(PersonFields);
export const PersonUpdate = z.strictObject({ id: Id, ...partial(PersonFields) });
export const PersonList = ListAll.extend({ role: PersonRole.optional() });

export const GroundFields = {
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _'),
  label: LocalizedText,
};
export const Ground = RecordMeta.extend(GroundFields);
export type Ground = z.infer<typeof Ground>;
export const GroundCreate = z.strictObject(GroundFields);
export const GroundUpdate = z.strictObject({ id: Id, label: LocalizedText.optional() });
