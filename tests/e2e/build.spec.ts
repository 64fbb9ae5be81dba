/**
 * `electron-vite build` (run by `npm test` before this suite) produced the bundles, each shaped as
 * the shell needs it: an ES module main that loads Electron, the core's worker that runs without
 * Electron, a CommonJS preload that requires nothing but `electron` (a sandboxed preload cannot
 * load anything else), and a renderer page under the strict Content-Security-Policy with no
 * inline script.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCoreHost } from '../../src/main/core/host/client';

const out = join(import.meta.dirname, '..', '..', 'out');

test('the main bundle exists and is the Electron entry', () => {
  const main = join(out, 'main', 'index.js');
  expect(existsSync(main)).toBe(true);
  const code = readFileSync(main, 'utf8');
  expect(code).toMatch(/from ["']electron["']/);
  expect(JSON.parse(readFileSync(join(out, '..', 'package.json'), 'utf8')).main).toBe('out/main/index.js');
});

test('the built core worker runs in plain Node, without Electron, and answers the contract', async () => {
  const file = join(out, 'main', 'coreWorker.js');
  expect(readFileSync(join(out, 'main', 'index.js'), 'utf8')).toContain('coreWorker.js');
  expect(readFileSync(file, 'utf8')).not.toMatch(/["']electron["']/);
  const host = startCoreHost({ workerFile: file, dataDir: mkdtempSync(join(tmpdir(), 'ca-built-worker-')) });
  try {
    await host.ready();
    expect(await host.dispatch('session.get', {})).toMatchObject({ ok: true, value: { workspace: 'main' } });
  } finally {
    await host.close();
  }
});

test('the preload bundle is CommonJS and requires only electron', () => {
  const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
  const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect(new Set(required)).toEqual(new Set(['electron']));
  expect(code).not.toMatch(/^\s*import\s/m);
});

test('the preload bundle is small: it carries channel names, not zod or the contract', () => {
  const file = join(out, 'preload', 'index.cjs');
  const size = statSync(file).size;
  expect(size).toBeLessThan(20 * 1024);
  const code = readFileSync(file, 'utf8');
  expect(code).toContain('programme.update');
  expect(code).not.toMatch(/ZodError|safeParse/);
});

test('the built page carries the app icon, and the main bundle gives it to the window', () => {
  expect(existsSync(join(out, 'renderer', 'icon.svg'))).toBe(true);
  expect(readFileSync(join(out, 'renderer', 'index.html'), 'utf8')).toContain('href="./icon.svg"');
  expect(readFileSync(join(out, 'main', 'index.js'), 'utf8')).toContain('icon.png');
});

test('the renderer page has the strict policy and no inline script', () => {
  const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/src=/);
    expect(body?.trim()).toBe('');
  }
});
