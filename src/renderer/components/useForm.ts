/**
 * Form state for the modal and page forms: typed text lives here until the core accepts it, so a
 * failed save (client validation or a refusal by the core) never loses what was typed.
 * Client validation uses the same zod schema the core applies, with messages in the UI language;
 * a refusal by the core (`rule_violation`, `conflict`, …) is shown in the UI language (the core
 * sends a message key), next to the field it concerns when it names one.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiCallError, errorMessage } from '../api/client';

export type FieldErrors = Partial<Record<string, string>>;

/** A field's counter shows from this share of its limit on (160 of 200 characters). */
export const COUNTER_FROM = 0.8;
/** The limits of the core's schemas (src/shared/domain), for the counters. */
export const LIMITS = { name: 200, short: 200, address: 500, branding: 500, text: 20_000 } as const;

/** Turns zod issues into one translated message per top-level field. */
export function fieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    out[field] = issueMessage(issue, field, t);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return t('validation.required');
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'number') return t('plan.validation.number');
      return t('validation.required');
    case 'invalid_value':
      return t('validation.required');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      if (field === 'code') return t('validation.code');
      return t('validation.invalid');
    case 'custom':
      if (field === 'periodEnd') return t('validation.periodOrder');
      if (field === 'dueDate') return t('plan.validation.dueOrder');
      if (field === 'note') return t('plan.validation.reasonRequired');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

export interface FormState<V extends Record<string, string>> {
  values: V;
  errors: FieldErrors;
  serverError: string | null;
  submitting: boolean;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /**
   * Props for a Mantine text input: value, onChange, error, and a description holding `hint`
   * and, once the text is near `max` characters, a counter ("180 / 200").
   */
  text: (
    name: keyof V & string,
    options?: { max?: number; hint?: string | null },
  ) => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
    description: string | undefined;
  };
  /**
   * Validates `input` with `schema`; when valid runs `save`. Resolves true when saved. On any
   * failure the typed values stay as they are and the errors are shown.
   */
  submit: <S extends z.ZodType>(
    schema: S,
    input: z.input<S>,
    save: (input: z.input<S>) => Promise<unknown>,
  ) => Promise<boolean>;
  reset: (values: V) => void;
  /** True while the values differ from those the form was opened (or last saved) with. */
  dirty: boolean;
  /** The current values are saved: the form is no longer dirty. */
  markClean: () => void;
  formRef: React.RefObject<HTMLFormElement | null>;
}

export function useForm<V extends Record<string, string>>(initial: V): FormState<V> {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [baseline, setBaseline] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const [focusTick, setFocusTick] = useState(0);

  // After a failed validation, move focus to the first invalid field (keyboard and screen-reader users).
  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name as string] ? { ...e, [name as string]: undefined } : e));
  }, []);

  const text: FormState<V>['text'] = (name, options = {}) => {
    const value = String(values[name] ?? '');
    const { max, hint } = options;
    const counter =
      max !== undefined && value.length >= COUNTER_FROM * max
        ? t('common.counter', { count: value.length, max })
        : null;
    const description = [hint, counter].filter(Boolean).join(' · ');
    return {
      value,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set(name, e.currentTarget.value as V[typeof name]),
      error: errors[name],
      description: description || undefined,
    };
  };

  const submit: FormState<V>['submit'] = async (schema, input, save) => {
    setServerError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, t));
      setFocusTick((n) => n + 1);
      return false;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await save(input);
      return true;
    } catch (e) {
      const message = errorMessage(e, i18n.language);
      setServerError(message);
      // A rule that concerns one field: show its message next to that field too.
      if (e instanceof ApiCallError && e.field) {
        setErrors({ [e.field]: message });
        setFocusTick((n) => n + 1);
      }
      // The core names the fields it refused: mark each of them, in the UI language (the core's
      // texts for them are English, for logs).
      if (e instanceof ApiCallError && Object.keys(e.fields).length > 0) {
        const byField: FieldErrors = {};
        for (const path of Object.keys(e.fields)) byField[path.split('.')[0] ?? path] ??= t('validation.invalid');
        setErrors(byField);
        setFocusTick((n) => n + 1);
      }
      return false;
    } finally {
      setSubmitting(false);
    }
  };

  const reset = useCallback((v: V) => {
    setValues(v);
    setBaseline(v);
    setErrors({});
    setServerError(null);
  }, []);
  const dirty = (Object.keys(values) as (keyof V)[]).some((k) => values[k] !== baseline[k]);
  const markClean = useCallback(() => setBaseline(values), [values]);

  return { values, errors, serverError, submitting, set, text, submit, reset, dirty, markClean, formRef };
}

/** '' → null, for optional dates typed in a text/date input. */
export const dateOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
