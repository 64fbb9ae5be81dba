/**
 * Who may call which channel: the role matrix (docs/roles.md explains it in the product's terms).
 *
 * Every channel of the contract has an entry — the `satisfies` below makes a channel without one
 * a compile error — and the core's one dispatcher checks it before anything runs: a call the
 * current person's role may not make answers `forbidden` with a translatable reason, and changes
 * nothing. The entry only says which roles may call at all; the services then check the record
 * (an auditor records only in audits of their team, a manager sees only their own services'
 * findings…), answering `forbidden` too.
 *
 * - `'open'`: anyone, even before anyone has been chosen (first start, the language, the demo).
 * - a list of roles: an active current person with one of these roles.
 *
 * Zod-free and pure: the renderer uses the same table to choose what to show.
 * To add a channel: give it an entry here (the compiler insists) and a row in docs/roles.md.
 */
import type { Channel } from './contract';

export type Role = 'auditor' | 'manager' | 'coordinator';
export type Access = 'open' | readonly Role[];

const EVERYONE = ['auditor', 'manager', 'coordinator'] as const satisfies readonly Role[];
const COORDINATOR = ['coordinator'] as const satisfies readonly Role[];
const AUDITOR = ['auditor'] as const satisfies readonly Role[];
const MANAGER = ['manager'] as const satisfies readonly Role[];
const AUDITOR_OR_COORDINATOR = ['auditor', 'coordinator'] as const satisfies readonly Role[];
const MANAGER_OR_COORDINATOR = ['manager', 'coordinator'] as const satisfies readonly Role[];

