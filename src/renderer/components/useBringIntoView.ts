/**
 * How a link to one record lands on it: the element of id `elementId` is scrolled into view and
 * takes the focus once `ready` (its list read). The element needs `tabIndex={-1}`.
 * Used for `?record=<id>` on the fieldwork tabs (the trace's evidence links) and for
 * `&finding=` / `&recommendation=` on the Findings tab.
 */
import { useEffect } from 'react';

/** The element id of a record's card on its tab: `?record=<id>` brings it into view. */
export const recordAnchor = (id: string): string => `record-${id}`;

export function useBringIntoView(elementId: string | null, ready: boolean): void {
  useEffect(() => {
    if (!elementId || !ready) return;
    const element = document.getElementById(elementId);
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [elementId, ready]);
}
