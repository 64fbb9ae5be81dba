/**
 * The storage specs, the migrated tables and the zod records agree, and every foreign key has
 * an index. A column missing from one of the three fails here (or, for spec vs record, at
 * compile time).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { ALL_SPECS } from '../../src/main/core/repositories/specs';
import { META_COLUMNS, snake, type FieldStorage } from '../../src/main/core/repositories/table';
import { CHANNEL_NAMES, isChannelName } from '../../src/shared/api/channels';
import { CHANNELS, CHANNEL_KINDS, contract } from '../../src/shared/api/contract';

const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'ca-schema-')), 'db.sqlite'));
const columnsOf = (table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).sort();

describe('storage specs', () => {
  it.each(ALL_SPECS.map((s) => [s.entity, s] as const))(
    '%s: columns, link tables and record fields agree',
    (_name, spec) => {
      const fields = Object.entries(spec.fields as Record<string, FieldStorage>);
      const expected = [
        ...Object.keys(META_COLUMNS),
        ...fields.filter(([, s]) => typeof s === 'string').map(([f]) => f),
      ]
        .map(snake)
        .sort();
      expect(columnsOf(spec.table)).toEqual(expected);
      for (const [field, s] of fields) {
        if (typeof s === 'string') continue;
        if ('link' in s)
          expect(columnsOf(s.link.table), field).toEqual([s.link.owner, 'position', s.link.target].sort());
        if ('evidence' in s) expect(columnsOf('evidence_link'), field).toContain(s.evidence);
      }
      // The zod record has exactly the metadata and the spec's fields.
      const shape = Object.keys((spec.record as unknown as { shape: Record<string, unknown> }).shape).sort();
      expect(shape).toEqual([...Object.keys(META_COLUMNS), ...fields.map(([f]) => f)].sort());
    },
  );
});

describe('indexes', () => {
  it('cover every foreign key (its columns lead a full index)', () => {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const missing: string[] = [];
    for (const table of tables) {
      const fks = db.prepare(`SELECT id, "from" FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(table) as {
        id: number;
        from: string;
      }[];
      const keys = new Map<number, string[]>();
      for (const fk of fks) keys.set(fk.id, [...(keys.get(fk.id) ?? []), fk.from]);
      const indexes = (
        db.prepare(`SELECT name, partial FROM pragma_index_list(?)`).all(table) as { name: string; partial: number }[]
      )
        .filter((i) => i.partial === 0)
        .map((i) =>
          (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name) as { name: string }[]).map(
            (c) => c.name,
          ),
        );
      // The primary key of a rowid table is not in index_list: count it as an index of its own.
      const pk = (
        db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[]
      ).map((c) => c.name);
      indexes.push(pk);
      for (const cols of keys.values()) {
        const covered = indexes.some((ix) => cols.every((c) => ix.slice(0, cols.length).includes(c)));
        if (!covered) missing.push(`${table}(${cols.join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the contract', () => {
  it('declares for every channel whether it reads, writes or runs exclusively (session, backups)', () => {
    for (const c of CHANNELS) expect(CHANNEL_KINDS, c).toContain(contract[c].kind);
    const kinds = Object.fromEntries(
      CHANNEL_KINDS.map((k) => [k, CHANNELS.filter((c) => contract[c].kind === k).length]),
    );
    expect(kinds.read).toBeGreaterThan(20);
    expect(kinds.write).toBeGreaterThan(40);
    expect(kinds.exclusive).toBe(5);
  });

  it('keeps plain create/update/archive for plain records only; domain verbs elsewhere', () => {
    const plain = new Set([
      'services',
      'people',
      'grounds',
      'templates',
      'findings',
      'recommendations',
      'measures',
      'observations',
      'attachments',
      'situationTests',
      'programme',
      'audits',
    ]);
    for (const c of CHANNELS) {
      const [domain, verb] = c.split('.') as [string, string];
      if (verb === 'create') expect(plain.has(domain), c).toBe(true);
    }
    for (const verb of [
      'audits.plan',
      'audits.recordAnswer',
      'audits.consolidate',
      'audits.submit',
      'findings.suggestFromResults',
      'recommendations.answer',
      'measures.recordProgress',
    ]) {
      expect(CHANNELS, verb).toContain(verb);
    }
    for (const gone of [
      'responses.create',
      'managementResponses.create',
      'progressUpdates.create',
      'audits.setStatus',
      'audits.create',
    ]) {
      expect(CHANNELS, gone).not.toContain(gone);
    }
  });
});

describe('the zod-free list of channel names', () => {
  it('names exactly the channels of the contract, in the same order', () => {
    expect([...CHANNEL_NAMES]).toEqual(CHANNELS);
    expect(isChannelName('programme.update')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('programme.nope')).toBe(false);
  });

  it('imports nothing at run time (only a type from the contract)', () => {
    const code = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'shared', 'api', 'channels.ts'), 'utf8');
    const imports = [...code.matchAll(/^import\s+(type\s+)?.*from\s+'([^']+)'/gm)];
    expect(imports.every((m) => m[1] === 'type ')).toBe(true);
  });
});
