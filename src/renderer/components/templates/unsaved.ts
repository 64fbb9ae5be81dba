/**
 * What was typed into a template form and not saved yet, kept in the window's local storage by
 * the record it edits, so closing the form by mistake or reloading the window loses nothing: the
 * form opens again with it. It is removed once saved or discarded. Template texts are not
 * personal data.
 */
import { useEffect } from 'react';

const PREFIX = 'citizen-audit.unsaved.';

export function readUnsaved<V extends Record<string, string>>(key: string, initial: V): V | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (parsed === null || typeof parsed !== 'object') return null;
    const out = { ...initial };
    for (const k of Object.keys(initial)) {
      const v = (parsed as Record<string, unknown>)[k];
      if (typeof v === 'string') (out as Record<string, string>)[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}

export function clearUnsaved(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

/** Keeps `values` under `key` while they differ from `initial`. */
export function useKeepUnsaved(key: string, values: Record<string, string>, initial: Record<string, string>): void {
  const changed = Object.keys(initial).some((k) => values[k] !== initial[k]);
  const json = JSON.stringify(values);
  useEffect(() => {
    try {
      if (changed) window.localStorage.setItem(PREFIX + key, json);
      else window.localStorage.removeItem(PREFIX + key);
    } catch {
      // Storage full or unavailable: the form still holds the text.
    }
  }, [key, json, changed]);
}
