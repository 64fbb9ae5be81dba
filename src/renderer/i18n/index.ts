/**
 * i18next for the UI, over the shared resources (the reports use the same ones). The language
 * itself is owned by the core (`session.language`); `applyLanguage` follows it and keeps
 * `<html lang>` in step, so screen readers pronounce the page in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../shared/i18n';
import type { Language } from '../../shared/domain/vocabulary';

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.title = i18next.t('app.title');
}

export { i18next };
