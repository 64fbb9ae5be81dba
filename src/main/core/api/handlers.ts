/**
 * The handler of every channel of the contract, in one table typed against it: a channel
 * without a handler, or a handler whose input or output does not fit its channel, is a compile
 * error. Handlers are thin: the input is already parsed; they call a service.
 *
 * A `read` handler gets a read-only database handle; a `write` handler a writable one, inside
 * the call's transaction; an `exclusive` handler no database at all, only the controls of the
 * session and the backups (it may switch or replace the database).
 */
import type { Channel, Contract, Output, ParsedInput } from '../../../shared/api/contract';
import type { ReadContext, ServiceContext } from '../services/context';
import { listHistory } from '../services/history';
import { requireHistoryAccess } from '../services/access';
import { grounds, people, programme, services } from '../services/programme';
import { criteria, sections, templates, templateVersions } from '../services/templates';
import { attachments, audits, observations, situationTests } from '../services/audits';
import { findings, recommendations } from '../services/findings';
import { measures } from '../services/actionPlan';
import { trace } from '../services/trace';
import { listObservations, searchObservations } from '../services/observationSearch';
import { session, type SessionControl } from '../services/session';
import { backups, type BackupControl } from '../services/backups';
import { reports } from '../reports/generate';
import { dashboards } from '../services/dashboards';
import { attachmentFiles } from '../services/attachmentFiles';

/** What every handler may reach besides the database: the session and the backups. */
export type Controls = { session: SessionControl; backups: BackupControl };
/** `now` is the core's clock (a report's default date). */
export type ReadHandlerContext = ReadContext & Controls & { now?: () => string };
export type WriteHandlerContext = ServiceContext & Controls;
export type ExclusiveHandlerContext = Controls;

export type Handler<C extends Channel> = Contract[C]['kind'] extends 'read'
  ? // A read may finish asynchronously (a report is packed after its data is read).
    (ctx: ReadHandlerContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>
  : Contract[C]['kind'] extends 'write'
    ? (ctx: WriteHandlerContext, input: ParsedInput<C>) => Output<C>
    : (ctx: ExclusiveHandlerContext, input: ParsedInput<C>) => Promise<Output<C>>;

export const HANDLERS: { [C in Channel]: Handler<C> } = {
  'session.get': session.get,
  'session.begin': session.begin,
  'session.setCurrentPerson': session.setCurrentPerson,
  'session.setLanguage': session.setLanguage,
  'session.openWorkspace': session.openWorkspace,

  'programme.get': programme.get,
  'programme.setUp': programme.setUp,
  'programme.update': programme.update,

  'services.list': services.list,
  'services.get': services.get,
  'services.create': services.create,
  'services.update': services.update,
  'services.archive': services.archive,

  'people.list': people.list,
  'people.get': people.get,
  'people.create': people.create,
  'people.update': people.update,
  'people.archive': people.archive,

  'grounds.list': grounds.list,
  'grounds.create': grounds.create,
  'grounds.update': grounds.update,
  'grounds.archive': grounds.archive,

  'templates.list': templates.list,
  'templates.get': templates.get,
  'templates.create': templates.create,
  'templates.import': templates.import,
  'templates.importFile': templates.importFile,
  'templates.export': templates.export,
  'templates.duplicate': templates.duplicate,
  'templates.builtIns': templates.builtIns,
  'templates.installBuiltIn': templates.installBuiltIn,
  'templates.update': templates.update,
  'templates.archive': templates.archive,
  'templateVersions.list': templateVersions.list,
  'templateVersions.get': templateVersions.get,
  'templateVersions.checklist': templateVersions.checklist,
  'templateVersions.startDraft': templateVersions.startDraft,
  'templateVersions.publish': templateVersions.publish,
  'sections.add': sections.add,
  'sections.edit': sections.edit,
  'sections.move': sections.move,
  'sections.remove': sections.remove,
  'criteria.add': criteria.add,
  'criteria.edit': criteria.edit,
  'criteria.move': criteria.move,
  'criteria.remove': criteria.remove,

  'audits.list': audits.list,
  'audits.get': audits.get,
  'audits.plan': audits.plan,
  'audits.update': audits.update,
  'audits.archive': audits.archive,
  'audits.startFieldwork': audits.startFieldwork,
  'audits.submit': audits.submit,
  'audits.startReview': audits.startReview,
  'audits.returnToFieldwork': audits.returnToFieldwork,
  'audits.markReported': audits.markReported,
  'audits.close': audits.close,
  'audits.answers': audits.answers,
  'audits.recordAnswer': audits.recordAnswer,
  'audits.withdrawAnswer': audits.withdrawAnswer,
  'audits.consolidatedResults': audits.consolidatedResults,
  'audits.consolidate': audits.consolidate,
  'audits.agreement': audits.agreement,

  'observations.list': listObservations,
  'observations.search': searchObservations,
  'observations.get': observations.get,
  'observations.record': observations.record,
  'observations.update': observations.update,
  'observations.archive': observations.archive,

  'attachments.list': attachments.list,
  'attachments.add': attachments.add,
  'attachments.content': attachments.content,
  'attachments.update': attachments.update,
  'attachments.archive': attachments.archive,
  'attachments.open': attachmentFiles.open,

  'situationTests.list': situationTests.list,
  'situationTests.record': situationTests.record,
  'situationTests.update': situationTests.update,
  'situationTests.archive': situationTests.archive,

  'findings.list': findings.list,
  'findings.get': findings.get,
  'findings.suggestFromResults': findings.suggestFromResults,
  'findings.create': findings.create,
  'findings.update': findings.update,
  'findings.archive': findings.archive,
  'findings.dismissSuggestion': findings.dismissSuggestion,
  'findings.restoreSuggestion': findings.restoreSuggestion,

  'recommendations.list': recommendations.list,
  'recommendations.get': recommendations.get,
  'recommendations.create': recommendations.create,
  'recommendations.update': recommendations.update,
  'recommendations.archive': recommendations.archive,
  'recommendations.answers': recommendations.answers,
  'recommendations.answer': recommendations.answer,

  'measures.list': measures.list,
  'measures.get': measures.get,
  'measures.create': measures.create,
  'measures.update': measures.update,
  'measures.archive': measures.archive,
  'measures.progress': measures.progress,
  'measures.recordProgress': measures.recordProgress,
  'measures.withdrawProgress': measures.withdrawProgress,
  'trace.measure': trace.measure,
  'trace.finding': trace.finding,

  'history.list': (ctx, input) => {
    requireHistoryAccess(ctx, input.entityId);
    return listHistory(ctx.db, input);
  },

  'backups.list': backups.list,
  'backups.take': backups.take,
  'backups.restore': backups.restore,
  'backups.setSecondFolder': backups.setSecondFolder,
  'reports.generate': reports.generate,
  'reports.open': reports.open,

  'dashboards.audit': dashboards.audit,
  'dashboards.programme': dashboards.programme,
};
