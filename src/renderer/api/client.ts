/**
 * The renderer's only way to reach the core: a typed call over the bridge that the preload (or,
 * in browser tests, the http harness) puts on `window.citizenAudit`. Outputs are parsed with the
 * contract's schema, so a core that answers the wrong shape fails loudly here, not in a screen.
 */
import { BRIDGE_KEY, type Bridge } from '../../shared/api/bridge';
import { contract, type Channel, type Input, type Output } from '../../shared/api/contract';
import type { ApiError, ErrorCode } from '../../shared/api/errors';
import { resources } from '../../shared/i18n';
import { ruleMessage } from '../../shared/i18n/rules';
import type { Language } from '../../shared/domain/vocabulary';

/** An error envelope from the core, as an exception the UI can inspect (`code`) and show (`message`). */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'bridge_missing' | 'bad_output',
    message: string,
    readonly channel: Channel,
    /** For `invalid_input`: the core's message per field, keyed by dotted path. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** For refusals by a rule: the message key and parameters, to show in the user's language. */
    readonly rule?: ApiError['rule'],
    /** The input field a refusal concerns, if one does. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }

  /**
   * The message in `language`: the rule's translation when the core gave one, else the
   * translation of the error's code. The core's own English text is never shown, so no English
   * sentence reaches a Spanish screen (it stays in `message`, for logs).
   */
  messageIn(language: Language): string {
    const t = resources[language].translation;
    return this.rule ? ruleMessage(t, this.rule.key, this.rule.params) : t.errors[this.code];
  }
}

/** Any error a call or a screen can meet, as a message in `language` (never the core's English). */
export function errorMessage(e: unknown, language: string): string {
  const lang: Language = language === 'es' ? 'es' : 'en';
  return e instanceof ApiCallError ? e.messageIn(lang) : resources[lang].translation.errors.internal;
}

function bridge(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
}

/** `api.call('people.list', { role: 'auditor' })` → the parsed list, or throws `ApiCallError`. */
async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const b = bridge();
  if (!b) throw new ApiCallError('bridge_missing', 'The app is not connected to its data.', channel);
  const envelope = await b.invoke(channel, input);
  if (!envelope.ok) {
    const e = envelope.error;
    throw new ApiCallError(e.code, e.message, channel, e.fields, e.rule, e.field);
  }
  const parsed = contract[channel].output.safeParse(envelope.value);
  if (!parsed.success) {
    throw new ApiCallError('bad_output', `Unexpected answer from ${channel}: ${parsed.error.message}`, channel);
  }
  return parsed.data as Output<C>;
}

export const api = { call };