export const ROLE_MATRIX = {
  // The session: who one is, the language, the demo. Switching person is open: this is a
  // desktop app without passwords, and "working as" is how a shared machine is used.
  'session.get': 'open',
  'session.begin': 'open',
  'session.setCurrentPerson': 'open',
  'session.setLanguage': 'open',
  'session.openWorkspace': 'open',

  // The programme, its services, people and grounds: everyone reads, the coordinator writes.
  'programme.get': 'open',
  'programme.setUp': COORDINATOR,
  'programme.update': COORDINATOR,
  'services.list': EVERYONE,
  'services.get': EVERYONE,
  'services.create': COORDINATOR,
  'services.update': COORDINATOR,
  'services.archive': COORDINATOR,
  'people.list': EVERYONE,
  'people.get': EVERYONE,
  'people.create': COORDINATOR,
  'people.update': COORDINATOR,
  'people.archive': COORDINATOR,
  'grounds.list': EVERYONE,
  'grounds.create': COORDINATOR,
  'grounds.update': COORDINATOR,
  'grounds.archive': COORDINATOR,

  // Checklist templates: everyone reads (auditors work through them), the coordinator writes.
  'templates.list': EVERYONE,
  'templates.get': EVERYONE,
  'templates.create': COORDINATOR,
  'templates.import': COORDINATOR,
  'templates.importFile': COORDINATOR,
  'templates.export': EVERYONE,
  'templates.duplicate': COORDINATOR,
  'templates.builtIns': EVERYONE,
  'templates.installBuiltIn': COORDINATOR,
  'templates.update': COORDINATOR,
  'templates.archive': COORDINATOR,
  'templateVersions.list': EVERYONE,
  'templateVersions.get': EVERYONE,
  'templateVersions.checklist': EVERYONE,
  'templateVersions.startDraft': COORDINATOR,
  'templateVersions.publish': COORDINATOR,
  'sections.add': COORDINATOR,
  'sections.edit': COORDINATOR,
  'sections.move': COORDINATOR,
  'sections.remove': COORDINATOR,
  'criteria.add': COORDINATOR,
  'criteria.edit': COORDINATOR,
  'criteria.move': COORDINATOR,
  'criteria.remove': COORDINATOR,

  // Audits: the coordinator sets them up and moves them along; the team submits its fieldwork.
  'audits.list': EVERYONE,
  'audits.get': EVERYONE,
  'audits.plan': COORDINATOR,
  'audits.update': COORDINATOR,
  'audits.archive': COORDINATOR,
  'audits.startFieldwork': COORDINATOR,
  'audits.submit': AUDITOR_OR_COORDINATOR,
  'audits.startReview': COORDINATOR,
  'audits.returnToFieldwork': COORDINATOR,
  'audits.markReported': COORDINATOR,
  'audits.close': COORDINATOR,
  // Answers are one auditor's own; consolidated results the lead auditor's or the coordinator's.
  'audits.answers': AUDITOR_OR_COORDINATOR,
  'audits.recordAnswer': AUDITOR,
  'audits.withdrawAnswer': AUDITOR,
  'audits.consolidatedResults': EVERYONE,
  'audits.consolidate': AUDITOR_OR_COORDINATOR,
  'audits.agreement': AUDITOR_OR_COORDINATOR,

  // The field records of an audit: written by the auditors of its team, read by the team and
  // the coordinator (they may hold personal data).
  'observations.list': AUDITOR_OR_COORDINATOR,
  'observations.get': AUDITOR_OR_COORDINATOR,
  'observations.search': AUDITOR_OR_COORDINATOR,
  'observations.record': AUDITOR,
  'observations.update': AUDITOR,
  'observations.archive': AUDITOR,
  'attachments.list': AUDITOR_OR_COORDINATOR,
  'attachments.content': AUDITOR_OR_COORDINATOR,
  'attachments.add': AUDITOR,
  'attachments.update': AUDITOR,
  'attachments.archive': AUDITOR,
  'attachments.open': AUDITOR_OR_COORDINATOR,
  'situationTests.list': AUDITOR_OR_COORDINATOR,
  'situationTests.record': AUDITOR,
  'situationTests.update': AUDITOR,
  'situationTests.archive': AUDITOR,

  // Findings and recommendations: the coordinator writes them; a manager reads those of their
  // own services and answers the recommendations.
  'findings.list': MANAGER_OR_COORDINATOR,
  'findings.get': MANAGER_OR_COORDINATOR,
  'findings.suggestFromResults': COORDINATOR,
  'findings.create': COORDINATOR,
  'findings.update': COORDINATOR,
  'findings.archive': COORDINATOR,
  'findings.dismissSuggestion': COORDINATOR,
  'findings.restoreSuggestion': COORDINATOR,
  'recommendations.list': MANAGER_OR_COORDINATOR,
  'recommendations.get': MANAGER_OR_COORDINATOR,
  'recommendations.create': COORDINATOR,
  'recommendations.update': COORDINATOR,
  'recommendations.archive': COORDINATOR,
  'recommendations.answers': MANAGER_OR_COORDINATOR,
  'recommendations.answer': MANAGER,

  // The Local Action Plan: public to everyone in the programme; the coordinator writes it; its
  // progress is recorded by the measure's responsible person or the coordinator.
  'measures.list': EVERYONE,
  'measures.get': EVERYONE,
  'measures.create': COORDINATOR,
  'measures.update': COORDINATOR,
  'measures.archive': COORDINATOR,
  'measures.progress': EVERYONE,
  'measures.recordProgress': EVERYONE,
  'measures.withdrawProgress': EVERYONE,
  // The path from a measure to its evidence and from a finding to its measures passes through
  // findings and recommendations: the manager's (of their own services, without the content of
  // field records) and the coordinator's (services/trace.ts).
  'trace.measure': MANAGER_OR_COORDINATOR,
  'trace.finding': MANAGER_OR_COORDINATOR,

  // The history holds every record's before and after: the coordinator's, except that an auditor
  // reads the history of an audit of their team and of its field records (services/access.ts).
  'history.list': AUDITOR_OR_COORDINATOR,

  // The Word reports are the coordinator's: they gather every service's findings (a manager
  // reads their own service's in the app), and auditors appear in them by code only.
  'reports.generate': COORDINATOR,
  'reports.open': COORDINATOR,

  // Backups protect this installation's own data, whoever works on it: an auditor's laptop holds
  // their field records as surely as the coordinator's holds the programme. They are open even
  // before anyone is chosen, so a new installation can be restored from a backup (a USB stick)
  // before anything is typed. Roles are not a security boundary between people sharing one
  // machine (anyone may work as anyone), and a restore is undoable: the state before it is kept.
  'backups.list': 'open',
  'backups.take': 'open',
  'backups.restore': 'open',
  'backups.setSecondFolder': 'open',

  // Dashboards count what their readers may read already: an audit's compliance comes from its
  // consolidated results (as `audits.consolidatedResults`, every role); the programme's figures
  // count findings, so they are the manager's (their own services' findings only, the plan's
  // measures all: everyone sees the plan) and the coordinator's, not an auditor's.
  'dashboards.audit': EVERYONE,
  'dashboards.programme': MANAGER_OR_COORDINATOR,
} as const satisfies Record<Channel, Access>;

/** Whether `role` may call `channel` at all (record-level checks come after). */
export function mayCall(channel: Channel, role: Role | null): boolean {
  const access: Access = ROLE_MATRIX[channel];
  if (access === 'open') return true;
  return role !== null && access.includes(role);
}

/** The roles that may call `channel` ('open' channels: every role). */
export function rolesFor(channel: Channel): readonly Role[] {
  const access: Access = ROLE_MATRIX[channel];
  return access === 'open' ? EVERYONE : access;
}
