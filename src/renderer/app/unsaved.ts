/**
 * Unsaved text is never dropped without asking. Page forms report whether they hold unsaved
 * changes (`useUnsavedChanges`); the navigation asks before leaving such a page, and closing the
 * window asks too (`beforeunload`). Dialogs ask on their own (FormModal).
 */
import { useEffect, useId, useSyncExternalStore } from 'react';

const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** True while any page form holds unsaved changes. */
export const hasUnsavedChanges = (): boolean => dirtyForms.size > 0;

/** Forgets every unsaved change (the user chose to discard them). */
export function discardUnsavedChanges(): void {
  dirtyForms.clear();
  notify();
}

/** Registers a page form's unsaved state while it is mounted. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (dirty) dirtyForms.add(id);
    else dirtyForms.delete(id);
    notify();
    return () => {
      dirtyForms.delete(id);
      notify();
    };
  }, [id, dirty]);
}

/** Re-renders when the unsaved state changes; answers it. */
export function useHasUnsavedChanges(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, hasUnsavedChanges);
}

/** While anything is unsaved, closing or reloading the window asks first. */
export function useBeforeUnloadGuard(): void {
  const unsaved = useHasUnsavedChanges();
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
