/**
 * The http transport used to test the renderer in a real browser without Electron: it serves the
 * built renderer (`out/renderer`) and answers `POST /__api/<channel>` by dispatching to the REAL
 * core, exactly as the IPC registration does. Only the transport differs; the contract, the
 * validation and the envelopes are the same. Binds to 127.0.0.1 only.
 *
 * The page gets its bridge from `/__harness/bridge.js`, injected into index.html before the app
 * script, standing in for the preload's `window.citizenAudit`.
 *
 * Only the harness's own page may call the API, never another web page open in the same browser
 * (which could otherwise write to the data folder with a cross-site POST):
 * - every API call carries a secret made for this run, which the harness writes into the page it
 *   serves (a `<meta>` tag, not a script another site could include and read);
 * - the body must be `application/json` (a cross-site form or no-cors request cannot send it);
 * - a request whose Origin is another site, or whose Host is not this harness (DNS rebinding), is
 *   refused; CORS preflights are refused and no Access-Control-Allow-* header is ever sent.
 * A refusal never reaches the core.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openCore } from '../../src/main/core/index';
import { BRIDGE_KEY } from '../../src/shared/api/bridge';
import type { Envelope } from '../../src/shared/api/errors';

export interface HarnessOptions {
  /** The core's data folder (a fresh temporary folder per test). */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; defaults to `out/renderer` at the repository root. */
  rendererDir?: string;
}

export interface Harness {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** This run's secret: API calls must send it in the `TOKEN_HEADER` header. */
  token: string;
  close(): Promise<void>;
}

/** The request header that carries the run's secret. */
export const TOKEN_HEADER = 'x-citizen-audit-token';
const TOKEN_META = 'citizen-audit-harness-token';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_BODY = 50 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The stand-in for the preload: same shape as `Bridge`, over fetch instead of IPC. It holds no
 * secret itself (another site may load this script): it reads the run's token from the page.
 */
const BRIDGE_JS = `'use strict';
(() => {
  const meta = document.querySelector('meta[name=${JSON.stringify(TOKEN_META)}]');
  const token = meta ? meta.getAttribute('content') : '';
  window[${JSON.stringify(BRIDGE_KEY)}] = Object.freeze({
    invoke: (channel, input) =>
      fetch('/__api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: JSON.stringify(input === undefined ? null : input),
      }).then((r) => r.json()),
    on: () => () => {},
  });
})();
`;
const BRIDGE_TAG = '<script src="/__harness/bridge.js"></script>';

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const root = resolve(options.rendererDir ?? resolve(REPO_ROOT, 'out/renderer'));
  const indexHtml = await readFile(resolve(root, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer at ${root}: run \`npx electron-vite build\` first.`);
  });
  const firstScript = indexHtml.indexOf('<script');
  if (firstScript < 0) throw new Error(`${root}/index.html has no <script>`);
  const token = randomBytes(32).toString('base64url');
  const tokenTag = `<meta name="${TOKEN_META}" content="${token}" />`;
  const page = `${indexHtml.slice(0, firstScript)}${tokenTag}\n    ${BRIDGE_TAG}\n    ${indexHtml.slice(firstScript)}`;
  let port = 0;

  // checkOutputs: the core also parses every answer with its output schema, as tests should.
  const core = openCore({ dataDir: options.dataDir, checkOutputs: true });

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal harness error');
      console.error(e);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;

    if (path.startsWith('/__api/')) {
      const refusal = refuseForeign(req, port, token);
      if (refusal) {
        const envelope: Envelope<never> = { ok: false, error: { code: 'forbidden_sender', message: refusal.message } };
        return send(res, refusal.status, 'application/json; charset=utf-8', JSON.stringify(envelope));
      }
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      const channel = decodeURIComponent(path.slice('/__api/'.length));
      const body = await readBody(req);
      let envelope: Envelope<unknown>;
      if (body === null) {
        envelope = { ok: false, error: { code: 'invalid_input', message: 'The request body is too large.' } };
      } else {
        let input: unknown;
        let parsed = true;
        try {
          input = body.length === 0 ? null : JSON.parse(body);
        } catch {
          parsed = false;
        }
        envelope = parsed
          ? await core.dispatch(channel, input)
          : { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } };
      }
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    if (path === '/__harness/bridge.js') return send(res, 200, CONTENT_TYPES['.js']!, BRIDGE_JS);
    if (path === '/' || path === '/index.html') return send(res, 200, CONTENT_TYPES['.html']!, page);

    // Static files of the built renderer, never outside its folder.
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
    }
    if (decoded.includes('\0')) return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
    const file = resolve(root, `.${decoded}`);
    if (!file.startsWith(root + sep)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return send(res, 200, type, await readFile(file));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;

  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      core.close();
    },
  };
}

/** Why an API request does not come from the harness's own page, or null when it does. */
function refuseForeign(req: IncomingMessage, port: number, token: string): { status: number; message: string } | null {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!own.includes(req.headers.host ?? '')) return { status: 403, message: 'Unknown host.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !own.some((h) => origin === `http://${h}`)) {
    return { status: 403, message: 'Calls from other sites are refused.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Calls from other sites are refused.' };
  }
  if (req.method === 'OPTIONS') return { status: 403, message: 'Cross-origin requests are refused.' };
  const sent = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(token);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    return { status: 403, message: 'This call does not come from the page of this run.' };
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: 'The body must be application/json.' };
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The request body as text, or null when it exceeds MAX_BODY. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
