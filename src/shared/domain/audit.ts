/**
 * An audit and what its team records in the field: Audit (with its team), Response (one per
 * auditor and criterion), ConsolidatedResult (one per criterion), Observation, Attachment and
 * SituationTest.
 *
 * What an auditor records (answers, observations) is attributed to the person one works as: the
 * inputs name no author, the core fills it in.
 */
import { z } from 'zod';
import {
  Id,
  IsoDate,
  Name,
  RecordMeta,
  Rev,
  Text,
  Timestamp,
  ListAll,
  GroundCode,
  GroundCodes,
  partial,
  omit,
  LIMITS,
} from './common';
import { AnswerEvidenceLink, evidenceList } from './evidence';
import { FileName, MediaType } from './files';
import { AuditMethod, AuditStatus, Rating, Severity } from './vocabulary';

export const AuditFields = {
  serviceId: Id,
  /** The published template version this audit pins. */
  templateVersionId: Id,
  title: Name,
  scope: Text.default(''),
  methods: z.array(AuditMethod).min(1, 'Choose at least one method').max(6),
  leadId: Id.nullable().default(null),
  /** Auditors of the team (the lead included). */
  teamIds: z.array(Id).max(50).default([]),
  plannedStart: IsoDate.nullable().default(null),
  plannedEnd: IsoDate.nullable().default(null),
  actualStart: IsoDate.nullable().default(null),
  actualEnd: IsoDate.nullable().default(null),
};
export const Audit = RecordMeta.extend({ ...AuditFields, status: AuditStatus });
export type Audit = z.infer<typeof Audit>;
/** Plans an audit: it starts in status `planned`. */
export const AuditPlan = z.strictObject(AuditFields);
export const AuditUpdate = z.strictObject({
  id: Id,
  rev: Rev,
  ...partial(omit(AuditFields, 'serviceId', 'templateVersionId')),
});
export const AuditList = ListAll.extend({ serviceId: Id.optional(), status: AuditStatus.optional() });

/** The value of an answer: a rating for rating/yes_no criteria, or a number, choice or text. */
export const AnswerValue = z.union([z.number(), z.string().max(LIMITS.text)]).nullable();

export const ResponseFields = {
  auditId: Id,
  criterionId: Id,
  auditorId: Id,
  rating: Rating.nullable().default(null),
  /** For number, choice (index) and free-text criteria. */
  value: AnswerValue.default(null),
  note: Text.default(''),
  /** Observations, situation tests and attachments of the same audit that back this answer. */
  evidence: evidenceList(AnswerEvidenceLink, 100).default([]),
  answeredAt: Timestamp,
};
export const Response = RecordMeta.extend(ResponseFields);
export type Response = z.infer<typeof Response>;
/**
 * The current person's answer to one criterion: creates it (`rev: null`, nothing answered yet)
 * or changes it (`rev` of the answer read).
 */
export const RecordAnswer = z.strictObject({
  auditId: Id,
  criterionId: Id,
  rating: Rating.nullable().default(null),
  value: AnswerValue.default(null),
  note: Text.default(''),
  evidence: evidenceList(AnswerEvidenceLink, 100).default([]),
  rev: Rev.nullable(),
});
export const AnswerList = ListAll.extend({ auditId: Id, auditorId: Id.optional() });

export const ConsolidatedResultFields = {
  auditId: Id,
  criterionId: Id,
  rating: Rating.nullable().default(null),
  value: AnswerValue.default(null),
  note: Text.default(''),
  decidedBy: Id,
};
export const ConsolidatedResult = RecordMeta.extend(ConsolidatedResultFields);
export type ConsolidatedResult = z.infer<typeof ConsolidatedResult>;
/** The team's result for one criterion, decided by the current person: created (`rev: null`) or changed. */
export const Consolidate = z.strictObject({
  auditId: Id,
  criterionId: Id,
  rating: Rating.nullable().default(null),
  value: AnswerValue.default(null),
  note: Text.default(''),
  rev: Rev.nullable(),
});
export const ByAudit = ListAll.extend({ auditId: Id });

export const ObservationFields = {
  auditId: Id,
  authorId: Id,
  observedAt: Timestamp,
  location: z.string().trim().max(LIMITS.line).default(''),
  method: AuditMethod,
  narrative: z.string().trim().min(1, 'Required').max(LIMITS.text),
  grounds: GroundCodes.default([]),
  severity: Severity.nullable().default(null),
  criterionIds: z.array(Id).max(100).default([]),
  /** True when the entry holds personal data: excluded from reports and exports unless asked. */
  personalData: z.boolean().default(false),
};
export const Observation = RecordMeta.extend(ObservationFields);
export type Observation = z.infer<typeof Observation>;
/** An entry of the observation log, written by the current person. */
export const ObservationRecord = z.strictObject(omit(ObservationFields, 'authorId'));
export const ObservationUpdate = z.strictObject({
  id: Id,
  rev: Rev,
  ...partial(omit(ObservationFields, 'auditId', 'authorId')),
});

/**
 * A text cut into parts, some of them marked as matching a search: the renderer shows the marked
 * parts highlighted (as `<mark>`), without any markup travelling in the text itself.
 */
export const MarkedText = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type MarkedText = z.infer<typeof MarkedText>;

/** Characters of a narrative an entry of a list carries (the whole narrative comes with `get`). */
export const EXCERPT_CHARS = 240;

