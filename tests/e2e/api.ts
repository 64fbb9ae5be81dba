/**
 * Calls the core through a harness, for an e2e test's set-up that is not what the test is about
 * (the test then drives the screens). Works with the fixture's harness and with one a test
 * starts itself: the harness's own URL and secret go with every call.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Channel, Input, Output } from '../../src/shared/api/contract';
import type { Envelope } from '../../src/shared/api/errors';
import { TOKEN_HEADER } from '../harness/server';

export type Api = { request: APIRequestContext; harness: { url: string; token: string } };

/** `call({ request, harness }, 'programme.setUp', {...})` → the value, or throws with the error. */
export async function call<C extends Channel>(api: Api, channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await api.request.post(new URL(`/__api/${channel}`, api.harness.url).toString(), {
    data: input,
    headers: { [TOKEN_HEADER]: api.harness.token },
  });
  const env = (await res.json()) as Envelope<Output<C>>;
  if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
  return env.value;
}
