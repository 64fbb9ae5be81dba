/**
 * The shell's save dialog for reports, with a fake dialog and a fake core: the path written is
 * the one chosen in the dialog (never one the page sent), a cancelled dialog builds nothing, and
 * only a file saved in this session can be opened.
 */
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api/errors';
import { defaultReportName, withReportFiles } from '../../src/main/shell/reportFiles';

function fakeCore() {
  const calls: { channel: string; input: unknown }[] = [];
  return {
    calls,
    dispatch: (channel: string, input: unknown): Promise<Envelope<unknown>> => {
      calls.push({ channel, input });
      return Promise.resolve({ ok: true, value: { channel } });
    },
  };
}

const valid = { kind: 'plan', language: 'es', reportDate: '2026-03-31', outPath: '/etc/evil.docx' };

describe('withReportFiles', () => {
  it('writes where the dialog says, whatever outPath the page sent', async () => {
    const core = fakeCore();
    const names: string[] = [];
    const d = withReportFiles(core, {
      chooseSavePath: (name) => (names.push(name), Promise.resolve('/home/u/plan.docx')),
      openPath: () => Promise.resolve(true),
    });
    expect((await d.dispatch('reports.generate', valid)).ok).toBe(true);
    expect(names).toEqual(['local-action-plan-2026-03-31-es.docx']);
    expect(core.calls).toEqual([{ channel: 'reports.generate', input: { ...valid, outPath: '/home/u/plan.docx' } }]);
  });

  it('builds nothing when the dialog is cancelled', async () => {
    const core = fakeCore();
    const d = withReportFiles(core, {
      chooseSavePath: () => Promise.resolve(null),
      openPath: () => Promise.resolve(true),
    });
    expect(await d.dispatch('reports.generate', valid)).toEqual({
      ok: true,
      value: { kind: 'plan', fileName: '', size: 0, savedTo: null, contentBase64: null },
    });
    expect(core.calls).toEqual([]);
  });

  it('opens no dialog for an input the core refuses', async () => {
    const core = fakeCore();
    let asked = false;
    const d = withReportFiles(core, {
      chooseSavePath: () => ((asked = true), Promise.resolve('/x.docx')),
      openPath: () => Promise.resolve(true),
    });
    await d.dispatch('reports.generate', { kind: 'audit', language: 'en' });
    expect(asked).toBe(false);
    expect(core.calls).toHaveLength(1);
  });

  it('opens only a report it saved in this session', async () => {
    const core = fakeCore();
    const opened: string[] = [];
    const d = withReportFiles(core, {
      chooseSavePath: () => Promise.resolve('/home/u/plan.docx'),
      openPath: (p) => (opened.push(p), Promise.resolve(true)),
    });
    await d.dispatch('reports.open', { path: '/home/u/plan.docx' });
    expect(opened).toEqual([]);
    await d.dispatch('reports.generate', valid);
    expect(await d.dispatch('reports.open', { path: '/home/u/plan.docx' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    await d.dispatch('reports.open', { path: '/bin/sh' });
    expect(opened).toEqual(['/home/u/plan.docx']);
  });

  it('passes every other channel through', async () => {
    const core = fakeCore();
    const d = withReportFiles(core, {
      chooseSavePath: () => Promise.resolve(null),
      openPath: () => Promise.resolve(true),
    });
    await d.dispatch('session.get', {});
    expect(core.calls).toEqual([{ channel: 'session.get', input: {} }]);
  });

  it('names the file from the call', () => {
    expect(defaultReportName({ kind: 'audit', language: 'en' }, '2026-05-01')).toBe('audit-report-2026-05-01-en.docx');
    expect(defaultReportName({ kind: 'x', reportDate: '../../etc' }, '2026-05-01')).toBe('report-2026-05-01.docx');
  });
});
