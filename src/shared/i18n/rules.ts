/**
 * Messages of the core's refusals, in any language, from a key and parameters. The core formats
 * them in English for `message`; the UI formats the same key in the user's language, so no
 * English sentence from the core reaches a Spanish screen.
 *
 * Parameters named after a vocabulary (`entity`, `status`, `role`, …) hold a code and are shown
 * with that vocabulary's label; others are shown as given.
 */
import type { RuleParams } from '../api/errors';
import type { Translation } from './index';

export type RuleKey = Extract<keyof Translation['rules'], string>;

const VOCABULARY_PARAMS: Readonly<Record<string, (t: Translation) => Readonly<Record<string, string>>>> = {
  entity: (t) => t.entity,
  status: (t) => t.vocab.auditStatus,
  from: (t) => t.vocab.auditStatus,
  to: (t) => t.vocab.auditStatus,
  role: (t) => t.vocab.role,
  responseType: (t) => t.vocab.responseType,
  expected: (t) => t.jsonType,
};

/** `ruleMessage(en, 'audit.closed', {})` → the message, with `{{name}}` filled from `params`. */
export function ruleMessage(t: Translation, key: string, params: RuleParams): string {
  const template = (t.rules as Readonly<Record<string, string>>)[key];
  if (template === undefined) return key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    const labels = VOCABULARY_PARAMS[name]?.(t);
    return labels?.[String(value)] ?? String(value);
  });
}
