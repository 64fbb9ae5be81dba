/**
 * The command line, without Electron: the core in-process, driven through the same contract as
 * the app (`core.call('reports.generate', …)`), so a report from the command line is the report
 * the app makes.
 *
 *   report <audit|plan|monitoring> --data <folder> [--audit <id>] --lang <en|es>
 *          [--include-personal-data] [--date <YYYY-MM-DD>] [--since <YYYY-MM-DD>]
 *          [--programme-name <text>] [--logo <file.png|jpg>] --out <file.docx>
 *   demo <folder> [--lang <en|es>]
 *
 * Exit codes: 0 done; 1 the work failed (no data, no such audit, a refused call); 2 bad arguments
 * (the usage is printed).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../main/core';
import { demoFile, loadDemo } from '../main/core/seed/demo';
import { DATABASE_FILE } from '../main/core/workspace';
import { AppError } from '../shared/api/errors';
import type { Input } from '../shared/api/contract';
import { REPORT_KINDS, type ReportKind } from '../shared/domain/report';
import { LANGUAGES, type Language } from '../shared/domain/vocabulary';

export const USAGE = `Usage:
  npm run cli -- report <audit|plan|monitoring> --data <folder> [--audit <id>] --lang <en|es>
                 [--include-personal-data] [--date <YYYY-MM-DD>] [--since <YYYY-MM-DD>]
                 [--programme-name <text>] [--logo <file.png|file.jpg>] --out <file.docx>
  npm run cli -- demo <folder> [--lang <en|es>]
  npm run demo -- <folder> [--lang <en|es>]

  report  writes one Word report of the data folder <folder> (the app's data folder).
          --audit is required for an audit report; personal data is left out unless
          --include-personal-data is given.
  demo    loads the demo programme into a fresh data folder inside <folder> and writes its
          reports there (audit-report-….docx for each audit, local-action-plan-….docx,
          monitoring-report-….docx).
`;

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

class UsageError extends Error {}

const isLanguage = (s: string | undefined): s is Language => LANGUAGES.includes(s as Language);
const isKind = (s: string | undefined): s is ReportKind => REPORT_KINDS.includes(s as ReportKind);
const isDate = (s: string | undefined): boolean => s === undefined || /^\d{4}-\d\d-\d\d$/.test(s);

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        audit: { type: 'string' },
        lang: { type: 'string' },
        'include-personal-data': { type: 'boolean' },
        date: { type: 'string' },
        since: { type: 'string' },
        'programme-name': { type: 'string' },
        logo: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function logoOf(file: string | undefined): Input<'reports.generate'>['logo'] {
  if (!file) return null;
  const type = extname(file).toLowerCase();
  if (!['.png', '.jpg', '.jpeg'].includes(type)) throw new UsageError('--logo must be a .png or .jpg file');
  if (!existsSync(file)) throw new UsageError(`--logo: no file ${file}`);
  return {
    mediaType: type === '.png' ? 'image/png' : 'image/jpeg',
    contentBase64: readFileSync(file).toString('base64'),
  };
}

async function report(argv: ReturnType<typeof parse>, io: CliIO): Promise<number> {
  const [, kind, ...extra] = argv.positionals;
  const v = argv.values;
  if (!isKind(kind)) throw new UsageError(`report: the kind must be one of ${REPORT_KINDS.join(', ')}`);
  if (extra.length) throw new UsageError(`report: unexpected ${extra.join(' ')}`);
  if (!v.data) throw new UsageError('report: --data <folder> is required');
  if (!v.out) throw new UsageError('report: --out <file.docx> is required');
  if (!isLanguage(v.lang)) throw new UsageError('report: --lang must be en or es');
  if (kind === 'audit' && !v.audit) throw new UsageError('report audit: --audit <id> is required');
  if (kind !== 'audit' && v.audit) throw new UsageError(`report ${kind}: --audit is only for an audit report`);
  if (!isDate(v.date) || !isDate(v.since)) throw new UsageError('--date and --since are dates: YYYY-MM-DD');
  const logo = logoOf(v.logo);

  const dataDir = resolve(v.data);
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    io.err(`There is no Citizen Audit data in ${dataDir} (no ${DATABASE_FILE}).`);
    return 1;
  }
  const core = openCore({ dataDir });
  try {
    if (kind === 'audit') {
      const audits = (await core.call('audits.list', { limit: 500 })).items;
      if (!audits.some((a) => a.id === v.audit)) {
        io.err(`There is no audit ${v.audit} in ${dataDir}.`);
        io.err(audits.length ? 'Its audits are:' : 'It has no audits.');
        for (const a of audits) io.err(`  ${a.id}  ${a.title}`);
        return 1;
      }
    }
    const out = resolve(v.out);
    const r = await core.call('reports.generate', {
      kind,
      auditId: v.audit ?? null,
      language: v.lang,
      includePersonalData: v['include-personal-data'] ?? false,
      reportDate: v.date ?? null,
      since: v.since ?? null,
      programmeName: v['programme-name'] ?? null,
      logo,
      outPath: out,
    });
    io.out(`Wrote ${r.savedTo} (${r.size} bytes).`);
    return 0;
  } finally {
    core.close();
  }
}

/** Loads the demo into a fresh data folder inside `folder` and writes every report of it there. */
export async function writeDemo(folder: string, language: Language, io: CliIO = consoleIO): Promise<string[]> {
  const target = resolve(folder);
  mkdirSync(target, { recursive: true });
  const dataDir = mkdtempSync(join(target, 'demo-data-'));
  const core: Core = openCore({ dataDir });
  try {
    // The demo's texts in the reports' language.
    await loadDemo(core.call, { language });
    // The demo's story is told as of one day: its reports are dated that day.
    const reportDate = demoFile().asOf;
    const written: string[] = [];
    const save = async (input: Input<'reports.generate'>) => {
      // Written by the core itself, as the app and `report` do, then named as the core says.
      const partial = join(target, '.report.partial.docx');
      const r = await core.call('reports.generate', { ...input, language, reportDate, outPath: partial });
      const path = join(target, r.fileName);
      renameSync(partial, path);
      written.push(path);
      io.out(`Wrote ${path}`);
    };
    for (const a of (await core.call('audits.list', {})).items) await save({ kind: 'audit', auditId: a.id, language });
    await save({ kind: 'plan', language });
    await save({ kind: 'monitoring', language });
    io.out(`The demo's data is in ${dataDir}.`);
    return written;
  } finally {
    core.close();
  }
}

async function demo(argv: ReturnType<typeof parse>, io: CliIO): Promise<number> {
  const [, folder, ...extra] = argv.positionals;
  if (!folder) throw new UsageError('demo: the folder is required');
  if (extra.length) throw new UsageError(`demo: unexpected ${extra.join(' ')}`);
  const lang = argv.values.lang ?? 'en';
  if (!isLanguage(lang)) throw new UsageError('demo: --lang must be en or es');
  await writeDemo(folder, lang, io);
  return 0;
}

/** Runs one command; answers the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO = consoleIO): Promise<number> {
  try {
    const parsed = parse(argv);
    if (parsed.values.help) {
      io.out(USAGE);
      return 0;
    }
    switch (parsed.positionals[0]) {
      case 'report':
        return await report(parsed, io);
      case 'demo':
        return await demo(parsed, io);
      default:
        throw new UsageError(parsed.positionals[0] ? `Unknown command ${parsed.positionals[0]}` : 'No command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(USAGE);
      return 2;
    }
    io.err(e instanceof AppError ? e.message : `Failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
