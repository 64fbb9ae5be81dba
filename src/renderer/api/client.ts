/**
 * The renderer's only way to reach the core: a typed call over the bridge that the preload (or,
 * in browser tests, the http harness) puts on `window.citizenAudit`. Outputs are parsed with the
 * contract's schema, so a core that answers the wrong shape fails loudly here, not in a screen.
 */
import { BRIDGE_KEY, type Bridge } from '../../shared/api/bridge';
import { contract, type Channel, type Input, type Output } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';

/** An error envelope from the core, as an exception the UI can inspect (`code`) and show (`message`). */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'bridge_missing' | 'bad_output',
    message: string,
    readonly channel: Channel,
    /** For `invalid_input`: the core's message per field, keyed by dotted path. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function bridge(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
}

/** `api.call('people.list', { role: 'auditor' })` → the parsed list, or throws `ApiCallError`. */
async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const b = bridge();
  if (!b) throw new ApiCallError('bridge_missing', 'The app is not connected to its data.', channel);
  const envelope = await b.invoke(channel, input);
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message, channel, envelope.error.fields);
  const parsed = contract[channel].output.safeParse(envelope.value);
  if (!parsed.success) {
    throw new ApiCallError('bad_output', `Unexpected answer from ${channel}: ${parsed.error.message}`, channel);
  }
  return parsed.data as Output<C>;
}

export const api = { call };
