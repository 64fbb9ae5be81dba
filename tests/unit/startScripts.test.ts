/**
 * The scripts a newcomer runs first: `npm start` / `npm run dev` fetch Electron's binary with
 * Electron's own installer before electron-vite runs, and where the fetch fails they stop
 * within seconds with one clear message pointing to `npm run browser`; `npm run browser` keeps
 * its data where CITIZEN_AUDIT_DATA_DIR says, as the app does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, ...args], { cwd: root, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

describe('npm start and npm run dev', () => {
  it('run the script that fetches Electron first', () => {
    expect(scripts.start).toBe('tsx scripts/electron.ts preview');
    expect(scripts.dev).toBe('tsx scripts/electron.ts dev');
  });

  it.each(['preview', 'dev'])(
    'when Electron cannot be fetched (%s): one clear message, pointing to npm run browser, a quick non-zero exit',
    async (mode) => {
      const r = await run(['scripts/electron.ts', mode], {
        // Electron's installer treats the binary as missing, and its download fails at once.
        ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here'),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: mkdtempSync(join(tmpdir(), 'ca-electron-cache-')),
      });
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(15_000);
      expect(r.out).toContain('could not be downloaded');
      expect(r.out).toMatch(/Why: .+/);
      expect(r.out).toContain('npm run browser');
      // electron-vite never ran, so its bare "Electron uninstall" never shows.
      expect(r.out).not.toMatch(/uninstall/i);
    },
  );

  it('refuses an unknown mode', async () => {
    const r = await run(['scripts/electron.ts', 'nope'], {});
    expect(r.code).toBe(2);
    expect(r.out).toContain('Usage');
  });
});

describe('npm run browser', () => {
  it('serves the harness without its own --data, so the data folder follows CITIZEN_AUDIT_DATA_DIR', () => {
    expect(scripts.browser).toMatch(/tsx tests\/harness\/serve\.ts/);
    expect(scripts.browser).not.toContain('--data');
  });

  it('keeps its data in CITIZEN_AUDIT_DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-browser-data-'));
    // A stand-in page: this test runs before the build (npm test builds after the unit tests).
    const renderer = mkdtempSync(join(tmpdir(), 'ca-browser-page-'));
    writeFileSync(
      join(renderer, 'index.html'),
      '<!doctype html><html><head><script src="x.js"></script></head></html>',
    );
    const child = spawn(process.execPath, [tsx, 'tests/harness/serve.ts', '--port', '0', '--renderer', renderer], {
      cwd: root,
      env: { ...process.env, CITIZEN_AUDIT_DATA_DIR: dataDir },
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('data:')) resolve(out);
        });
        child.on('close', (code) => reject(new Error(`serve.ts exited with ${code}: ${out}`)));
      });
      expect(line).toContain(`data: ${dataDir}`);
      expect(existsSync(join(dataDir, 'citizen-audit.sqlite'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(renderer, { recursive: true, force: true });
    }
  });
});
