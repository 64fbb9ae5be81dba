/**
 * The error codes an API call can answer with. Every failure crosses the boundary as
 * `{ ok: false, error: { code, message, … } }`; exceptions never do.
 *
 * A refusal by a domain rule also carries `rule: { key, params }`: the key names a message of the
 * `rules` group of the translations (src/shared/i18n), so the UI can show it in the user's
 * language; `message` is the same text in English, for logs and the command line.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  /** The input did not match the channel's schema; nothing was changed. */
  'invalid_input',
  /** A referenced record does not exist. */
  'not_found',
  /** The change breaks a domain rule (a unique code, a forbidden status move, a frozen version). */
  'rule_violation',
  /** The record changed since the caller read it (its `rev` moved on); nothing was changed. */
  'conflict',
  /** No (active) person has been chosen to work as; every change must be attributed. */
  'no_current_person',
  /**
   * The current person's role may not make this call (src/shared/api/roles.ts), or may not on
   * this record (an audit of another team, another manager's service); nothing was changed.
   */
  'forbidden',
  /** The channel does not exist. */
  'unknown_channel',
  /** The call came from a frame that is not the app's own page. */
  'forbidden_sender',
  /** The database was written by a newer version of the app. */
  'database_too_new',
  /** The database failed its integrity check. */
  'database_corrupt',
  /** The file in the data folder is not a Citizen Audit database (another application's). */
  'database_foreign',
  /** A database was expected (the folder holds backups, attachments or a WAL) but is missing or empty. */
  'database_missing',
  /** Another process (a second copy of the app, `npm run browser`) is using the data folder. */
  'database_in_use',
  /** The disk is full: nothing was changed, nothing acknowledged was lost. */
  'disk_full',
  /** A backup could not be written or failed its check; the data itself is untouched. */
  'backup_failed',
  /** Anything unexpected; the message is safe to show, details are in the log. */
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Parameters of a rule message: short texts and numbers interpolated as `{{name}}`. */
export const RuleParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type RuleParams = z.infer<typeof RuleParams>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For `invalid_input`: the message of each invalid field, keyed by its dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
  /** For refusals by a rule: the translatable message key and its parameters. */
  rule: z.object({ key: z.string(), params: RuleParams }).optional(),
  /** The input field the refusal concerns, when there is one (`code`, `justification`). */
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface AppErrorDetails {
  fields?: Record<string, string>;
  rule?: { key: string; params: RuleParams };
  field?: string;
}

/** Thrown by the core; turned into an error envelope at the boundary. */
export class AppError extends Error {
  readonly fields?: Record<string, string>;
  readonly rule?: { key: string; params: RuleParams };
  readonly field?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    if (details.fields) this.fields = details.fields;
    if (details.rule) this.rule = details.rule;
    if (details.field) this.field = details.field;
  }

  /** The error half of an envelope. */
  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.field ? { field: this.field } : {}),
    };
  }

  static fromApiError(e: ApiError): AppError {
    return new AppError(e.code, e.message, e);
  }
}
