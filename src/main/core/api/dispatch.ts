/**
 * Turns one call `(channel, raw input)` into an envelope. Invariants:
 *
 * - the input is parsed with the channel's zod schema before anything runs; a bad input answers
 *   `invalid_input` and changes nothing;
 * - calls run one at a time, in the order they arrive: a workspace switch (which awaits) never
 *   interleaves with another call;
 * - exceptions never leave this module: everything answers `{ ok, value }` or `{ ok, error }`.
 *
 * - the current person's role is checked against the role matrix (src/shared/api/roles.ts)
 *   after parsing and before anything runs: a call the role may not make answers `forbidden`
 *   and changes nothing; a channel that is not open needs an active current person.
 *
 * How a parsed call runs (a read, a write in one transaction, a session change) is decided by
 * `run`, from the channel's declared kind (see ../index.ts).
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../../shared/api/contract';
import { AppError, type ApiError, type Envelope } from '../../../shared/api/errors';
import { ROLE_MATRIX, type Access, type Role } from '../../../shared/api/roles';
import { en } from '../../../shared/i18n/en';
import { ruleMessage } from '../../../shared/i18n/rules';
import { diskFull, isDiskFull } from '../files/durable';
import { forbidden } from '../services/problems';

/** How much of a caller's key or field path an error message quotes (a key may be 20,000 characters). */
export const QUOTE_MAX = 40;
const quote = (s: string): string => (s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s);

export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // Paths and zod's messages may hold the caller's own keys: quote a short prefix of each.
    const path = issue.path.map((p) => quote(String(p))).join('.') || '(input)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys
            .slice(0, 3)
            .map((k) => `"${quote(k)}"`)
            .join(', ')}${issue.keys.length > 3 ? ', …' : ''}`
        : issue.message;
    fields[path] ??= message;
    if (Object.keys(fields).length >= 10) break;
  }
  const message = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return new AppError('invalid_input', `Invalid input — ${message}`, { fields });
}

/** Maps anything thrown to the error half of an envelope. */
export function toApiError(e: unknown, log: (e: unknown) => void = console.error): ApiError {
  if (e instanceof AppError) return e.toApiError();
  // A full disk is the user's to fix, not a bug: said plainly, and the call changed nothing.
  if (isDiskFull(e)) return diskFull().toApiError();
  const sqliteCode = (e as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    // A rule the services did not catch first, refused by the database itself: a bug to log,
    // but the change was rolled back and the user is told so.
    log(e);
    return {
      code: 'rule_violation',
      message: ruleMessage(en, 'constraint', {}),
      rule: { key: 'constraint', params: {} },
    };
  }
  log(e);
  return { code: 'internal', message: ruleMessage(en, 'internal', {}), rule: { key: 'internal', params: {} } };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * The path of the first string (or key) in `value` holding a lone surrogate, or null. SQLite would
 * store such a text as U+FFFD while the answer echoes the original, so the record and its history
 * would differ from what was sent: it is refused as invalid input instead.
 */
export function illFormedText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (LONE_SURROGATE.test(k)) return [...path, k];
    const found = illFormedText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The role gate: refuses a call the current person's role may not make. `role` answers the
 * active current person's role, or throws `no_current_person` when there is none.
 */
export function checkRole(channel: Channel, role: () => Role): void {
  const access: Access = ROLE_MATRIX[channel];
  if (access === 'open') return;
  const mine = role();
  if (access.includes(mine)) return;
  if (access.length === 1 && access[0] === 'coordinator') throw forbidden('forbiddenCoordinatorOnly', { role: mine });
  throw forbidden('forbiddenRole', { role: mine });
}

export interface Dispatcher {
  dispatch(channel: string, raw: unknown): Promise<Envelope<unknown>>;
}

/**
 * Builds the dispatcher. `run` executes a parsed call; with `checkOutputs`, every answer is also
 * parsed with the output schema (tests use it).
 */
export function createDispatcher(
  run: (channel: Channel, input: unknown) => unknown,
  /** The active current person's role; throws `no_current_person` when there is none. */
  role: () => Role,
  options: { checkOutputs?: boolean; log?: (e: unknown) => void } = {},
): Dispatcher {
  const one = async (channel: string, raw: unknown): Promise<Envelope<unknown>> => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'unknown_channel', message: `Unknown channel ${String(channel).slice(0, 80)}.` },
      };
    }
    const illFormed = illFormedText(raw);
    if (illFormed) {
      const path = illFormed.map((p) => quote(p.replace(LONE_SURROGATE, '\uFFFD'))).join('.') || '(input)';
      const message = 'Text that is not valid Unicode (a lone surrogate)';
      return {
        ok: false,
        error: new AppError('invalid_input', `Invalid input — ${path}: ${message}`, {
          fields: { [path]: message },
        }).toApiError(),
      };
    }
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: toApiError(invalidInput(parsed.error)) };
    try {
      checkRole(channel, role);
      let value = await run(channel, parsed.data);
      if (options.checkOutputs) value = contract[channel].output.parse(value);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e, options.log) };
    }
  };
  let last: Promise<unknown> = Promise.resolve();
  return {
    dispatch(channel, raw) {
      const answer = last.then(() => one(channel, raw));
      last = answer;
      return answer;
    },
  };
}
