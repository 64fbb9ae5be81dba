/**
 * The http harness answers its own page only: a call without this run's token, with another
 * content type than JSON, from another site's Origin, to another Host, or as a CORS preflight is
 * refused before it reaches the core; a call from the page goes through.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../harness/server';

let harness: Harness;
let dataDir: string;

beforeAll(async () => {
  const renderer = mkdtempSync(join(tmpdir(), 'ca-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  dataDir = mkdtempSync(join(tmpdir(), 'ca-harness-'));
  harness = await startHarness({ dataDir, rendererDir: renderer });
});
afterAll(() => harness.close());

const api = (channel: string) => new URL(`/__api/${channel}`, harness.url).href;
const BEGIN = JSON.stringify({ displayName: 'Intruder', role: 'coordinator', code: 'EVIL-1' });

/** The session as the page sees it: nobody has begun unless a call got through. */
async function nobodyBegan(): Promise<boolean> {
  const res = await fetch(api('session.get'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
    body: '{}',
  });
  const env = (await res.json()) as { ok: boolean; value: { currentPerson: unknown } };
  return env.ok && env.value.currentPerson === null;
}

/** A raw request, to set headers fetch will not (Host). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, harness.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, method, path: url.pathname, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the http harness refuses calls that do not come from its page', () => {
  it('puts the token in the page, not in the bridge script another site could load', async () => {
    const page = await (await fetch(harness.url)).text();
    expect(page).toContain(`content="${harness.token}"`);
    const bridge = await (await fetch(new URL('/__harness/bridge.js', harness.url))).text();
    expect(bridge).not.toContain(harness.token);
    expect(harness.token.length).toBeGreaterThanOrEqual(40);
  });

  const refusals: [string, () => Promise<Response>, number][] = [
    [
      'no token',
      () =>
        fetch(api('session.begin'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: BEGIN }),
      403,
    ],
    [
      'a wrong token',
      () =>
        fetch(api('session.begin'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'x'.repeat(43) },
          body: BEGIN,
        }),
      403,
    ],
    [
      'text/plain (what a no-cors fetch can send)',
      () =>
        fetch(api('session.begin'), {
          method: 'POST',
          headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: harness.token },
          body: BEGIN,
        }),
      415,
    ],
    [
      'a form post',
      () =>
        fetch(api('session.begin'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', [TOKEN_HEADER]: harness.token },
          body: 'displayName=Intruder',
        }),
      415,
    ],
    [
      'another Origin',
      () =>
        fetch(api('session.begin'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token, origin: 'http://evil.example' },
          body: BEGIN,
        }),
      403,
    ],
  ];

  it.each(refusals)('refuses %s, without reaching the core', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await nobodyBegan()).toBe(true);
  });

  it('refuses another Host (DNS rebinding), without reaching the core', async () => {
    const res = await raw(
      'POST',
      '/__api/session.begin',
      { host: 'evil.example', 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      BEGIN,
    );
    expect(res.status).toBe(403);
    expect(await nobodyBegan()).toBe(true);
  });

  it('refuses a CORS preflight and never allows another origin', async () => {
    const res = await raw('OPTIONS', '/__api/session.begin', {
      host: new URL(harness.url).host,
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': `content-type, ${TOKEN_HEADER}`,
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('answers the page: token, JSON, own origin', async () => {
    const res = await fetch(api('session.begin'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [TOKEN_HEADER]: harness.token,
        origin: new URL(harness.url).origin,
      },
      body: JSON.stringify({ displayName: 'Ana', role: 'coordinator', code: 'COORD-1' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { currentPerson: { code: 'COORD-1' } } });
    expect(await nobodyBegan()).toBe(false);
  });
});
