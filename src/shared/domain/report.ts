/**
 * Word reports: what a caller asks for (`reports.generate`) and what it gets back. The core
 * either writes the file to `outPath` (the Electron shell fills it from the save dialog; the
 * command line from `--out`) or, without one, answers the file's bytes (base64).
 */
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { Language } from './vocabulary';

export const REPORT_KINDS = ['audit', 'plan', 'monitoring'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const REPORT_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

export const ReportGenerate = z
  .strictObject({
    kind: ReportKind,
    /** The audit of an audit report. */
    auditId: Id.nullable().default(null),
    language: Language,
    /** Adds observations and attachments marked as personal data; the cover then says so. */
    includePersonalData: z.boolean().default(false),
    /** The date printed on the cover, and "today" for overdue measures; default: today. */
    reportDate: IsoDate.nullable().default(null),
    /** Monitoring report: list what changed after this date (default: 90 days before the report date). */
    since: IsoDate.nullable().default(null),
    /** The programme name on the cover (default: the programme's). */
    programmeName: z.string().trim().max(200).nullable().default(null),
    logo: z
      .strictObject({ mediaType: z.enum(REPORT_LOGO_TYPES), contentBase64: z.base64().max(4_000_000) })
      .nullable()
      .default(null),
    /** Where to write the .docx (absolute path); null answers the bytes instead. */
    outPath: z.string().min(1).max(4096).nullable().default(null),
  })
  .refine((r) => r.kind !== 'audit' || r.auditId !== null, {
    message: 'An audit report needs the audit',
    path: ['auditId'],
  });
export type ReportGenerate = z.output<typeof ReportGenerate>;

export const ReportResult = z.object({
  kind: ReportKind,
  /** A file name that says which report it is: `audit-report-local-police-2026-03-31-en.docx`. */
  fileName: z.string(),
  size: z.number().int().min(0),
  /** The path written, when `outPath` was given. */
  savedTo: z.string().nullable(),
  /** The file, when no `outPath` was given. */
  contentBase64: z.string().nullable(),
});
export type ReportResult = z.infer<typeof ReportResult>;

/** Opens a report saved in this session with the system's viewer (only the app's shell can). */
export const ReportOpen = z.strictObject({ path: z.string().min(1).max(4096) });
export const ReportOpened = z.object({ opened: z.boolean() });
