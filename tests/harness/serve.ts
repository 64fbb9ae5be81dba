/**
 * Serves the built renderer backed by the real core, for manual runs and screenshots:
 *   npx electron-vite build
 *   npx tsx tests/harness/serve.ts --data /tmp/ca-data --port 5180
 * then open the printed URL in a browser. Ctrl+C stops it. The data folder is `--data`, else
 * CITIZEN_AUDIT_DATA_DIR (as the app honours it), else `.data`. When the core refuses the folder
 * (in use, not ours, database missing…) its message is printed and the process exits 1; a missing
 * database is brought back from the newest good backup with `--restore-newest-backup`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { restoreNewestBackup } from '../../src/main/core/backup/backups';
import { DATABASE_FILE } from '../../src/main/core/workspace';
import { AppError } from '../../src/shared/api/errors';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string' },
    'restore-newest-backup': { type: 'boolean', default: false },
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
if (values['restore-newest-backup']) {
  const used = restoreNewestBackup(dataDir, join(dataDir, DATABASE_FILE));
  console.log(`Restored ${used.file}`);
}
let harness: Awaited<ReturnType<typeof startHarness>>;
try {
  harness = await startHarness({
    dataDir,
    port,
    ...(values.renderer ? { rendererDir: resolve(values.renderer) } : {}),
  });
} catch (e) {
  if (!(e instanceof AppError)) throw e;
  console.error(e.message);
  if (e.code === 'database_missing' && e.rule?.params.backup)
    console.error('Run again with --restore-newest-backup to put that backup in place.');
  process.exit(1);
}
console.log(`Citizen Audit (http harness) at ${harness.url}  data: ${dataDir}`);

const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
