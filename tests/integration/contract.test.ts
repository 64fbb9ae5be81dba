/**
 * Table-driven over EVERY channel of the contract: inputs that do not match the channel's schema
 * answer `invalid_input`, and the database is byte-for-byte unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/api/contract';
import type { WritableDB } from '../../src/main/core/db/handles';
import { openDatabase } from '../../src/main/core/db/open';
import { auditSetup, testCore, type TestCore } from './helpers/core';

/** Inputs no channel accepts: every input schema is a strict object. */
const ALWAYS_INVALID: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'programmes'],
  ['an array', [{}]],
  ['an unknown key', { unexpectedKey: true }],
  ['a bad id', { id: 'not-a-uuid' }],
  ['a prototype trick', JSON.parse('{"__proto__": {"admin": true}, "id": 1}')],
];

let core: TestCore;
let snapshot: () => string;

beforeAll(async () => {
  core = testCore();
  await auditSetup(core);
  const file = `${core.dataDir}/citizen-audit.sqlite`;
  snapshot = () => {
    const db: WritableDB = openDatabase(file);
    try {
      const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
        name: string;
      }[];
      return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]));
    } finally {
      db.close();
    }
  };
});
afterAll(() => core.cleanup());

describe('every channel refuses invalid input and changes nothing', () => {
  it('covers the whole contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(100);
  });

  it.each(CHANNELS)('%s', async (channel) => {
    const before = snapshot();
    for (const [what, input] of ALWAYS_INVALID) {
      const env = await core.dispatch(channel, input);
      expect(env, `${channel} with ${what}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(snapshot()).toBe(before);
  });

  it('answers unknown_channel for a channel outside the contract', async () => {
    expect(await core.dispatch('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await core.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('names the invalid fields', async () => {
    const env = await core.dispatch('people.create', { displayName: '', role: 'boss', code: 'x' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(Object.keys(env.error.fields ?? {}).sort()).toEqual(['code', 'displayName', 'role']);
  });
});
