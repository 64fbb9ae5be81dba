/** EN/ES switch. The core remembers the choice (`session.setLanguage`), so it survives restarts. */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import { useApiMutation } from '../api/hooks';

export function LanguageSwitch({ language }: { language: Language }): React.JSX.Element {
  const { t } = useTranslation();
  const setLanguage = useApiMutation('session.setLanguage', []);
  return (
    <SegmentedControl
      aria-label={t('app.languageSwitch')}
      size="xs"
      value={language}
      // Never disabled while saving: a disabled control drops keyboard focus to the page body.
      onChange={(value) => setLanguage.mutate({ language: value as Language })}
      data={LANGUAGES.map((l) => ({
        value: l,
        label: (
          <span lang={l} title={t(`vocab.language.${l}`)}>
            {l.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
