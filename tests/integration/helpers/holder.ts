/**
 * Child process of the fault tests: opens a core on a data folder and says what happened —
 * `opened` (then waits for a line on stdin before closing) or `refused <code>`.
 */
import { openCore } from '../../../src/main/core';
import { AppError } from '../../../src/shared/api/errors';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: holder.ts DATA_DIR');
try {
  const core = openCore({ dataDir, log: () => undefined });
  process.stdout.write('opened\n');
  process.stdin.once('data', () => {
    core.close();
    process.exit(0);
  });
} catch (e) {
  process.stdout.write(`refused ${e instanceof AppError ? e.code : String(e)}\n`);
  process.exit(0);
}
