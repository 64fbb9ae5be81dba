/**
 * Turns one call `(channel, raw input)` into an envelope. The input is parsed with the channel's
 * zod schema before anything runs; a bad input answers `invalid_input` and changes nothing;
 * every write runs in one IMMEDIATE transaction, so a failing call leaves no partial change;
 * exceptions never leave this function.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../../shared/api/contract';
import { AppError, type ApiError, type Envelope } from '../../../shared/api/errors';

export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(input)';
    fields[path] ??= issue.message;
  }
  const message = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return new AppError('invalid_input', `Invalid input — ${message}`, fields);
}

/** Maps anything thrown to the error half of an envelope. */
export function toApiError(e: unknown, log: (e: unknown) => void = console.error): ApiError {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
  const sqliteCode = (e as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    log(e);
    return { code: 'rule_violation', message: 'The change conflicts with existing data and was not saved.' };
  }
  log(e);
  return { code: 'internal', message: 'Something went wrong; the change was not saved.' };
}

export interface Dispatcher {
  dispatch(channel: string, raw: unknown): Promise<Envelope<unknown>>;
}

/**
 * Builds the dispatcher. `run` executes a parsed call (inside a transaction where it writes);
 * with `checkOutputs`, every answer is also parsed with the output schema (tests use it).
 */
export function createDispatcher(
  run: (channel: Channel, input: unknown) => unknown,
  options: { checkOutputs?: boolean; log?: (e: unknown) => void } = {},
): Dispatcher {
  return {
    async dispatch(channel, raw) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'unknown_channel', message: `Unknown channel ${String(channel).slice(0, 80)}.` },
        };
      }
      const parsed = contract[channel].input.safeParse(raw);
      if (!parsed.success) return { ok: false, error: toApiError(invalidInput(parsed.error)) };
      try {
        let value = await run(channel, parsed.data);
        if (options.checkOutputs) value = contract[channel].output.parse(value);
        return { ok: true, value };
      } catch (e) {
        return { ok: false, error: toApiError(e, options.log) };
      }
    },
  };
}
