/**
 * The programme (one per database), its services, its people and the grounds of discrimination.
 */
import type { Programme, Service, Person, Ground } from '../../../shared/domain/programme';
import type { ReadableDB } from '../db/handles';
import { GROUND, MEASURE, PERSON, PROGRAMME, SERVICE } from '../repositories/specs';
import { listRecords, pageRecords, type Fields, type Paging } from '../repositories/table';
import type { ReadContext, ServiceContext } from './context';
import { createEntity, recordService, requireRecord, updateEntity, type Rules } from './entity';
import { measureRules } from './actionPlan';
import { rule } from './problems';

const programmeRules: Rules<Programme> = {
  check(_db, p) {
    if (p.periodStart && p.periodEnd && p.periodStart > p.periodEnd)
      throw rule('programmePeriodOrder', {}, 'periodEnd');
  },
};

/** The live programme of this database, or null before it is set up. */
export function currentProgramme(db: ReadableDB): Programme | null {
  return listRecords(db, PROGRAMME, {})[0] ?? null;
}

const programmeRecord = recordService(PROGRAMME, programmeRules);
export const programme = {
  get: (ctx: ReadContext): Programme | null => currentProgramme(ctx.db),
  setUp(ctx: ServiceContext, input: Fields<Programme>): Programme {
    if (currentProgramme(ctx.db)) throw rule('programmeExists');
    return createEntity(ctx, PROGRAMME, programmeRules, input);
  },
  update: programmeRecord.update,
};

const serviceRules: Rules<Service> = {
  refs: { managerId: PERSON },
  check(db, s) {
    if (s.managerId) {
      const m = requireRecord(db, PERSON, s.managerId);
      if (m.role !== 'manager') throw rule('serviceManagerRole', { code: m.code }, 'managerId');
    }
  },
};

export const services = {
  ...recordService(SERVICE, serviceRules),
  list: (ctx: ReadContext, input: Paging & { includeArchived?: boolean | undefined }) =>
    pageRecords(ctx.db, SERVICE, {}, input),
};

/**
 * Pseudonymous codes identify auditors in reports, so two active people never share one. The
 * message names the code only: codes exist to keep people's names out of sight.
 */
function checkUniqueCode(db: ReadableDB, p: Person): void {
  const clash = db
    .prepare(`SELECT 1 FROM person WHERE code = ? COLLATE NOCASE AND id <> ? AND archived_at IS NULL`)
    .get(p.code, p.id);
  if (clash) throw rule('personCodeTaken', { code: p.code }, 'code');
}

/** True when no active coordinator but `p` would be left. */
function lastCoordinator(db: ReadableDB, p: Person): boolean {
  return !db
    .prepare(`SELECT 1 FROM person WHERE role = 'coordinator' AND id <> ? AND archived_at IS NULL LIMIT 1`)
    .get(p.id);
}

/**
 * Codes are unique among active people; the programme always keeps an active coordinator (the
 * last one can neither change role nor be archived).
 */
export const personRules: Rules<Person> = {
  check(db, p, before) {
    checkUniqueCode(db, p);
    // A certification is a fact of the past: a date after today (the record's own timestamp) is a typo.
    if (
      p.certificationDate &&
      p.certificationDate !== before?.certificationDate &&
      p.certificationDate > p.updatedAt.slice(0, 10)
    )
      throw rule('personCertificationFuture', {}, 'certificationDate');
    if (before?.role === 'coordinator' && p.role !== 'coordinator' && lastCoordinator(db, p))
      throw rule('lastCoordinator', { code: before.code }, 'role');
  },
  checkArchive(db, p) {
    if (p.role === 'coordinator' && lastCoordinator(db, p)) throw rule('lastCoordinator', { code: p.code });
  },
};

const personRecord = recordService(PERSON, personRules);
export const people = {
  ...personRecord,
  /**
   * Archives a person. An archived person no longer works in the programme, so the services they
   * manage and the measures they are responsible for are left without one (each change recorded
   * in the history); the screens warn and say where before archiving. Audit teams keep them: they
   * did that work.
   */
  archive(ctx: ServiceContext, input: { id: string; rev: number }): Person {
    const archived = personRecord.archive(ctx, input);
    for (const s of listRecords(ctx.db, SERVICE, { managerId: input.id }))
      updateEntity(ctx, SERVICE, serviceRules, s.id, s.rev, { managerId: null });
    for (const m of listRecords(ctx.db, MEASURE, { responsibleId: input.id }))
      updateEntity(ctx, MEASURE, measureRules, m.id, m.rev, { responsibleId: null });
    return archived;
  },
  list: (
    ctx: ReadContext,
    input: Paging & { role?: Person['role'] | undefined; includeArchived?: boolean | undefined },
  ) => pageRecords(ctx.db, PERSON, { role: input.role }, input),
};

const groundRules: Rules<Ground> = {
  check(db, g, before) {
    if (before) return;
    if (db.prepare(`SELECT 1 FROM ground WHERE code = ?`).get(g.code))
      throw rule('groundExists', { code: g.code }, 'code');
  },
};

export const grounds = {
  ...recordService(GROUND, groundRules),
  list: (ctx: ReadContext, input: Paging & { includeArchived?: boolean | undefined }) =>
    pageRecords(ctx.db, GROUND, {}, input),
};

/** Refuses ground codes that do not exist or are archived (new references only). */
export function checkGrounds(
  db: ReadableDB,
  codes: readonly string[],
  before: readonly string[] = [],
  field = 'grounds',
): void {
  const kept = new Set(before);
  for (const code of codes) {
    const g = db.prepare(`SELECT archived_at FROM ground WHERE code = ?`).get(code) as
      { archived_at: string | null } | undefined;
    if (!g) throw rule('groundUnknown', { code }, field);
    if (g.archived_at !== null && !kept.has(code)) throw rule('groundArchived', { code }, field);
  }
}
