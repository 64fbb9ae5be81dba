/**
 * `npm start` and `npm run dev`: makes sure Electron's binary is there, then runs electron-vite.
 *
 *   tsx scripts/electron.ts preview   (npm start: build, then open the app)
 *   tsx scripts/electron.ts dev       (npm run dev: the app with hot reload)
 *
 * Electron 45 no longer downloads its binary when it is installed; electron-vite then stops with
 * the bare words "Electron uninstall". So the binary is fetched first, with Electron's own
 * installer (`install.js` of the electron package, its `install-electron` bin), which does
 * nothing when the binary is already there. When the fetch fails (no network, a proxy, a
 * mirror that is down) this stops within seconds, says why, and points to `npm run browser`,
 * which runs the same app in a browser without Electron.
 *
 * CITIZEN_AUDIT_ELECTRON_FETCH_TIMEOUT_MS bounds a fetch that hangs (default 5 minutes; a real
 * download of about 100 MB needs time, a failing one fails at once).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MODES = ['preview', 'dev'] as const;
type Mode = (typeof MODES)[number];

const mode = process.argv[2] as Mode | undefined;
if (!mode || !MODES.includes(mode)) {
  console.error(`Usage: tsx scripts/electron.ts ${MODES.join('|')}`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = (require('electron/package.json') as { version: string }).version;
const timeoutMs = Number(process.env.CITIZEN_AUDIT_ELECTRON_FETCH_TIMEOUT_MS ?? 5 * 60_000);

/** Runs Electron's installer; resolves with its exit code and the last lines it printed. */
function fetchElectron(): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 1, output: String(e), timedOut });
    });
  });
}

/** The installer's reason, in one line: the first error line of its output. */
function reasonOf(output: string, timedOut: boolean): string {
  if (timedOut) return `the download did not finish within ${Math.round(timeoutMs / 1000)} s`;
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|404/i.test(l) && !l.startsWith('at '));
  return line ?? (output.trim().split('\n').at(-1) || 'the installer gave no reason');
}

const fetched = await fetchElectron();
if (fetched.code !== 0) {
  console.error(
    [
      '',
      `Citizen Audit cannot start: Electron ${electronVersion}'s program could not be downloaded.`,
      `  Why: ${reasonOf(fetched.output, fetched.timedOut)}.`,
      '  Electron downloads its program on first start (not during npm install), and that needs',
      '  access to github.com (or to the mirror in ELECTRON_MIRROR).',
      '',
      '  To use the app without Electron, in your browser:   npm run browser',
      '  To try again once online:                            npm start',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, mode], {
  stdio: 'inherit',
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
