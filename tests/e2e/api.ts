/**
 * Calls the core through a harness, for an e2e test's set-up that is not what the test is about
 * (the test then drives the screens). Works with the fixture's harness and with one a test
 * starts itself: the harness's own URL and secret go with every call.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Channel, Input, Output } from '../../src/shared/api/contract';
import type { Envelope } from '../../src/shared/api/errors';
import type { Person } from '../../src/shared/domain/programme';
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

/** A person of the demo programme, found by their code. */
export type DemoPeople = { byCode(code: string): Person };

/**
 * The set-up of the tests on the demo: a coordinator begins the session in a fresh data folder,
 * sets up a programme of their own, opens the demo programme and, with `as`, works as the demo's
 * person of that code. Returns the demo's people by code.
 */
export async function openDemo(api: Api, options: { as?: string } = {}): Promise<DemoPeople> {
  await call(api, 'session.begin', { displayName: 'Ana Coordinator', role: 'coordinator', code: 'COORD-1' });
  await call(api, 'programme.setUp', { name: 'CAMUS', city: 'Fuenlabrada' });
  await call(api, 'session.openWorkspace', { workspace: 'demo' });
  const people = (await call(api, 'people.list', { limit: 200 })).items;
  const byCode = (code: string): Person => {
    const person = people.find((p) => p.code === code);
    if (!person) throw new Error(`The demo has nobody with the code ${code}`);
    return person;
  };
  if (options.as) await call(api, 'session.setCurrentPerson', { personId: byCode(options.as).id });
  return { byCode };
}
