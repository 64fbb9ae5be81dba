/**
 * The one API contract between the renderer and the core. Every channel is `domain.verb`, takes
 * one object, has a zod schema for its input and its output, and declares its kind:
 *
 * - `read`: answers from the database and changes nothing;
 * - `write`: changes the database, all or nothing, in one transaction;
 * - `exclusive`: runs on its own, outside any transaction: switching workspace, settings,
 *   backups and restore (SQLite cannot copy a database from inside a transaction).
 *
 * Where the domain has a verb the channel says it (`audits.recordAnswer`, `audits.submit`,
 * `recommendations.answer`, `measures.recordProgress`); plain create/update/archive remain only
 * for plain records (services, people, grounds, and the texts of findings, recommendations and
 * measures). Every change of an existing record carries the `rev` the caller read.
 *
 * The IPC registration, the preload allowlist, the http test transport and the renderer's typed
 * client all derive from this object, so a channel exists in one place only.
 */
import { z } from 'zod';
import { ById, ByIdAtRev, Id, ListAll, Page } from '../domain/common';
import * as P from '../domain/programme';
import * as T from '../domain/template';
import * as A from '../domain/audit';
import * as F from '../domain/findings';
import * as M from '../domain/actionPlan';
import * as Tr from '../domain/trace';
import { HistoryEntry, HistoryList } from '../domain/history';
import * as R from '../domain/report';
import { Language } from '../domain/vocabulary';
import * as B from '../domain/backup';
import * as D from '../domain/dashboards';
import { ApiError } from './errors';
import { TEMPLATE_FILE_MAX_CHARS, TemplateFile } from '../exchange/templateFile';

