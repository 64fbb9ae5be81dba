/**
 * Crash durability: a child process writes and acknowledges rows through the real core and is
 * killed with SIGKILL at random moments, many times over the same database. After every kill,
 * every acknowledged row must be there and `integrity_check` must answer ok.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';

const KILLS = 50;
const writer = join(import.meta.dirname, 'helpers', 'writer.ts');

/** Runs the writer until a random moment after it is ready, kills it, returns the acknowledged ids. */
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
  it(`keeps every acknowledged row through ${KILLS} kills`, { timeout: 600_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ca-kill-'));
    const all: string[] = [];
    try {
      for (let i = 0; i < KILLS; i++) {
        const acked = await runAndKill(dataDir, Math.floor(Math.random() * 150));
        all.push(...acked);
        const db = openDatabase(join(dataDir, 'citizen-audit.sqlite'));
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const present = new Set((db.prepare(`SELECT id FROM person`).all() as { id: string }[]).map((r) => r.id));
          const missing = all.filter((id) => !present.has(id));
          expect(missing, `kill ${i}: acknowledged rows lost`).toEqual([]);
        } finally {
          db.close();
        }
      }
      expect(all.length).toBeGreaterThan(KILLS);
      console.log(`durability: ${KILLS} kills, ${all.length} acknowledged rows, none lost`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
