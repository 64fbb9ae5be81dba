/**
 * The Electron shell's security decisions, in plain Node: which links may leave the app, the
 * Content-Security-Policy, which IPC senders the core listens to, and the preload bridge.
 * `electron` itself cannot be loaded here (no binary), so the two modules that import it
 * (ipc.ts, the preload) run against a recorded fake of the few Electron objects they use.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/api/contract';
import { BRIDGE_KEY, IPC_PREFIX, type Bridge } from '../../src/shared/api/bridge';
import type { Envelope } from '../../src/shared/api/errors';
import { isSafeExternalUrl, toSafeExternalUrl } from '../../src/main/shell/urls';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../../src/main/shell/csp';
import { isTrustedSenderUrl, type AppPageLocation } from '../../src/main/shell/senderCheck';
import {
  handleInvoke,
  registerApiHandlers,
  type Dispatcher,
  type HandlerRegistrar,
  type SenderFrameInfo,
} from '../../src/main/shell/invoke';

/** What the fake Electron records. */
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  on: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
  removeListener: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
      if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: { invoke: fake.invoke, on: fake.on, removeListener: fake.removeListener },
}));

const RENDERER_FILE_URL = pathToFileURL('/opt/citizen-audit/resources/app.asar/out/renderer/index.html').href;
const BUILT: AppPageLocation = { rendererFileUrl: RENDERER_FILE_URL, devServerUrl: null };
const DEV: AppPageLocation = { rendererFileUrl: RENDERER_FILE_URL, devServerUrl: 'http://localhost:5173' };

/** A core that records the calls it receives and answers a fixed envelope. */
function fakeCore(answer: () => Promise<Envelope<unknown>>): Dispatcher & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    dispatch(channel, rawInput) {
      calls.push([channel, rawInput]);
      return answer();
    },
  };
}

const OK: Envelope<unknown> = { ok: true, value: { hello: 'world' } };
const quiet = (): void => {};
const ownFrame: SenderFrameInfo = { url: `${RENDERER_FILE_URL}#/audits`, isAppMainFrame: true };

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://example.org/')).toBe(true);
    expect(isSafeExternalUrl('https://www.example.org/guide?lang=fr#part-2')).toBe(true);
  });

  it.each([
    ['http (not encrypted)', 'http://example.org/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials', 'https://user:pw@example.org/'],
    ['a user name only', 'https://bank.example@evil.example/'],
    ['a custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['smb:', 'smb://server/share'],
    ['a relative path', '/audits/1'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('hands over the normalised URL, so what was checked is what is opened', () => {
    expect(toSafeExternalUrl('HTTPS://Example.ORG/a b')).toBe('https://example.org/a%20b');
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string): Map<string, string[]> =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...sources]) => [name as string, sources]),
    );

  it('never allows eval or inline script in the built app', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives(CONTENT_SECURITY_POLICY).get('script-src')).toEqual(["'self'"]);
  });

  it('locks down everything else', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it("matches the <meta> policy of the renderer's index.html (which also covers file:// loads)", () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'src/renderer/index.html has no Content-Security-Policy <meta> tag').not.toBeNull();
    const expected = directives(CONTENT_SECURITY_POLICY);
    // frame-ancestors is ignored in a <meta> policy, so only the header carries it.
    expected.delete('frame-ancestors');
    expect(directives(meta?.[1] ?? '')).toEqual(expected);
  });

  it('is the built policy when there is no dev server', () => {
    expect(contentSecurityPolicyFor(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('with the dev server adds only its WebSocket and never eval', () => {
    const dev = directives(contentSecurityPolicyFor('http://localhost:5173'));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect([...dev.values()].flat()).not.toContain("'unsafe-eval'");
    expect(dev.get('object-src')).toEqual(["'none'"]);
  });
});

describe('isTrustedSenderUrl', () => {
  it("trusts the built app's own page, with any #route", () => {
    expect(isTrustedSenderUrl(RENDERER_FILE_URL, BUILT)).toBe(true);
    expect(isTrustedSenderUrl(`${RENDERER_FILE_URL}#/audits/42`, BUILT)).toBe(true);
  });

  it.each([
    ['another web site', 'https://evil.example/'],
    ['another local file', pathToFileURL('/home/user/Downloads/index.html').href],
    ['a sibling file', RENDERER_FILE_URL.replace('index.html', 'other.html')],
    ['a file on a network share', RENDERER_FILE_URL.replace('file:///', 'file://server/')],
    ['the dev server while running built', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url, BUILT)).toBe(false);
  });

  it('in development trusts only the dev server origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/#/audits', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl(RENDERER_FILE_URL, DEV)).toBe(false);
  });
});

