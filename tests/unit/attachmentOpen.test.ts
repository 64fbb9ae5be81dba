/**
 * The shell's opening of attachments, with a fake opener and a fake core: the viewer is asked to
 * open only the copy the core answered for the id, and only when that is a copy of the kind the
 * core makes (`<absolute>/open/<sha256>/<openable name>`); the page never gets the path; a refusal
 * of the core passes through and opens nothing; other channels pass through.
 */
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api/errors';
import { isOpenCopyPath, withAttachmentFiles } from '../../src/main/shell/attachmentFiles';

const SHA = 'ab'.repeat(32);
const COPY = `/home/u/.config/Citizen Audit/open/${SHA}/minutes.pdf`;

function fakeCore(answer: Envelope<unknown>) {
  const calls: { channel: string; input: unknown }[] = [];
  return {
    calls,
    dispatch: (channel: string, input: unknown): Promise<Envelope<unknown>> => {
      calls.push({ channel, input });
      return Promise.resolve(answer);
    },
  };
}

function opener(result = true) {
  const opened: string[] = [];
  return { opened, openPath: (p: string) => (opened.push(p), Promise.resolve(result)) };
}

describe('withAttachmentFiles', () => {
  it('opens the copy the core made for the id and answers without its path', async () => {
    const core = fakeCore({ ok: true, value: { opened: false, fileName: 'minutes.pdf', path: COPY } });
    const o = opener();
    const d = withAttachmentFiles(core, o);
    expect(await d.dispatch('attachments.open', { id: 'att-1' })).toEqual({
      ok: true,
      value: { opened: true, fileName: 'minutes.pdf', path: null },
    });
    expect(core.calls).toEqual([{ channel: 'attachments.open', input: { id: 'att-1' } }]);
    expect(o.opened).toEqual([COPY]);
  });

  it('says so when the system has no viewer for it', async () => {
    const core = fakeCore({ ok: true, value: { opened: false, fileName: 'minutes.pdf', path: COPY } });
    const d = withAttachmentFiles(core, opener(false));
    expect(await d.dispatch('attachments.open', { id: 'att-1' })).toMatchObject({ ok: true, value: { opened: false } });
  });

  it('opens nothing the core refused', async () => {
    const refusal: Envelope<unknown> = {
      ok: false,
      error: { code: 'rule_violation', message: 'no', rule: { key: 'attachmentNotOpenable', params: {} } },
    };
    const o = opener();
    const d = withAttachmentFiles(fakeCore(refusal), o);
    expect(await d.dispatch('attachments.open', { id: 'att-1', path: '/bin/sh' })).toEqual(refusal);
    expect(o.opened).toEqual([]);
  });

  it.each([
    ['/bin/sh', 'sh'],
    ['relative/open/' + SHA + '/minutes.pdf', 'minutes.pdf'],
    [`/tmp/open/${SHA}/setup.exe`, 'setup.exe'],
    [`/tmp/open/${SHA}/minutes.pdf`, 'other.pdf'],
    [`/tmp/elsewhere/${SHA}/minutes.pdf`, 'minutes.pdf'],
    [`/tmp/open/not-a-hash/minutes.pdf`, 'minutes.pdf'],
  ])('refuses to open %s (named %s), whatever answered it', async (path, fileName) => {
    const o = opener();
    const d = withAttachmentFiles(fakeCore({ ok: true, value: { opened: false, fileName, path } }), o);
    expect(await d.dispatch('attachments.open', { id: 'att-1' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(o.opened).toEqual([]);
  });

  it('passes every other channel through and opens nothing', async () => {
    const core = fakeCore({ ok: true, value: {} });
    const o = opener();
    const d = withAttachmentFiles(core, o);
    await d.dispatch('attachments.content', { id: 'att-1' });
    expect(core.calls).toEqual([{ channel: 'attachments.content', input: { id: 'att-1' } }]);
    expect(o.opened).toEqual([]);
  });

  it('knows a copy the core makes', () => {
    expect(isOpenCopyPath(COPY, 'minutes.pdf')).toBe(true);
    expect(isOpenCopyPath(COPY.replace('minutes.pdf', 'minutes.pdf.lnk'), 'minutes.pdf.lnk')).toBe(false);
  });
});
