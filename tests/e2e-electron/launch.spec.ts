/**
 * Launches the built app in real Electron and checks the security settings users rely on: the
 * page has no Node.js, the bridge exposes only `invoke`/`on`, and the window runs isolated and
 * sandboxed. Skipped, with the reason printed, where the Electron binary is not installed (it
 * cannot be downloaded on this project's CI machines); runs wherever it exists.
 *
 * Build first: `npm run build` (the app under test is out/main/index.js).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const MAIN_ENTRY = resolve('out/main/index.js');

/**
 * Where the Electron executable is, without `require('electron')`: requiring it tries to
 * download the binary when it is missing.
 */
function findElectronBinary(): { path: string; reason: null } | { path: null; reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const overrideDist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = overrideDist
    ? join(overrideDist, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  if (executable === null) {
    return {
      path: null,
      reason: `${pathFile} is missing: the binary was never downloaded (run "npx install-electron" where the download site is reachable)`,
    };
  }
  if (!existsSync(executable)) return { path: null, reason: `${executable} does not exist` };
  return { path: executable, reason: null };
}

const binary = findElectronBinary();
const SKIP_REASON =
  binary.reason === null
    ? ''
    : `Electron binary not installed on this machine (cannot be downloaded here): ${binary.reason}`;
if (binary.path === null) console.log(`[e2e-electron] skipped: ${SKIP_REASON}`);

test.describe('the Electron shell (built app)', () => {
  test.skip(binary.path === null, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run "npm run build" first`).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'citizen-audit-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    // The built page, never a dev server, and a data folder of this run's own.
    delete env.ELECTRON_RENDERER_URL;
    env.CITIZEN_AUDIT_DATA_DIR = dataDir;
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      // Chromium refuses to start its sandbox as root (CI containers); the renderer is still
      // launched with Electron's sandboxed (Node-less) preload, which is what is checked here.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN_ENTRY],
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the window is titled Citizen Audit', async () => {
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Citizen Audit');
  });

  test('the page has no Node.js', async () => {
    expect(await page.evaluate(() => typeof require)).toBe('undefined');
    expect(await page.evaluate(() => typeof process)).toBe('undefined');
  });

  test('the bridge exposes only invoke and on', async () => {
    const keys = await page.evaluate(() => {
      const bridge = (globalThis as Record<string, unknown>)['citizenAudit'];
      return bridge && typeof bridge === 'object' ? Object.keys(bridge).sort() : null;
    });
    expect(keys).toEqual(['invoke', 'on']);
  });

  test('the bridge answers envelopes: a real channel, and a refused unknown one', async () => {
    const [known, unknown] = await page.evaluate(async () => {
      const bridge = (globalThis as Record<string, unknown>)['citizenAudit'] as {
        invoke(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
      };
      return [await bridge.invoke('session.get', {}), await bridge.invoke('nope.nope', {})];
    });
    expect(known.ok).toBe(true);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  test('the window runs isolated, sandboxed and without Node integration', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is not in Electron's typings but exists at run time (Electron's own
      // tests use it): it reports the preferences the renderer actually got.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      };
      const p = contents.getLastWebPreferences();
      return p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});
