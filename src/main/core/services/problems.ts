/**
 * The core's refusals. Each carries a message key of the `rules` translations and its
 * parameters (the UI shows it in the user's language) and an English message for logs and the
 * command line. Parameters hold codes, counts and short names — never another person's real name.
 */
import { AppError, type RuleParams } from '../../../shared/api/errors';
import { en } from '../../../shared/i18n/en';
import { ruleMessage, type RuleKey } from '../../../shared/i18n/rules';

/** A domain rule refuses the change; `field` names the input field it concerns, if one does. */
export function rule(key: RuleKey, params: RuleParams = {}, field?: string): AppError {
  return new AppError('rule_violation', ruleMessage(en, key, params), {
    rule: { key, params },
    ...(field ? { field } : {}),
  });
}

/** The record does not exist. `entity` is the spec's entity name (`service`). */
export function notFound(entity: string, id: string): AppError {
  const params = { entity, id };
  return new AppError('not_found', ruleMessage(en, 'notFound', params), { rule: { key: 'notFound', params } });
}

/** The caller read revision `read`; the record is at `current`. */
export function conflict(entity: string, read: number | null, current: number | null): AppError {
  const params = { entity, read: read ?? 0, current: current ?? 0 };
  return new AppError('conflict', ruleMessage(en, 'conflict', params), { rule: { key: 'conflict', params } });
}

export function noCurrentPerson(key: 'sessionNoPerson' | 'sessionPersonArchived'): AppError {
  return new AppError('no_current_person', ruleMessage(en, key, {}), { rule: { key, params: {} } });
}

/**
 * The current person may not do this: their role may not call the channel (the dispatcher), or
 * may not on this record (the services). The key says why, in the user's language.
 */
export function forbidden(key: RuleKey, params: RuleParams = {}, field?: string): AppError {
  return new AppError('forbidden', ruleMessage(en, key, params), {
    rule: { key, params },
    ...(field ? { field } : {}),
  });
}