export const CHANNEL_KINDS = ['read', 'write', 'exclusive'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

interface ChannelDef<K extends ChannelKind, I extends z.ZodType, O extends z.ZodType> {
  kind: K;
  input: I;
  output: O;
}
const read = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<'read', I, O> => ({
  kind: 'read',
  input,
  output,
});
const write = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<'write', I, O> => ({
  kind: 'write',
  input,
  output,
});
const exclusive = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<'exclusive', I, O> => ({
  kind: 'exclusive',
  input,
  output,
});

export const Workspace = z.enum(['main', 'demo']);
export const SessionState = z.object({
  workspace: Workspace,
  currentPerson: P.Person.nullable(),
  language: Language,
  /** The programme of this database, once it has been set up. */
  programme: P.Programme.nullable(),
  dataDir: z.string(),
  /** The last automatic backup failed (until one succeeds): shown to the user, not only logged. */
  backupProblem: ApiError.nullable(),
});
export type SessionState = z.infer<typeof SessionState>;

const Empty = z.strictObject({});

export const contract = {
  'session.get': read(Empty, SessionState),
  /** First start: "who are you?" creates that person and works as them. */
  'session.begin': write(P.PersonCreate, SessionState),
  'session.setCurrentPerson': write(z.strictObject({ personId: Id }), SessionState),
  'session.setLanguage': exclusive(z.strictObject({ language: Language }), SessionState),
  /** Switch to the demo programme (its own database, filled on first open) or back. */
  'session.openWorkspace': exclusive(z.strictObject({ workspace: Workspace }), SessionState),

  /** The programme of this database, or null before it is set up. */
  'programme.get': read(Empty, P.Programme.nullable()),
  /** Sets up the database's one programme. */
  'programme.setUp': write(P.ProgrammeSetUp, P.Programme),
  'programme.update': write(P.ProgrammeUpdate, P.Programme),

  'services.list': read(P.ServiceList, Page(P.Service)),
  'services.get': read(ById, P.Service),
  'services.create': write(P.ServiceCreate, P.Service),
  'services.update': write(P.ServiceUpdate, P.Service),
  'services.archive': write(ByIdAtRev, P.Service),

  'people.list': read(P.PersonList, Page(P.Person)),
  'people.get': read(ById, P.Person),
  'people.create': write(P.PersonCreate, P.Person),
  'people.update': write(P.PersonUpdate, P.Person),
  'people.archive': write(ByIdAtRev, P.Person),

  'grounds.list': read(ListAll, Page(P.Ground)),
  'grounds.create': write(P.GroundCreate, P.Ground),
  'grounds.update': write(P.GroundUpdate, P.Ground),
  'grounds.archive': write(ByIdAtRev, P.Ground),

  'templates.list': read(T.TemplateList, Page(T.Template)),
  'templates.get': read(ById, T.Template),
  /** A city's own template, with an empty draft version 1 to fill in. */
  'templates.create': write(T.TemplateCreate, T.TemplateWithVersion),
  /** Installs a template file as a new template with one published version. */
  'templates.import': write(
    z.strictObject({ file: TemplateFile }),
    T.TemplateWithVersion.extend({
      /** The criteria created, by the `ref` the file gives them. */
      criterionIdsByRef: z.record(z.string(), Id),
    }),
  ),
  /**
   * Installs a template file from its text (a file chosen in the UI). A bad file is refused with
   * its first problem: the rule key names why, `params.path` where (`sections[2].criteria[4].text.es`).
   */
  'templates.importFile': write(
    z.strictObject({ content: z.string().max(TEMPLATE_FILE_MAX_CHARS) }),
    T.TemplateWithVersion.extend({ criterionIdsByRef: z.record(z.string(), Id) }),
  ),
  /** One version as a template file, with a file name to save it under. */
  'templates.export': read(z.strictObject({ versionId: Id }), z.object({ fileName: z.string(), file: TemplateFile })),
  /** A city's own copy of a version: a new template whose draft version 1 copies its checklist. */
  'templates.duplicate': write(z.strictObject({ versionId: Id, name: T.TemplateFields.name }), T.TemplateWithVersion),
  /** The built-in templates that come with the app, with the id of the installed one, if any. */
  'templates.builtIns': read(Empty, z.array(T.BuiltInTemplate)),
  /** Installs a built-in template (once). */
  'templates.installBuiltIn': write(z.strictObject({ key: z.string().max(60) }), T.TemplateWithVersion),
  'templates.update': write(T.TemplateUpdate, T.Template),
  'templates.archive': write(ByIdAtRev, T.Template),
  'templateVersions.list': read(T.TemplateVersionList, Page(T.TemplateVersion)),
  'templateVersions.get': read(ById, T.TemplateVersion),
  /** A version's sections and criteria, in order. */
  'templateVersions.checklist': read(ById, T.Checklist),
  'templateVersions.startDraft': write(T.StartDraft, T.TemplateVersion),
  /** Freezes a draft version so audits can pin it. */
  'templateVersions.publish': write(ByIdAtRev, T.TemplateVersion),
  'sections.add': write(T.SectionAdd, T.Section),
  'sections.edit': write(T.SectionEdit, T.Section),
  'sections.move': write(T.SectionMove, T.Section),
  'sections.remove': write(ByIdAtRev, T.Section),
  'criteria.add': write(T.CriterionAdd, T.Criterion),
  'criteria.edit': write(T.CriterionEdit, T.Criterion),
  'criteria.move': write(T.CriterionMove, T.Criterion),
  'criteria.remove': write(ByIdAtRev, T.Criterion),

  'audits.list': read(A.AuditList, Page(A.Audit)),
  'audits.get': read(ById, A.Audit),
  'audits.plan': write(A.AuditPlan, A.Audit),
  'audits.update': write(A.AuditUpdate, A.Audit),
  'audits.archive': write(ByIdAtRev, A.Audit),
  /** The status moves of AUDIT_STEPS (src/shared/domain/vocabulary.ts), one channel each. */
  'audits.startFieldwork': write(ByIdAtRev, A.Audit),
  'audits.submit': write(ByIdAtRev, A.Audit),
  'audits.startReview': write(ByIdAtRev, A.Audit),
  'audits.returnToFieldwork': write(ByIdAtRev, A.Audit),
  'audits.markReported': write(ByIdAtRev, A.Audit),
  'audits.close': write(ByIdAtRev, A.Audit),
  'audits.answers': read(A.AnswerList, Page(A.Response)),
  'audits.recordAnswer': write(A.RecordAnswer, A.Response),
  /** Withdraws one's own answer (it is archived, with its history). */
  'audits.withdrawAnswer': write(ByIdAtRev, A.Response),
  'audits.consolidatedResults': read(A.ByAudit, Page(A.ConsolidatedResult)),
  'audits.consolidate': write(A.Consolidate, A.ConsolidatedResult),
  'audits.agreement': read(ById, A.AgreementSummary),

  /** The log page by page, each entry with an excerpt of its narrative (`get` gives it whole). */
  'observations.list': read(A.ByAudit, Page(A.ObservationEntry)),
  /** Full-text search (case- and accent-insensitive) over narratives and locations, with filters. */
  'observations.search': read(A.ObservationSearch, Page(A.ObservationEntry)),
  'observations.get': read(ById, A.Observation),
  'observations.record': write(A.ObservationRecord, A.Observation),
  'observations.update': write(A.ObservationUpdate, A.Observation),
  'observations.archive': write(ByIdAtRev, A.Observation),

  'attachments.list': read(A.AttachmentList, Page(A.Attachment)),
  'attachments.add': write(A.AttachmentAdd, A.Attachment),
  /** An attachment's bytes (base64), checked against its SHA-256: for previews. */
  'attachments.content': read(ById, A.AttachmentContent),
  'attachments.update': write(A.AttachmentUpdate, A.Attachment),
  'attachments.archive': write(ByIdAtRev, A.Attachment),
  /** A private copy of an attachment for the system's viewer (the Electron shell opens it). */
  'attachments.open': read(ById, A.AttachmentOpened),

  'situationTests.list': read(A.ByAudit, Page(A.SituationTest)),
  'situationTests.record': write(A.SituationTestRecord, A.SituationTest),
  'situationTests.update': write(A.SituationTestUpdate, A.SituationTest),
  'situationTests.archive': write(ByIdAtRev, A.SituationTest),

  'findings.list': read(F.FindingList, Page(F.Finding)),
  'findings.get': read(ById, F.Finding),
  /** Draft findings from the audit's non-compliant consolidated results that no finding cites yet. */
  'findings.suggestFromResults': read(F.SuggestFindings, z.array(F.FindingSuggestion)),
  'findings.create': write(F.FindingCreate, F.Finding),
  'findings.update': write(F.FindingUpdate, F.Finding),
  'findings.archive': write(ByIdAtRev, F.Finding),
  /** "Not a finding": hides the suggestion a non-compliant consolidated result makes. */
  'findings.dismissSuggestion': write(F.DismissSuggestion, F.DismissedSuggestion),
  /** Brings a dismissed suggestion back (archives the dismissal). */
  'findings.restoreSuggestion': write(ByIdAtRev, F.DismissedSuggestion),

  'recommendations.list': read(F.RecommendationList, Page(F.Recommendation)),
  'recommendations.get': read(ById, F.Recommendation),
  'recommendations.create': write(F.RecommendationCreate, F.Recommendation),
  'recommendations.update': write(F.RecommendationUpdate, F.Recommendation),
  'recommendations.archive': write(ByIdAtRev, F.Recommendation),
  /** The managers' answers to recommendations (of one recommendation, or of an audit's). */
  'recommendations.answers': read(F.ManagementResponseList, Page(F.ManagementResponse)),
  'recommendations.answer': write(F.AnswerRecommendation, F.ManagementResponse),

  'measures.list': read(M.MeasureList, Page(M.Measure)),
  'measures.get': read(ById, M.Measure),
  'measures.create': write(M.MeasureCreate, M.Measure),
  'measures.update': write(M.MeasureUpdate, M.Measure),
  'measures.archive': write(ByIdAtRev, M.Measure),
  'measures.progress': read(M.ProgressList, Page(M.ProgressUpdate)),
  /** A dated status and indicator value; the measure's status follows its latest update. */
  'measures.recordProgress': write(M.RecordProgress, M.ProgressUpdate),
  /** Withdraws a progress update entered by mistake (archived, with its history). */
  'measures.withdrawProgress': write(ByIdAtRev, M.ProgressUpdate),
  /** From a measure back to its recommendations, findings and the evidence they cite. */
  'trace.measure': read(ById, Tr.MeasureTrace),
  /** From a finding forward to its recommendations, the managers' answers and the measures. */
  'trace.finding': read(ById, Tr.FindingTrace),

  'history.list': read(HistoryList, Page(HistoryEntry)),

  /** The backups of the user's programme (not of the demo), newest first, with their contents. */
  'backups.list': read(Empty, B.BackupListing),
  /** Backs up the programme now. */
  'backups.take': exclusive(Empty, B.BackupCreated),
  /** Puts a backup in place of the programme, after backing up the current state. */
  'backups.restore': exclusive(B.BackupRestore, SessionState),
  /** The second folder every backup is copied to (a USB stick, a synced folder), or none. */
  'backups.setSecondFolder': exclusive(B.BackupSecondFolder, B.BackupListing),
  /**
   * Builds a Word report (audit, Local Action Plan, monitoring) and writes it to `outPath`, or
   * answers its bytes. In the app the shell fills `outPath` from the system's save dialog.
   */
  'reports.generate': read(R.ReportGenerate, R.ReportResult),
  /** Opens a report saved in this session with the system's viewer (the shell does; the core answers false). */
  'reports.open': read(R.ReportOpen, R.ReportOpened),

  /** Compliance per section of an audit: its live criteria counted by consolidated rating. */
  'dashboards.audit': read(D.AuditDashboardInput, D.AuditDashboard),
  /** Findings by ground, severity and service; measures by status; overdue measures; indicators over time. */
  'dashboards.programme': read(D.ProgrammeDashboardInput, D.ProgrammeDashboard),
} satisfies Record<string, ChannelDef<ChannelKind, z.ZodType, z.ZodType>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelOfKind<K extends ChannelKind> = {
  [C in Channel]: Contract[C]['kind'] extends K ? C : never;
}[Channel];
/** What a caller passes (defaults may be left out). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/**
 * One typed call of the contract, whatever the transport: the core in-process, IPC, http.
 * Seed loaders and the command line depend on this type only, never on a transport.
 */
export type Call = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);
export const channelKind = (c: Channel): ChannelKind => contract[c].kind;
