/**
 * What every service call gets: the database, the clock, the id generator and the person the
 * change is attributed to. Injected, so tests can freeze time and ids.
 */
import { AppError } from '../../../shared/api/errors';
import type { WritableDB } from '../db/handles';

export interface ServiceContext {
  db: WritableDB;
  /** ISO timestamp of "now". */
  now(): string;
  newId(): string;
  /** The person changes are attributed to ("working as"), or null before the first start. */
  personId: string | null;
  /** Folder of this database's attachments (content-addressed by SHA-256). */
  attachmentsDir: string;
}

/** The current person, or the error every write answers before someone has been chosen. */
export function requirePerson(ctx: ServiceContext): string {
  if (!ctx.personId) {
    throw new AppError('no_current_person', 'Choose who you are working as before making changes.');
  }
  return ctx.personId;
}
