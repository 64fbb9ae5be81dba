/**
 * The command line: bad arguments print the usage and exit 2 (a real process, as a user runs it);
 * a missing audit is a clear message; `demo` writes the three kinds of report; `report` writes the
 * file it is asked for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { openCore } from '../../src/main/core';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
let dataDir: string;
let auditId: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-cli-'));
  const c = capture();
  expect(await runCli(['demo', dir], c.io)).toBe(0);
  dataDir = join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('demo-data-'))!,
  );
  const core = openCore({ dataDir });
  auditId = (await core.call('audits.list', {})).items[0]!.id;
  core.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run cli', () => {
  it('prints the usage and exits 2 on bad arguments (a real process)', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'report', 'everything', '--lang', 'fr'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage:');
    expect(r.stderr).toContain('npm run cli -- report <audit|plan|monitoring>');
  });

  it.each([
    [[]],
    [['report']],
    [['report', 'audit', '--data', '/tmp', '--lang', 'en', '--out', '/tmp/x.docx']],
    [['report', 'plan', '--data', '/tmp', '--lang', 'de', '--out', '/tmp/x.docx']],
    [['report', 'plan', '--data', '/tmp', '--lang', 'en']],
    [['report', 'plan', '--unknown']],
    [['demo']],
  ])('exits 2 with the usage for %j', async (argv) => {
    const c = capture();
    expect(await runCli(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Usage:');
  });

  it('says clearly that an audit is missing, and lists the audits there are', async () => {
    const c = capture();
    const missing = '00000000-0000-4000-8000-000000000abc';
    const code = await runCli(
      ['report', 'audit', '--data', dataDir, '--audit', missing, '--lang', 'en', '--out', join(dir, 'x.docx')],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err[0]).toBe(`There is no audit ${missing} in ${dataDir}.`);
    expect(c.err.join('\n')).toContain(auditId);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('says so when the folder holds no data', async () => {
    const c = capture();
    const empty = mkdtempSync(join(tmpdir(), 'ca-cli-empty-'));
    try {
      expect(
        await runCli(['report', 'plan', '--data', empty, '--lang', 'en', '--out', join(empty, 'p.docx')], c.io),
      ).toBe(1);
      expect(c.err[0]).toMatch(/no Citizen Audit data/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('demo writes the audit reports, the plan and the monitoring report', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
    expect(files.filter((f) => /^audit-report-.+-2026-03-31-en\.docx$/.test(f))).toHaveLength(2);
    expect(files).toContain('local-action-plan-2026-03-31-en.docx');
    expect(files).toContain('monitoring-report-2026-03-31-en.docx');
    expect(files).toHaveLength(4);
  });

  it('report writes the file asked for, in Spanish, with personal data when asked', async () => {
    const out = join(dir, 'auditoria.docx');
    const c = capture();
    const code = await runCli(
      [
        'report',
        'audit',
        '--data',
        dataDir,
        '--audit',
        auditId,
        '--lang',
        'es',
        '--include-personal-data',
        '--out',
        out,
      ],
      c.io,
    );
    expect(code, c.err.join('\n')).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(c.out[0]).toContain(out);
    // The word/document.xml of the file names personal data on its cover.
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 50_000_000 });
    expect(xml.includes('Este informe incluye datos personales')).toBe(true);
  });
});
