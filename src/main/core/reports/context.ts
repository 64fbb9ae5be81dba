/**
 * The immutable context every report builder gets: the report's language and texts, how to show
 * a multilingual text (falling back to another language, marked), people's codes, dates, and the
 * injected I/O — the chart renderer and the attachment reader — so builders stay pure.
 */
import type { Language } from '../../../shared/domain/vocabulary';
import { resources, type Translation } from '../../../shared/i18n';
import type { ChartRenderer } from './chartImage';

export type DocTexts = Translation['report']['doc'];
export type VocabTexts = Translation['vocab'];

export interface ReportOptions {
  language: Language;
  includePersonalData: boolean;
  /** ISO date printed on the cover and used for "overdue" (monitoring). */
  reportDate: string;
  /** The cover's programme name (the programme's own when null). */
  programmeName: string | null;
  logo: { data: Uint8Array; type: 'png' | 'jpg' } | null;
}

export interface ReportIO {
  renderChart: ChartRenderer;
  /** The bytes of an attachment, or null when its file is missing. */
  readAttachment: (sha256: string) => Uint8Array | null;
}

export interface ReportContext extends ReportOptions {
  t: DocTexts;
  vocab: VocabTexts;
  /** `fill('Answered by {{code}}', { code })` */
  fill: (text: string, params: Record<string, string | number>) => string;
  /** A multilingual text in the report's language, or in another one with `[xx]` after it. */
  loc: (text: Record<string, string> | undefined | null) => string;
  /** The pseudonymous code of a person (never their name). */
  code: (personId: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** `Mar 2026`, `mar 2026`: for chart axes. */
  monthYear: (iso: string) => string;
  percent: (part: number, whole: number) => string;
  io: ReportIO;
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The language shown when a text lacks the report's: the other one of the pair, then any. */
const FALLBACK_ORDER: Record<Language, string[]> = { en: ['en', 'es'], es: ['es', 'en'] };

export function localize(text: Record<string, string> | undefined | null, language: Language): string {
  if (!text) return '';
  for (const lang of FALLBACK_ORDER[language]) {
    const v = text[lang]?.trim();
    if (v) return lang === language ? v : `${v} [${lang}]`;
  }
  const other = Object.entries(text).find(([, v]) => v.trim());
  return other ? `${other[1].trim()} [${other[0]}]` : '';
}

export function createContext(options: ReportOptions, codes: ReadonlyMap<string, string>, io: ReportIO): ReportContext {
  const tr = resources[options.language].translation;
  const locale = options.language === 'es' ? 'es-ES' : 'en-GB';
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const monthYearFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const none = tr.report.doc.notAvailable;
  return {
    ...options,
    t: tr.report.doc,
    vocab: tr.vocab,
    fill,
    loc: (text) => localize(text, options.language),
    code: (id) => (id ? (codes.get(id) ?? none) : none),
    date: (iso) => (iso ? dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : none),
    dateTime: (iso) => (iso ? `${dateTimeFormat.format(new Date(iso))} UTC` : none),
    monthYear: (iso) => monthYearFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    percent: (part, whole) =>
      whole === 0
        ? none
        : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format((100 * part) / whole)} %`,
    io,
  };
}
