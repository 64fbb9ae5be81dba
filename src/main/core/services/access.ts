/**
 * Record-level access, after the dispatcher's role gate (src/shared/api/roles.ts) let the call
 * through: an auditor works only in audits of their team and changes only what they recorded; a
 * manager sees only the findings and recommendations of the services they manage; progress is
 * recorded by the measure's responsible person. The coordinator passes every check. A refusal
 * answers `forbidden` and changes nothing (docs/roles.md).
 */
import type { Audit } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/programme';
import type { ReadableDB } from '../db/handles';
import { AUDIT, SERVICE } from '../repositories/specs';
import { currentPerson, type ReadContext } from './context';
import { requireRecord } from './entity';
import { forbidden } from './problems';

/** An auditor must be in the audit's team (the coordinator may always). */
export function requireTeam(me: Person, audit: Audit): void {
  if (me.role === 'coordinator') return;
  if (me.role !== 'auditor' || !audit.teamIds.includes(me.id)) throw forbidden('forbiddenNotInTeam');
}

/** The current person, who must be in the team of the audit `auditId` (or a coordinator). */
export function teamMember(ctx: ReadContext, auditId: string): Person {
  const me = currentPerson(ctx);
  requireTeam(me, requireRecord(ctx.db, AUDIT, auditId));
  return me;
}

/** Only who recorded a record changes it (field records are one auditor's own). */
export function requireOwn(me: Person, record: { createdBy: string | null }, entity: string): void {
  if (record.createdBy !== me.id) throw forbidden('forbiddenNotYours', { entity });
}

/** The manager whose services a read is limited to: the current person when a manager, else undefined. */
export function managerScope(ctx: ReadContext): string | undefined {
  const me = currentPerson(ctx);
  return me.role === 'manager' ? me.id : undefined;
}

/** A manager may see a record of an audit only when they manage the audited service. */
export function requireOwnService(ctx: ReadContext, db: ReadableDB, auditId: string, entity: string): void {
  const managerId = managerScope(ctx);
  if (managerId === undefined) return;
  const audit = requireRecord(db, AUDIT, auditId);
  if (requireRecord(db, SERVICE, audit.serviceId).managerId !== managerId)
    throw forbidden('forbiddenNotYourService', { entity });
}

/** SQL condition: the record's audit (column `auditColumn`) is of a service managed by `?`. */
export const auditOfManagedService = (auditColumn: string): string =>
  `${auditColumn} IN (SELECT a.id FROM audit a JOIN service s ON s.id = a.service_id WHERE s.manager_id = ?)`;

/** The audit a field record (or the audit itself) belongs to, or null for any other record. */
export function auditOfFieldRecord(db: ReadableDB, id: string): string | null {
  const row = db
    .prepare(
      `SELECT audit_id AS auditId FROM response WHERE id = @id
       UNION ALL SELECT audit_id FROM consolidated_result WHERE id = @id
       UNION ALL SELECT audit_id FROM observation WHERE id = @id
       UNION ALL SELECT audit_id FROM attachment WHERE id = @id
       UNION ALL SELECT audit_id FROM situation_test WHERE id = @id
       UNION ALL SELECT id FROM audit WHERE id = @id
       LIMIT 1`,
    )
    .get({ id }) as { auditId: string } | undefined;
  return row?.auditId ?? null;
}

/**
 * Who may read which history: the coordinator all of it; an auditor the history of one audit of
 * their team, or of one field record in such an audit (the History panels of the fieldwork
 * screens), never the whole programme's.
 */
export function requireHistoryAccess(ctx: ReadContext, entityId: string | undefined): void {
  const me = currentPerson(ctx);
  if (me.role === 'coordinator') return;
  const auditId = entityId ? auditOfFieldRecord(ctx.db, entityId) : null;
  if (auditId === null) throw forbidden('forbiddenCoordinatorOnly', { role: me.role });
  teamMember(ctx, auditId);
}
