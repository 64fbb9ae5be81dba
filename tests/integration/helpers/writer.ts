/**
 * Child process of the durability test: writes people through the real core, one call at a
 * time, and prints `ack <id>` after each call has answered — i.e. after its transaction has
 * committed. The parent kills it with SIGKILL at a random moment.
 */
import { openCore } from '../../../src/main/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writer.ts DATA_DIR');
const core = openCore({ dataDir });
const session = await core.call('session.get', {});
if (!session.currentPerson)
  await core.call('session.begin', { displayName: 'Writer', role: 'coordinator', code: 'WRITER' });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const p = await core.call('people.create', {
    displayName: `Person ${i}`,
    role: 'auditor',
    code: `W${process.pid}-${i}`.slice(0, 20),
  });
  process.stdout.write(`ack ${p.id}\n`);
}