/**
 * An observation as lists and searches carry it: everything but the narrative, which comes as an
 * excerpt (the passage around the hits, when searched), with the narrative's full length.
 */
export const ObservationEntry = Observation.omit({ narrative: true, location: true }).extend({
  location: MarkedText,
  excerpt: MarkedText,
  narrativeLength: z.number().int().min(0),
});
export type ObservationEntry = z.infer<typeof ObservationEntry>;

/**
 * Full-text search of an audit's observation log, over narratives and locations, combined with
 * filters. The query is words, not a query language: each word must occur (as a word or the
 * start of one), whatever its case and accents; quotes, operators and stars are plain text.
 * An empty query lists the entries the filters keep.
 */
export const ObservationSearch = ListAll.extend({
  auditId: Id,
  query: z.string().max(500).default(''),
  ground: GroundCode.optional(),
  severity: Severity.optional(),
  method: AuditMethod.optional(),
  authorId: Id.optional(),
  /** Observed on or after this day (the day of `observedAt` as written). */
  from: IsoDate.optional(),
  /** Observed on or before this day. */
  to: IsoDate.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** A file kept in the attachments folder, addressed by its SHA-256. */
export const AttachmentFields = {
  auditId: Id,
  observationId: Id.nullable(),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().max(100),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caption: z.string().max(1000),
  personalData: z.boolean(),
};
export const Attachment = RecordMeta.extend(AttachmentFields);
export type Attachment = z.infer<typeof Attachment>;
/** Content travels base64-encoded over the API: attachments are photos and documents of a few MB. */
export const AttachmentAdd = z.strictObject({
  auditId: Id,
  observationId: Id.nullable().default(null),
  fileName: FileName,
  mediaType: MediaType.default('application/octet-stream'),
  contentBase64: z.base64().max(70_000_000, 'Attachments are limited to 50 MB'),
  caption: z.string().max(1000).default(''),
  personalData: z.boolean().default(false),
});
export const AttachmentUpdate = z.strictObject({
  id: Id,
  rev: Rev,
  caption: z.string().max(1000).optional(),
  personalData: z.boolean().optional(),
  observationId: Id.nullable().optional(),
});
export const AttachmentList = ListAll.extend({ auditId: Id, observationId: Id.optional() });
export const AttachmentContent = z.object({
  id: Id,
  mediaType: z.string(),
  sha256: z.string(),
  contentBase64: z.string(),
});
/**
 * `attachments.open`: the name of the copy made to open (the original, cleaned, with an extension
 * the viewer may open). The core answers the copy's path with `opened: false`; the Electron shell
 * opens it and answers `opened` without the path.
 */
export const AttachmentOpened = z.object({
  opened: z.boolean(),
  fileName: z.string(),
  path: z.string().nullable(),
});

/**
 * A paired situation test (mystery shopping): two testers who differ in one characteristic ask
 * for the same service; a difference in treatment is evidence of discrimination.
 */
export const SituationTestFields = {
  auditId: Id,
  scenario: z.string().trim().min(1, 'Required').max(5000),
  conductedOn: IsoDate,
  /** The characteristic the two profiles differ in, as a ground code. */
  groundTested: GroundCode,
  testerACode: z.string().trim().max(20),
  profileA: z.string().max(2000).default(''),
  outcomeA: z.string().max(5000).default(''),
  testerBCode: z.string().trim().max(20),
  profileB: z.string().max(2000).default(''),
  outcomeB: z.string().max(5000).default(''),
  differentialTreatment: z.boolean().nullable().default(null),
  notes: Text.default(''),
};
export const SituationTest = RecordMeta.extend(SituationTestFields);
export type SituationTest = z.infer<typeof SituationTest>;
export const SituationTestRecord = z.strictObject(SituationTestFields);
export const SituationTestUpdate = z.strictObject({
  id: Id,
  rev: Rev,
  ...partial(omit(SituationTestFields, 'auditId')),
});

export const AgreementSummary = z.object({
  auditId: Id,
  /** Criteria rated by at least two auditors. */
  comparable: z.number().int(),
  /** Of those, criteria where every auditor gave the same rating. */
  agreeing: z.number().int(),
  /** agreeing / comparable, or null when nothing is comparable. */
  agreement: z.number().min(0).max(1).nullable(),
  disagreements: z.array(
    z.object({ criterionId: Id, ratings: z.array(z.object({ auditorId: Id, rating: Rating.nullable() })) }),
  ),
  /** The auditors who gave at least one rating, in the order of the team. */
  raters: z.array(Id).default([]),
  /** Cohen's kappa for two raters, Fleiss' for three or more; null with fewer than two. */
  kappaMethod: z.enum(['cohen', 'fleiss']).nullable().default(null),
  /** The kappa over the criteria every rater rated; null when undefined (see shared/domain/agreement.ts). */
  kappa: z.number().nullable().default(null),
  /** The criteria every rater rated: the subjects of the kappa. */
  kappaSubjects: z.number().int().min(0).default(0),
  /** Each pair of raters: criteria both rated, their percent agreement and Cohen's kappa. */
  pairs: z
    .array(
      z.object({
        auditorIds: z.tuple([Id, Id]),
        subjects: z.number().int().min(0),
        agreement: z.number().min(0).max(1).nullable(),
        kappa: z.number().nullable(),
      }),
    )
    .default([]),
});
