/**
 * The handler of every database channel of the contract. Handlers are thin: the input is
 * already parsed, they call a service and return its result. Session channels, which switch
 * workspaces and settings, are handled by the core itself (../index.ts).
 */
import type { Channel, Output, ParsedInput } from '../../../shared/api/contract';
import type { ServiceContext } from '../services/context';
import { listHistory } from '../services/history';
import { grounds, people, programmes, services } from '../services/programme';
import { criteria, sections, templates, templateVersions } from '../services/templates';
import { attachments, audits, consolidatedResults, observations, responses, situationTests } from '../services/audits';
import { findings, managementResponses, recommendations } from '../services/findings';
import { measures, progressUpdates } from '../services/actionPlan';

export type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInput<C>) => Output<C>;
export type SessionChannel = Extract<Channel, `session.${string}`>;
export type DatabaseChannel = Exclude<Channel, SessionChannel>;

type Verb = 'create' | 'get' | 'update' | 'list' | 'archive';
type CrudHandlers<N extends string> = { [K in Extract<`${N}.${Verb}`, DatabaseChannel>]: Handler<K> };

/** Maps `name.create`, `name.get`, … to the service's functions of the same verb, type-checked against the contract. */
function crud<const N extends string>(
  name: N,
  service: { [V in Verb]: Handler<Extract<`${N}.${V}`, DatabaseChannel>> },
): CrudHandlers<N> {
  const out: Record<string, unknown> = {};
  for (const verb of ['create', 'get', 'update', 'list', 'archive'] as const) out[`${name}.${verb}`] = service[verb];
  return out as CrudHandlers<N>;
}

export const HANDLERS: { [C in DatabaseChannel]: Handler<C> } = {
  ...crud('programmes', programmes),
  ...crud('services', services),
  ...crud('people', people),
  ...crud('grounds', grounds),
  ...crud('templates', templates),
  'templateVersions.create': templateVersions.create,
  'templateVersions.get': templateVersions.get,
  'templateVersions.list': templateVersions.list,
  'templateVersions.publish': templateVersions.publish,
  ...crud('sections', sections),
  ...crud('criteria', criteria),
  ...crud('audits', audits),
  'audits.setStatus': audits.setStatus,
  'audits.agreement': audits.agreement,
  ...crud('responses', responses),
  ...crud('consolidatedResults', consolidatedResults),
  ...crud('observations', observations),
  ...crud('attachments', attachments),
  ...crud('situationTests', situationTests),
  ...crud('findings', findings),
  ...crud('recommendations', recommendations),
  ...crud('managementResponses', managementResponses),
  ...crud('measures', measures),
  ...crud('progressUpdates', progressUpdates),
  'history.list': (ctx, input) => listHistory(ctx.db, input),
};

/** Channels that only read: run without a write lock. */
export const isReadOnly = (c: Channel): boolean => /\.(get|list|agreement)$/.test(c);
