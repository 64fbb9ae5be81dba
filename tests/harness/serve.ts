/**
 * Serves the built renderer backed by the real core, for manual runs and screenshots:
 *   npx electron-vite build
 *   npx tsx tests/harness/serve.ts --data /tmp/ca-data --port 5180
 * then open the printed URL in a browser. Ctrl+C stops it. The data folder is `--data`, else
 * CITIZEN_AUDIT_DATA_DIR (as the app honours it), else `.data`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string' },
  },
});

const data = values.data ?? process.env.CITIZEN_AUDIT_DATA_DIR ?? '.data';
if (data.trim() === '') {
  console.error('Usage: npx tsx tests/harness/serve.ts [--data DIR] [--port N] [--renderer out/renderer]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port}`);
  process.exit(2);
}

const dataDir = resolve(data);
mkdirSync(dataDir, { recursive: true });
const harness = await startHarness({
  dataDir,
  port,
  ...(values.renderer ? { rendererDir: resolve(values.renderer) } : {}),
});
console.log(`Citizen Audit (http harness) at ${harness.url}  data: ${dataDir}`);

const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
