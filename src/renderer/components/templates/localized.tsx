/** Texts in several languages, as the template screens show and edit them. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/vocabulary';

type Texts = Readonly<Record<string, string>>;

/** The text in `language`, or null when it has none there. */
export const textIn = (text: Texts, language: string): string | null => {
  const s = text[language];
  return s !== undefined && s.trim() !== '' ? s : null;
};

/** The text in `language`, else in any language it has (for names in lists). */
export const anyText = (text: Texts, language: string): string =>
  textIn(text, language) ?? Object.values(text).find((s) => s.trim() !== '') ?? '';

/** `{ en, es }` from two inputs, leaving out a language left empty (typed text is kept as typed). */
export const localized = (en: string, es: string): Record<string, string> => ({
  ...(en.trim() !== '' ? { en } : {}),
  ...(es.trim() !== '' ? { es } : {}),
});

/**
 * A text shown in the chosen content language (marked with `lang`, so screen readers pronounce it
 * right); when it is not translated, says so and shows the text it has.
 */
export function LocalizedText({
  text,
  language,
  fw,
  size,
  c,
}: {
  text: Texts;
  language: Language;
  fw?: number;
  size?: string;
  c?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const shown = textIn(text, language);
  if (shown !== null) {
    return (
      <Text lang={language} fw={fw} size={size} c={c} style={{ whiteSpace: 'pre-wrap' }}>
        {shown}
      </Text>
    );
  }
  const other = Object.entries(text).find(([, s]) => s.trim() !== '');
  return (
    <Text fw={fw} size={size} c={c}>
      <Text span fs="italic" c="dimmed" size="sm">
        {t('templates.notTranslated', { language: t(`vocab.language.${language}`) })}
      </Text>{' '}
      {other && (
        <Text span lang={other[0]}>
          {other[1]}
        </Text>
      )}
    </Text>
  );
}
