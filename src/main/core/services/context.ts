/**
 * What every service call gets: the database, the clock, the id generator and the person the
 * change is attributed to. Injected, so tests can freeze time and ids.
 */
import type { Person } from '../../../shared/domain/programme';
import type { ReadableDB, WritableDB } from '../db/handles';
import { getRecord } from '../repositories/table';
import { PERSON } from '../repositories/specs';
import { noCurrentPerson } from './problems';

export interface ReadContext {
  db: ReadableDB;
  /** The person one works as, or null before the first start. */
  personId: string | null;
  /** Folder of this database's attachments (content-addressed by SHA-256). */
  attachmentsDir: string;
}

export interface ServiceContext extends ReadContext {
  db: WritableDB;
  /** ISO timestamp of "now". */
  now(): string;
  newId(): string;
}

/**
 * The person changes are attributed to. Refused before anyone has been chosen, and when that
 * person has been archived since (an archived person no longer works in the programme).
 */
export function currentPerson(ctx: ReadContext): Person {
  if (!ctx.personId) throw noCurrentPerson('sessionNoPerson');
  const person = getRecord(ctx.db, PERSON, ctx.personId);
  if (!person) throw noCurrentPerson('sessionNoPerson');
  if (person.archivedAt !== null) throw noCurrentPerson('sessionPersonArchived');
  return person;
}