describe('handleInvoke', () => {
  it.each<[string, SenderFrameInfo | null]>([
    ['a foreign page', { url: 'https://evil.example/', isAppMainFrame: true }],
    ['no frame (navigated away or destroyed)', null],
    ['a subframe showing our page', { url: RENDERER_FILE_URL, isAppMainFrame: false }],
  ])('refuses a call from %s without calling the core', async (_label, frame) => {
    const core = fakeCore(() => Promise.resolve(OK));
    const answer = await handleInvoke(core, 'session.get', frame, {}, BUILT, quiet);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(core.calls).toEqual([]);
  });

  it("passes a call from the app's own page to the core and returns its envelope", async () => {
    const core = fakeCore(() => Promise.resolve(OK));
    const input = { name: 'Ada' };
    const answer = await handleInvoke(core, 'people.create', ownFrame, input, BUILT, quiet);
    expect(answer).toBe(OK);
    expect(core.calls).toEqual([['people.create', input]]);
  });

  it('passes on error envelopes unchanged', async () => {
    const notFound: Envelope<unknown> = { ok: false, error: { code: 'not_found', message: 'No such audit.' } };
    const core = fakeCore(() => Promise.resolve(notFound));
    await expect(handleInvoke(core, 'audits.get', ownFrame, { id: 'x' }, BUILT, quiet)).resolves.toBe(notFound);
  });

  it('turns a core that throws into an internal error envelope, never an exception', async () => {
    const log = vi.fn();
    const core = fakeCore(() => Promise.reject(new Error('disk on fire at /secret/path')));
    const answer = await handleInvoke(core, 'session.get', ownFrame, {}, BUILT, log);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The details go to the log, not to the page.
    expect(JSON.stringify(answer)).not.toContain('/secret/path');
    expect(log).toHaveBeenCalled();
  });

  it('turns a synchronous throw and a malformed answer into internal envelopes too', async () => {
    const throwing: Dispatcher = {
      dispatch() {
        throw new Error('boom');
      },
    };
    await expect(handleInvoke(throwing, 'session.get', ownFrame, {}, BUILT, quiet)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const malformed = fakeCore(() => Promise.resolve({ yes: 1 } as unknown as Envelope<unknown>));
    await expect(handleInvoke(malformed, 'session.get', ownFrame, {}, BUILT, quiet)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('registerApiHandlers', () => {
  type FakeEvent = { frame: SenderFrameInfo | null };
  const registrar = (): HandlerRegistrar<FakeEvent> & {
    listeners: Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>>;
  } => {
    const listeners = new Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>>();
    return {
      listeners,
      handle: (channel, listener) => listeners.set(channel, listener),
      removeHandler: (channel) => listeners.delete(channel),
    };
  };

  it('registers exactly one prefixed handler per contract channel, and removes them', () => {
    const r = registrar();
    const unregister = registerApiHandlers(
      r,
      fakeCore(() => Promise.resolve(OK)),
      (e) => e.frame,
      BUILT,
      quiet,
    );
    expect([...r.listeners.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    unregister();
    expect(r.listeners.size).toBe(0);
  });

  it('refuses a foreign sender frame and serves our page', async () => {
    const r = registrar();
    const core = fakeCore(() => Promise.resolve(OK));
    registerApiHandlers(r, core, (e) => e.frame, BUILT, quiet);
    const listener = r.listeners.get(`${IPC_PREFIX}session.get`);
    if (!listener) throw new Error('session.get was not registered');

    const foreign = await listener({ frame: { url: 'https://evil.example/', isAppMainFrame: true } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(core.calls).toEqual([]);

    await expect(listener({ frame: ownFrame }, { a: 1 })).resolves.toBe(OK);
    expect(core.calls).toEqual([['session.get', { a: 1 }]]);
  });

  it('refuses the call when reading the sender frame throws', async () => {
    const r = registrar();
    const core = fakeCore(() => Promise.resolve(OK));
    registerApiHandlers(
      r,
      core,
      () => {
        throw new Error('frame gone');
      },
      BUILT,
      quiet,
    );
    const listener = r.listeners.get(`${IPC_PREFIX}session.get`);
    await expect(listener?.({ frame: ownFrame }, {})).resolves.toMatchObject({ error: { code: 'forbidden_sender' } });
    expect(core.calls).toEqual([]);
  });
});

describe('registerApi on ipcMain (ipc.ts)', () => {
  beforeEach(() => fake.handlers.clear());

  const frame = (url: string, extra: Partial<{ destroyed: boolean; detached: boolean }> = {}) => ({
    url,
    detached: extra.detached ?? false,
    isDestroyed: () => extra.destroyed ?? false,
  });

  it('refuses a foreign, a destroyed or a missing sender frame, and serves our main frame', async () => {
    const { registerApi } = await import('../../src/main/shell/ipc');
    const core = fakeCore(() => Promise.resolve(OK));
    const unregister = registerApi(core, () => true, BUILT, quiet);
    expect(fake.handlers.size).toBe(CHANNELS.length);
    const handler = fake.handlers.get(`${IPC_PREFIX}session.get`);
    if (!handler) throw new Error('session.get was not registered on ipcMain');

    for (const senderFrame of [
      frame('https://evil.example/'),
      frame(RENDERER_FILE_URL, { destroyed: true }),
      frame(RENDERER_FILE_URL, { detached: true }),
      null,
    ]) {
      await expect(handler({ senderFrame }, {})).resolves.toMatchObject({ error: { code: 'forbidden_sender' } });
    }
    expect(core.calls).toEqual([]);

    await expect(handler({ senderFrame: frame(RENDERER_FILE_URL) }, {})).resolves.toBe(OK);
    expect(core.calls).toEqual([['session.get', {}]]);
    unregister();
    expect(fake.handlers.size).toBe(0);
  });

  it("refuses our page when it is not the app window's main frame", async () => {
    const { registerApi } = await import('../../src/main/shell/ipc');
    const core = fakeCore(() => Promise.resolve(OK));
    const unregister = registerApi(core, () => false, BUILT, quiet);
    const handler = fake.handlers.get(`${IPC_PREFIX}session.get`);
    await expect(handler?.({ senderFrame: frame(RENDERER_FILE_URL) }, {})).resolves.toMatchObject({
      error: { code: 'forbidden_sender' },
    });
    expect(core.calls).toEqual([]);
    unregister();
  });
});

describe('preload bridge', () => {
  const loadBridge = async (): Promise<Bridge> => {
    await import('../../src/preload/index');
    const bridge = fake.exposed.get(BRIDGE_KEY) as Bridge | undefined;
    if (!bridge) throw new Error(`the preload did not expose window.${BRIDGE_KEY}`);
    return bridge;
  };

  beforeEach(() => {
    fake.invoke.mockReset();
    fake.on.mockReset();
    fake.removeListener.mockReset();
  });

  it('exposes only invoke and on', async () => {
    const bridge = await loadBridge();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('refuses an unknown channel without touching IPC', async () => {
    const bridge = await loadBridge();
    for (const channel of ['nope.nope', 'constructor', '__proto__', `${IPC_PREFIX}session.get`]) {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('forwards a contract channel with the IPC prefix and returns the answer', async () => {
    const bridge = await loadBridge();
    fake.invoke.mockResolvedValue(OK);
    await expect(bridge.invoke('session.get', { x: 1 })).resolves.toBe(OK);
    expect(fake.invoke).toHaveBeenCalledWith(`${IPC_PREFIX}session.get`, { x: 1 });
  });

  it('turns a failed delivery into an error envelope', async () => {
    const bridge = await loadBridge();
    fake.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    await expect(bridge.invoke('session.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes only to allowlisted events, passes only the payload, and unsubscribes', async () => {
    const bridge = await loadBridge();
    expect(() => bridge.on('ELECTRON_BROWSER_WINDOW_ALERT', () => {})).toThrow(/Unknown event/);
    expect(fake.on).not.toHaveBeenCalled();

    const received: unknown[] = [];
    const unsubscribe = bridge.on('app.menuCommand', (payload) => received.push(payload));
    expect(fake.on).toHaveBeenCalledTimes(1);
    const [name, wrapped] = fake.on.mock.calls[0] ?? [];
    expect(name).toBe('app.menuCommand');
    wrapped?.({ sender: 'the ipcRenderer object' }, { command: 'about' });
    expect(received).toEqual([{ command: 'about' }]);

    unsubscribe();
    expect(fake.removeListener).toHaveBeenCalledWith('app.menuCommand', wrapped);
  });
});
