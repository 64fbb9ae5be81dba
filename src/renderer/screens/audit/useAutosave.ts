/**
 * Saved as you type: every change is kept at once as a draft in localStorage, then sent to the
 * core after a pause (debounced); the draft is dropped only once the core has stored exactly that
 * value. A change typed while a save is under way is saved after it. On a `conflict` (the record
 * moved on elsewhere) the latest revision is read and the save tried once more: what this person
 * just typed wins over their own older answer.
 *
 * `state` is what the UI shows: `saved` means acknowledged by the core (on disk).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../../api/client';
import { clearDraft, readDraft, writeDraft } from '../../components/drafts';

export type SaveState = 'empty' | 'unsaved' | 'saving' | 'saved' | 'error';

export interface Autosave<V> {
  value: V;
  state: SaveState;
  error: ApiCallError | null;
  /** Changes the value; `immediate` saves without waiting for a pause (a rating picked). */
  change: (next: V, immediate?: boolean) => void;
  /** Saves now what is pending (on blur). */
  flush: () => void;
}

export function useAutosave<V>(options: {
  draftKey: string;
  /** The value stored in the core, or null when there is none yet. */
  stored: V | null;
  storedRev: number | null;
  /** Stores the value at `rev`; resolves to the new revision. */
  save: (value: V, rev: number | null) => Promise<number>;
  /** Reads the stored revision again after a conflict. */
  reloadRev: () => Promise<number | null>;
  empty: V;
  editable: boolean;
  delayMs?: number;
}): Autosave<V> {
  const { draftKey, editable, delayMs = 600 } = options;
  const draft = useRef(readDraft<V>(draftKey));
  const initial = draft.current ?? options.stored ?? options.empty;
  const [value, setValue] = useState<V>(initial);
  const [state, setState] = useState<SaveState>(
    draft.current !== null && JSON.stringify(draft.current) !== JSON.stringify(options.stored)
      ? 'unsaved'
      : options.stored !== null
        ? 'saved'
        : 'empty',
  );
  const [error, setError] = useState<ApiCallError | null>(null);
  const latest = useRef<V>(initial);
  const lastSaved = useRef<string>(JSON.stringify(options.stored ?? options.empty));
  const rev = useRef<number | null>(options.storedRev);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const opts = useRef(options);
  opts.current = options;

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const v = latest.current;
    const text = JSON.stringify(v);
    if (text === lastSaved.current) {
      clearDraft(draftKey, v);
      setState(rev.current === null ? 'empty' : 'saved');
      return;
    }
    inFlight.current = true;
    setState('saving');
    try {
      let attempt = 0;
      for (;;) {
        try {
          rev.current = await opts.current.save(v, rev.current);
          break;
        } catch (e) {
          if (e instanceof ApiCallError && e.code === 'conflict' && attempt === 0) {
            attempt++;
            rev.current = await opts.current.reloadRev();
            continue;
          }
          throw e;
        }
      }
      lastSaved.current = text;
      clearDraft(draftKey, v);
      setError(null);
      setState(JSON.stringify(latest.current) === text ? 'saved' : 'unsaved');
    } catch (e) {
      setError(e instanceof ApiCallError ? e : new ApiCallError('internal', String(e), 'audits.recordAnswer'));
      setState('error');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void run();
      }
    }
  }, [draftKey]);

  const change = useCallback(
    (next: V, immediate = false) => {
      latest.current = next;
      setValue(next);
      writeDraft(draftKey, next);
      setState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      if (!editable) return;
      if (immediate) void run();
      else timer.current = setTimeout(() => void run(), delayMs);
    },
    [draftKey, editable, delayMs, run],
  );

  // A draft left by a reload or a crash is saved again as soon as the row is shown.
  useEffect(() => {
    if (editable && draft.current !== null && JSON.stringify(draft.current) !== lastSaved.current) void run();
    // Leaving the row (another tab, another screen) saves what is still waiting for its pause.
    return () => {
      if (timer.current) void run();
    };
  }, [editable, run]);

  const flush = useCallback(() => {
    if (timer.current && editable) void run();
  }, [editable, run]);

  return { value, state, error, change, flush };
}
