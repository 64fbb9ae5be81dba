/** Rules of the programme, its services, its people and the grounds of discrimination. */
import type { Programme, Service, Person, Ground } from '../../../shared/domain/programme';
import type { ReadableDB } from '../db/handles';
import { GROUND, PERSON, PROGRAMME, SERVICE } from '../repositories/specs';
import { crudService, requireRecord, violation, type Rules } from './entity';

const programmeRules: Rules<Programme> = {
  check(_db, p) {
    if (p.periodStart && p.periodEnd && p.periodStart > p.periodEnd)
      throw violation('The period ends before it starts.');
  },
};

const serviceRules: Rules<Service> = {
  refs: { programmeId: PROGRAMME, managerId: PERSON },
  check(db, s) {
    if (s.managerId) {
      const m = requireRecord(db, PERSON, s.managerId);
      if (m.role !== 'manager')
        throw violation(`${m.displayName} is not a manager; choose a person with the manager role.`);
    }
  },
};

/** Pseudonymous codes identify auditors in reports, so two active people never share one. */
function checkUniqueCode(db: ReadableDB, p: Person): void {
  const clash = db
    .prepare(
      `SELECT display_name AS name FROM person WHERE code = ? COLLATE NOCASE AND id <> ? AND archived_at IS NULL`,
    )
    .get(p.code, p.id) as { name: string } | undefined;
  if (clash) throw violation(`The code ${p.code} is already used by ${clash.name}.`);
}

export const personRules: Rules<Person> = { check: (db, p) => checkUniqueCode(db, p) };

const groundRules: Rules<Ground> = {
  check(db, g, before) {
    if (before) return;
    const clash = db.prepare(`SELECT 1 FROM ground WHERE code = ?`).get(g.code);
    if (clash) throw violation(`The ground ${g.code} already exists.`);
  },
};

export const programmes = crudService(PROGRAMME, programmeRules);
export const services = crudService(SERVICE, serviceRules);
export const people = crudService(PERSON, personRules);
export const grounds = crudService(GROUND, groundRules);
