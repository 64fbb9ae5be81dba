/**
 * The translations of the UI and the reports, one resource tree per language. `Translation` is
 * derived from English, and `es` is typed with it, so a key missing (or extra) in a language is a
 * compile error.
 */
import type { Language } from '../domain/vocabulary';
import { en } from './en';
import { es } from './es';
import type { Strings } from './types';

export type Translation = Strings<typeof en>;

/** i18next resources: one namespace, `translation`, per language. */
export const resources = {
  en: { translation: en },
  es: { translation: es },
} as const satisfies Record<Language, { translation: Translation }>;

export const DEFAULT_NAMESPACE = 'translation';
export type { Vocabulary } from './types';
