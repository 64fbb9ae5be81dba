/**
 * The error codes an API call can answer with. Every failure crosses the boundary as
 * `{ ok: false, error: { code, message } }`; exceptions never do.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  /** The input did not match the channel's schema; nothing was changed. */
  'invalid_input',
  /** A referenced record does not exist (or is in another programme). */
  'not_found',
  /** The change breaks a domain rule (a unique code, a forbidden status move, a frozen version). */
  'rule_violation',
  /** No person has been chosen to work as; every change must be attributed. */
  'no_current_person',
  /** The channel does not exist. */
  'unknown_channel',
  /** The call came from a frame that is not the app's own page. */
  'forbidden_sender',
  /** The database was written by a newer version of the app. */
  'database_too_new',
  /** The database failed its integrity check. */
  'database_corrupt',
  /** Anything unexpected; the message is safe to show, details are in the log. */
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For `invalid_input`: the message of each invalid field, keyed by its dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by the core; turned into an error envelope at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
