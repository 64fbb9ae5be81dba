/**
 * Where a report is saved is the user's choice, made in the system's save dialog, never the
 * page's: this wrapper around the core's dispatcher shows the dialog for `reports.generate`,
 * replaces whatever `outPath` the page sent with the path chosen, and lets the core (in its worker
 * thread) build and write the file. `reports.open` opens only a file saved so in this session.
 * Everything else passes through unchanged. No `electron` import: the dialog and the opener are
 * injected, so this runs in plain Node tests.
 */
import { contract } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { Dispatcher } from '../core/api/dispatch';

export interface ReportFileDeps {
  /** Shows the save dialog; the chosen path, or null when cancelled. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  /** Opens a file with the system's viewer; true when it did. */
  openPath: (path: string) => Promise<boolean>;
}

const KIND_NAMES: Record<string, string> = {
  audit: 'audit-report',
  plan: 'local-action-plan',
  monitoring: 'monitoring-report',
};

const field = (input: unknown, key: string): unknown =>
  typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;

/** `audit-report-2026-03-31-en.docx` from the call's own fields (the core names it more fully). */
export function defaultReportName(input: unknown, today: string): string {
  const kind = KIND_NAMES[String(field(input, 'kind'))] ?? 'report';
  const date = String(field(input, 'reportDate') ?? '') || today;
  const lang = String(field(input, 'language') ?? '');
  return `${kind}-${/^\d{4}-\d\d-\d\d$/.test(date) ? date : today}${/^[a-z]{2}$/.test(lang) ? `-${lang}` : ''}.docx`;
}

export function withReportFiles(core: Dispatcher, deps: ReportFileDeps, today = () => new Date()): Dispatcher {
  const saved = new Set<string>();
  return {
    async dispatch(channel, input): Promise<Envelope<unknown>> {
      if (channel === 'reports.generate') {
        // A call the core would refuse is refused (by the core) before any dialog opens.
        const parsed = contract['reports.generate'].input.safeParse(input);
        if (!parsed.success) return core.dispatch(channel, input);
        const path = await deps.chooseSavePath(defaultReportName(input, today().toISOString().slice(0, 10)));
        if (path === null) {
          return {
            ok: true,
            value: { kind: parsed.data.kind, fileName: '', size: 0, savedTo: null, contentBase64: null },
          };
        }
        const answer = await core.dispatch(channel, { ...(input as object), outPath: path });
        if (answer.ok) saved.add(path);
        return answer;
      }
      if (channel === 'reports.open') {
        const path = field(input, 'path');
        if (typeof path !== 'string' || !saved.has(path)) return core.dispatch(channel, input);
        return { ok: true, value: { opened: await deps.openPath(path) } };
      }
      return core.dispatch(channel, input);
    },
  };
}
