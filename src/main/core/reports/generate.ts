/**
 * `reports.generate`: gathers a report's data (./data.ts), builds the document from the pure
 * section builders, packs it once, and either writes it to the given path (written to a
 * temporary name, flushed and renamed: a crash never leaves half a report) or answers its bytes.
 *
 * The reading happens synchronously first, under the call's read-only handle; only packing is
 * asynchronous, and it touches no database. In the app this runs in the core's worker thread,
 * so building a large report never blocks the main process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { ReportGenerate, ReportResult } from '../../../shared/domain/report';
import { writeFileDurably } from '../files/durable';
import { attachmentPath } from '../services/audits';
import type { ReadContext } from '../services/context';
import { rule } from '../services/problems';
import { auditReport } from './auditReport';
import { createChartRenderer, type ChartRenderer } from './chartImage';
import { createContext, type ReportIO } from './context';
import { auditReportData, planReportData } from './data';
import type { ReportContext } from './context';
import type { ReportParts } from './document';
import { packReport } from './pack';
import { monitoringReport } from './monitoringReport';
import { planReport } from './planReport';

let defaultRenderer: ChartRenderer | null = null;
const chartRenderer = (): ChartRenderer => (defaultRenderer ??= createChartRenderer());

export interface ReportEnv {
  /** "Now" (ISO), for the default report date. */
  now?: () => string;
  io?: Partial<ReportIO>;
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);

const minusDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A report's parts, built from its data (the long tables still as data), ready to pack. */
export interface BuiltReport {
  ctx: ReportContext;
  parts: ReportParts;
  fileName: string;
}

/** Reads and builds a report, not packed: what `reports.generate` packs, and what the bench packs alone. */
export function buildReport(ctx: ReadContext, input: ReportGenerate, env: ReportEnv = {}): BuiltReport {
  const reportDate = input.reportDate ?? (env.now?.() ?? new Date().toISOString()).slice(0, 10);
  const io: ReportIO = {
    renderChart: env.io?.renderChart ?? chartRenderer(),
    readAttachment:
      env.io?.readAttachment ??
      ((sha) => {
        const file = attachmentPath(ctx.attachmentsDir, sha);
        return existsSync(file) ? readFileSync(file) : null; // a Buffer is a Uint8Array: no copy
      }),
  };
  const options = {
    language: input.language,
    includePersonalData: input.includePersonalData,
    reportDate,
    programmeName: input.programmeName || null,
    logo: input.logo
      ? {
          data: new Uint8Array(Buffer.from(input.logo.contentBase64, 'base64')),
          type: input.logo.mediaType === 'image/png' ? ('png' as const) : ('jpg' as const),
        }
      : null,
  };
  const suffix = `${reportDate}-${input.language}.docx`;
  switch (input.kind) {
    case 'audit': {
      const data = auditReportData(ctx.db, input.auditId ?? '', input.includePersonalData);
      const rctx = createContext(options, data.codes, io);
      return {
        ctx: rctx,
        parts: auditReport(data, rctx),
        fileName: `audit-report-${slug(data.service.name) || 'service'}-${suffix}`,
      };
    }
    case 'plan': {
      const data = planReportData(ctx.db);
      const rctx = createContext(options, data.codes, io);
      return { ctx: rctx, parts: planReport(data, rctx), fileName: `local-action-plan-${suffix}` };
    }
    case 'monitoring': {
      const data = planReportData(ctx.db);
      const rctx = createContext(options, data.codes, io);
      const since = input.since ?? minusDays(reportDate, 90);
      return {
        ctx: rctx,
        parts: monitoringReport(data, rctx, since),
        fileName: `monitoring-report-${suffix}`,
      };
    }
  }
}

export async function generateReport(
  ctx: ReadContext,
  input: ReportGenerate,
  env: ReportEnv = {},
): Promise<ReportResult> {
  if (input.outPath !== null && (!isAbsolute(input.outPath) || !existsSync(dirname(input.outPath))))
    throw rule('reportOutPath', {}, 'outPath');
  const { ctx: rctx, parts, fileName } = buildReport(ctx, input, env);
  const bytes = await packReport(rctx, parts);
  if (input.outPath !== null) writeFileDurably(input.outPath, bytes);
  return {
    kind: input.kind,
    fileName,
    size: bytes.length,
    savedTo: input.outPath,
    contentBase64:
      input.outPath === null ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') : null,
  };
}

export const reports = {
  generate: (ctx: ReadContext & { now?: () => string }, input: ReportGenerate): Promise<ReportResult> =>
    generateReport(ctx, input, { ...(ctx.now ? { now: ctx.now } : {}) }),
  /** Only the app's shell can open a file with the system's viewer; the core itself cannot. */
  open: (): { opened: boolean } => ({ opened: false }),
};
