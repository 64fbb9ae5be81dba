/**
 * The one API contract between the renderer and the core. Every channel is `domain.verb`, takes
 * one object and has a zod schema for its input and its output; the IPC registration, the
 * preload allowlist, the http test transport and the renderer's typed client all derive from
 * this object, so a channel exists in one place only.
 */
import { z } from 'zod';
import { ById, Id, ListAll } from '../domain/common';
import * as P from '../domain/programme';
import * as T from '../domain/template';
import * as A from '../domain/audit';
import * as F from '../domain/findings';
import * as M from '../domain/actionPlan';
import { HistoryEntry, HistoryList } from '../domain/history';
import { Language } from '../domain/vocabulary';

type Schema = z.ZodType;
type ChannelDef = { input: Schema; output: Schema };

/**
 * The five channels of a plain entity: create, get, update, list, archive.
 * `crud('services', …)` gives `services.create`, `services.get`, … .
 */
function crud<const N extends string, R extends Schema, C extends Schema, U extends Schema, L extends Schema>(
  name: N,
  s: { record: R; create: C; update: U; list: L },
) {
  return {
    [`${name}.create`]: { input: s.create, output: s.record },
    [`${name}.get`]: { input: ById, output: s.record },
    [`${name}.update`]: { input: s.update, output: s.record },
    [`${name}.list`]: { input: s.list, output: z.array(s.record) },
    [`${name}.archive`]: { input: ById, output: s.record },
  } as {
    [K in `${N}.create`]: { input: C; output: R };
  } & { [K in `${N}.get`]: { input: typeof ById; output: R } } & {
    [K in `${N}.update`]: { input: U; output: R };
  } & { [K in `${N}.list`]: { input: L; output: z.ZodArray<R> } } & {
    [K in `${N}.archive`]: { input: typeof ById; output: R };
  };
}

export const Workspace = z.enum(['main', 'demo']);
export const SessionState = z.object({
  workspace: Workspace,
  currentPerson: P.Person.nullable(),
  language: Language,
  /** The programme of this database, if one has been created. */
  programme: P.Programme.nullable(),
  dataDir: z.string(),
});
export type SessionState = z.infer<typeof SessionState>;

export const contract = {
  'session.get': { input: z.strictObject({}), output: SessionState },
  /** First start: "who are you?" creates that person and works as them. */
  'session.begin': { input: P.PersonCreate, output: SessionState },
  'session.setCurrentPerson': { input: z.strictObject({ personId: Id }), output: SessionState },
  'session.setLanguage': { input: z.strictObject({ language: Language }), output: SessionState },
  /** Switch to the demo programme (its own database, filled on first open) or back. */
  'session.openWorkspace': { input: z.strictObject({ workspace: Workspace }), output: SessionState },

  ...crud('programmes', { record: P.Programme, create: P.ProgrammeCreate, update: P.ProgrammeUpdate, list: ListAll }),
  ...crud('services', { record: P.Service, create: P.ServiceCreate, update: P.ServiceUpdate, list: P.ServiceList }),
  ...crud('people', { record: P.Person, create: P.PersonCreate, update: P.PersonUpdate, list: P.PersonList }),
  ...crud('grounds', { record: P.Ground, create: P.GroundCreate, update: P.GroundUpdate, list: ListAll }),

  ...crud('templates', { record: T.Template, create: T.TemplateCreate, update: T.TemplateUpdate, list: ListAll }),
  'templateVersions.create': { input: T.TemplateVersionCreate, output: T.TemplateVersion },
  'templateVersions.get': { input: ById, output: T.TemplateVersion },
  'templateVersions.list': { input: T.TemplateVersionList, output: z.array(T.TemplateVersion) },
  /** Freezes a draft version so audits can pin it. */
  'templateVersions.publish': { input: ById, output: T.TemplateVersion },
  ...crud('sections', { record: T.Section, create: T.SectionCreate, update: T.SectionUpdate, list: T.SectionList }),
  ...crud('criteria', {
    record: T.Criterion,
    create: T.CriterionCreate,
    update: T.CriterionUpdate,
    list: T.CriterionList,
  }),

  ...crud('audits', { record: A.Audit, create: A.AuditCreate, update: A.AuditUpdate, list: A.AuditList }),
  'audits.setStatus': { input: A.AuditSetStatus, output: A.Audit },
  'audits.agreement': { input: ById, output: A.AgreementSummary },
  ...crud('responses', {
    record: A.Response,
    create: A.ResponseCreate,
    update: A.ResponseUpdate,
    list: A.ResponseList,
  }),
  ...crud('consolidatedResults', {
    record: A.ConsolidatedResult,
    create: A.ConsolidatedResultCreate,
    update: A.ConsolidatedResultUpdate,
    list: A.ConsolidatedResultList,
  }),
  ...crud('observations', {
    record: A.Observation,
    create: A.ObservationCreate,
    update: A.ObservationUpdate,
    list: A.ObservationList,
  }),
  ...crud('attachments', {
    record: A.Attachment,
    create: A.AttachmentCreate,
    update: A.AttachmentUpdate,
    list: A.AttachmentList,
  }),
  ...crud('situationTests', {
    record: A.SituationTest,
    create: A.SituationTestCreate,
    update: A.SituationTestUpdate,
    list: A.SituationTestList,
  }),

  ...crud('findings', { record: F.Finding, create: F.FindingCreate, update: F.FindingUpdate, list: F.FindingList }),
  ...crud('recommendations', {
    record: F.Recommendation,
    create: F.RecommendationCreate,
    update: F.RecommendationUpdate,
    list: F.RecommendationList,
  }),
  ...crud('managementResponses', {
    record: F.ManagementResponse,
    create: F.ManagementResponseCreate,
    update: F.ManagementResponseUpdate,
    list: F.ManagementResponseList,
  }),

  ...crud('measures', { record: M.Measure, create: M.MeasureCreate, update: M.MeasureUpdate, list: M.MeasureList }),
  ...crud('progressUpdates', {
    record: M.ProgressUpdate,
    create: M.ProgressUpdateCreate,
    update: M.ProgressUpdateUpdate,
    list: M.ProgressUpdateList,
  }),

  'history.list': { input: HistoryList, output: z.array(HistoryEntry) },
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
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
