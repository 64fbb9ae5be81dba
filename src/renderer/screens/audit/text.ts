/** Small helpers the fieldwork screens share. */
import type { MarkedText } from '../../../shared/domain/audit';

/** A multilingual text in the UI language, else English, else the first language it has. */
export function localized(text: Readonly<Record<string, string>> | undefined, language: string): string {
  if (!text) return '';
  return text[language] || text.en || Object.values(text).find((s) => s.trim()) || '';
}

/** One formatter per language: making an Intl.DateTimeFormat costs far more than using one. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date-time in the UI language (`observedAt`, history entries). */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(language, format);
  }
  return format.format(d);
}

/** Plain text of a marked text. */
export const plainText = (m: MarkedText): string => m.map((p) => p.text).join('');
