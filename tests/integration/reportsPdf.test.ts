/**
 * The demo's reports as a reader gets them: each converts to PDF with LibreOffice (headless, its
 * own profile per process) without error; the audit report runs to at least 8 pages; pictures of
 * its first pages are kept in test-results/reports/ to be looked at.
 *
 * LibreOffice and poppler are installed by .ci/run; where they are missing (a developer machine)
 * the test says so and skips, unless CI is set, where their absence fails it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemo } from '../../src/cli/cli';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'reports');
const have = (tool: string, flag: string) => spawnSync(tool, [flag], { stdio: 'ignore' }).status === 0;
const tools = have('soffice', '--version') && have('pdfinfo', '-v') && have('pdftoppm', '-v');
if (!tools && process.env.CI) throw new Error('CI must have soffice, pdfinfo and pdftoppm (see .ci/run).');

function toPdf(docx: string, outDir: string): string {
  const profile = join(tmpdir(), `ca-lo-profile-${process.pid}-${basename(docx)}`);
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
  expect(existsSync(pdf), `${pdf} written`).toBe(true);
  return pdf;
}

const pagesOf = (pdf: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe.skipIf(!tools)('the demo reports in LibreOffice', () => {
  let files: string[] = [];
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    files = await writeDemo(OUT, 'en', { out: () => undefined, err: () => undefined });
  }, 120_000);

  it('writes one file per report, named for it', () => {
    const names = files.map((f) => basename(f));
    expect(names.filter((n) => n.startsWith('audit-report-'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('local-action-plan-'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('monitoring-report-'))).toHaveLength(1);
  });

  it('converts every report to PDF; the audit reports have at least 8 pages; pictures of the first pages are kept', () => {
    for (const docx of files) {
      const pdf = toPdf(docx, OUT);
      const pages = pagesOf(pdf);
      if (basename(docx).startsWith('audit-report-')) expect(pages, basename(docx)).toBeGreaterThanOrEqual(8);
      else expect(pages, basename(docx)).toBeGreaterThanOrEqual(3);
    }
    const police = files.find((f) => basename(f).startsWith('audit-report-local-police'))!;
    const pdf = police.replace(/\.docx$/, '.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '8', pdf, join(OUT, 'audit-report-page')]);
    expect(readdirSync(OUT).filter((f) => /^audit-report-page-\d+\.png$/.test(f)).length).toBe(8);
  }, 300_000);
});
