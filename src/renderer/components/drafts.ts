/**
 * Drafts of what is being typed, kept in localStorage until the core has acknowledged saving it:
 * a reload, a crash of the app or of the core, or closing the window mid-edit loses nothing
 * typed. A draft is removed only once the core has stored exactly that text; a draft found at
 * start-up is shown instead of the stored value and saved again.
 */
const PREFIX = 'citizen-audit.draft.';

export function readDraft<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the autosave still runs; only the crash safety net is missing.
  }
}

/** Removes the draft when it still holds `saved` (a newer draft typed meanwhile is kept). */
export function clearDraft(key: string, saved?: unknown): void {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (raw === null) return;
    if (saved === undefined || raw === JSON.stringify(saved)) window.localStorage.removeItem(PREFIX + key);
  } catch {
    // See writeDraft.
  }
}
