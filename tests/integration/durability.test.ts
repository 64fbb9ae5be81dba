/**
 * Crash durability: a child process writes and acknowledges rows through the real core and is
 * killed with SIGKILL at random moments, many times over the same database. After every kill,
 * every acknowledged row must be there and `integrity_check` must answer ok.
 *
 * The kill delays come from a seeded generator; the seed is printed, and
 * `DURABILITY_SEED=<seed> npx vitest run tests/integration/durability.test.ts` replays a run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';

const KILLS = 50;
const writer = join(import.meta.dirname, 'helpers', 'writer.ts');

/** mulberry32: a small seeded generator, so a failing sequence of kill delays can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the writer until `delayMs` after it is ready, kills it, returns the acknowledged ids. */
function runAndKill(dataDir: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer ended without being killed: ${stderr}`));
    });
  });
}

describe('durability under SIGKILL', () => {
  it('opens every database with the settings that make a commit survive a crash or power loss', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'ca-pragma-')), 'db.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL: the WAL is synced at every commit, not only at checkpoints.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it(`an acknowledged write survives the process being killed (${KILLS} kills)`, { timeout: 600_000 }, async () => {
    const seed = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`durability: seed ${seed} (replay with DURABILITY_SEED=${seed})`);
    const random = seeded(seed);
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-kill-'));
    const all: string[] = [];
    try {
      for (let i = 0; i < KILLS; i++) {
        const delay = Math.floor(random() * 150);
        const acked = await runAndKill(dataDir, delay);
        all.push(...acked);
        const db = openDatabase(join(dataDir, 'citizen-audit.sqlite'));
        try {
          expect(db.pragma('integrity_check', { simple: true }), `kill ${i} (seed ${seed})`).toBe('ok');
          const present = new Set((db.prepare(`SELECT id FROM person`).all() as { id: string }[]).map((r) => r.id));
          const missing = all.filter((id) => !present.has(id));
          expect(missing, `kill ${i} after ${delay} ms (seed ${seed}): acknowledged rows lost`).toEqual([]);
        } finally {
          db.close();
        }
      }
      expect(all.length).toBeGreaterThan(KILLS);
      console.log(`durability: ${KILLS} kills, ${all.length} acknowledged rows, none lost (seed ${seed})`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
