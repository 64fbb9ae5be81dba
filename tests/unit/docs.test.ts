/**
 * The docs stay true to the code where they can be checked: docs/api.md lists exactly the
 * contract's channels with their kinds, and no file of the repository points to design notes
 * outside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src/shared/api/contract';
import { ROLE_MATRIX, type Access } from '../../src/shared/api/roles';

const root = join(import.meta.dirname, '..', '..');

describe('docs/api.md', () => {
  it('lists every channel of the contract, with its kind, and no other', () => {
    const rows = [
      ...readFileSync(join(root, 'docs', 'api.md'), 'utf8').matchAll(/^\| `([a-zA-Z]+\.[a-zA-Z]+)` +\| (\w+) +\|/gm),
    ];
    const documented = Object.fromEntries(rows.map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(documented).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(documented[c], c).toBe(contract[c].kind);
  });
});

describe('docs/roles.md', () => {
  it('lists every channel with exactly the roles of the matrix', () => {
    const rows = [
      ...readFileSync(join(root, 'docs', 'roles.md'), 'utf8').matchAll(
        /^\| `([a-zA-Z]+\.[a-zA-Z]+)` +\| ([^|]+?) +\|/gm,
      ),
    ];
    const documented = Object.fromEntries(rows.map((m) => [m[1]!, m[2]!]));
    const short = { auditor: 'A', manager: 'M', coordinator: 'C' } as const;
    const expected = Object.fromEntries(
      CHANNELS.map((c) => {
        const access: Access = ROLE_MATRIX[c];
        return [c, access === 'open' ? 'open' : access.map((r) => short[r]).join(', ')];
      }),
    );
    expect(documented).toEqual(expected);
  });
});

describe('the repository stands alone', () => {
  it('cites no design document outside it', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|tsx|js|md|json)$/.test(f) && !f.startsWith('tests/unit/docs.test.ts'));
    const offenders = files.filter((f) =>
      /PRODUCT\.md|CONVENTIONS\.md|STACK\.md|shared\/design|shared\/seeds/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
