/**
 * A calendar date typed in the interface language's format (DD/MM/YYYY; DD/MM/AAAA in Spanish),
 * not the browser's: `<input type="date">` follows the operating system's locale whatever the
 * interface says. The form keeps the ISO date (`2026-03-01`) once the text is a whole valid
 * date, and the text as typed until then (so the schema can refuse it, next to the field).
 * Tables show dates with `formatDate` in the same language.
 */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** `2026-03-01` → `01/03/2026`; anything else is shown as it is. */
export function displayDate(value: string): string {
  const m = ISO.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** `1/3/2026` or `2026-03-01` → `2026-03-01`; anything else is kept as typed. */
export function parseDate(text: string): string {
  const s = text.trim();
  if (ISO.test(s)) return s;
  const m = TYPED.exec(s);
  if (!m) return text;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return text;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      placeholder={t('fields.dateFormat')}
      inputMode="numeric"
      autoComplete="off"
      value={displayDate(value)}
      onChange={(e) => onChange(parseDate(e.currentTarget.value))}
      error={error}
    />
  );
}
