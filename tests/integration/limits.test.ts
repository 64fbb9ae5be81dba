/**
 * Bounded sizes and text stored as given (docs/limits.md): every limit is tried at its edge
 * (accepted) and one past it (refused as invalid input, every table unchanged).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Input } from '../../src/shared/api/contract';
import { QUOTE_MAX } from '../../src/main/core/api/dispatch';
import { auditSetup, databaseOf, dumpDatabase, testCore, withProgramme, type TestCore } from './helpers/core';

let core: TestCore;
afterEach(() => core?.cleanup());

/** The call is refused as invalid input naming `field`, and no table changed. */
async function refused(c: TestCore, channel: Channel, input: unknown, field?: string): Promise<string> {
  const before = dumpDatabase(databaseOf(c));
  const answer = await c.dispatch(channel, input);
  expect(answer.ok, `${channel} accepted ${JSON.stringify(input).slice(0, 120)}`).toBe(false);
  if (answer.ok) return '';
  expect(answer.error.code).toBe('invalid_input');
  if (field) expect(Object.keys(answer.error.fields ?? {})).toContain(field);
  expect(dumpDatabase(databaseOf(c))).toBe(before);
  return answer.error.message;
}

const email = (length: number) => {
  // 64 characters before the @, then labels of at most 63 characters.
  const local = 'a'.repeat(64);
  let domain = '';
  while (local.length + 1 + domain.length < length - 4) domain += domain ? '.' + 'b'.repeat(40) : 'b'.repeat(40);
  domain = domain.slice(0, length - local.length - 1 - 4).replace(/\.$/, 'c');
  return `${local}@${domain}.org`;
};

describe('every text field has a maximum', () => {
  type Case = {
    channel: Channel;
    field: string;
    max: number;
    input: (v: string) => unknown;
    value?: (n: number) => string;
  };
  const cases = (ids: { serviceId: string; auditId: string }): Case[] => [
    { channel: 'services.create', field: 'name', max: 200, input: (v) => ({ name: v }) },
    { channel: 'services.create', field: 'department', max: 200, input: (v) => ({ name: 'S', department: v }) },
    { channel: 'services.create', field: 'address', max: 500, input: (v) => ({ name: 'S', address: v }) },
    { channel: 'services.create', field: 'description', max: 20_000, input: (v) => ({ name: 'S', description: v }) },
    {
      channel: 'people.create',
      field: 'displayName',
      max: 200,
      input: (v) => ({ displayName: v, role: 'auditor', code: `P-${v.length}` }),
    },
    {
      channel: 'people.create',
      field: 'email',
      max: 254,
      value: email,
      input: (v) => ({ displayName: 'P', role: 'auditor', code: `E-${v.length}`, email: v }),
    },
    {
      channel: 'people.create',
      field: 'organisation',
      max: 200,
      input: (v) => ({ displayName: 'P', role: 'auditor', code: `O-${v.length}`, organisation: v }),
    },
    {
      channel: 'observations.record',
      field: 'narrative',
      max: 20_000,
      input: (v) => ({
        auditId: ids.auditId,
        observedAt: '2026-03-02T10:00:00.000Z',
        method: 'site_visit',
        narrative: v,
      }),
    },
    {
      channel: 'observations.record',
      field: 'location',
      max: 500,
      input: (v) => ({
        auditId: ids.auditId,
        observedAt: '2026-03-02T10:00:00.000Z',
        method: 'site_visit',
        narrative: 'n',
        location: v,
      }),
    },
    {
      channel: 'attachments.add',
      field: 'fileName',
      max: 255,
      value: (n) => `${'f'.repeat(n - 4)}.txt`,
      input: (v) => ({ auditId: ids.auditId, fileName: v, contentBase64: 'YQ==' }),
    },
    {
      channel: 'grounds.create',
      field: 'label.en',
      max: 20_000,
      input: (v) => ({ code: `g_${v.length}`, label: { en: v } }),
    },
  ];

  it('accepts each at its limit and refuses one past it, changing nothing', async () => {
    core = testCore();
    const s = await auditSetup(core);
    await core.call('session.setCurrentPerson', { personId: s.a1.id });
    for (const c of cases({ serviceId: s.service.id, auditId: s.audit.id })) {
      const value = c.value ?? ((n: number) => 'x'.repeat(n));
      // Grounds and people are the coordinator's; the field records the auditor's.
      await core.call('session.setCurrentPerson', {
        personId:
          c.channel.startsWith('observations') || c.channel.startsWith('attachments') ? s.a1.id : s.coordinatorId,
      });
      const edge = value(c.max);
      expect(edge.length, `${c.channel} ${c.field}`).toBe(c.max);
      const ok = await core.dispatch(c.channel, c.input(edge));
      expect(ok.ok ? 'ok' : JSON.stringify(ok.error), `${c.channel} ${c.field} at ${c.max}`).toBe('ok');
      await refused(core, c.channel, c.input(value(c.max + 1)), c.field);
    }
  });

  it('accepts only the languages the app knows in a multilingual text', async () => {
    core = testCore();
    await withProgramme(core);
    await core.call('templates.create', { name: { en: 'x'.repeat(20_000), es: 'y'.repeat(20_000) } });
    await refused(core, 'templates.create', { name: { en: 'Template', fr: 'Modèle' } }, 'name');
    await refused(core, 'templates.create', { name: { en: 'x'.repeat(20_001) } }, 'name.en');
    // 676 two-letter keys of 20,000 characters each: refused at once.
    const huge: Record<string, string> = {};
    for (const a of 'abcdefghijklmnopqrstuvwxyz')
      for (const b of 'abcdefghijklmnopqrstuvwxyz') huge[a + b] = 'z'.repeat(20_000);
    const message = await refused(core, 'templates.create', { name: huge });
    expect(message.length).toBeLessThan(400);
  });

  it('quotes at most a short prefix of a bad key', async () => {
    core = testCore();
    await withProgramme(core);
    const key = 'k'.repeat(20_000);
    const message = await refused(core, 'services.create', { name: 'S', [key]: 1 });
    expect(message).toContain('k'.repeat(QUOTE_MAX));
    expect(message).not.toContain('k'.repeat(QUOTE_MAX + 1));
    expect(message.length).toBeLessThan(200);
  });

  it('pages every list: at most 500 rows a call', async () => {
    core = testCore();
    await withProgramme(core);
    expect((await core.dispatch('people.list', { limit: 500 })).ok).toBe(true);
    await refused(core, 'people.list', { limit: 501 }, 'limit');
  });
});

describe('text is stored as given', () => {
  it('refuses lone surrogates, in values and in keys, changing nothing', async () => {
    core = testCore();
    const s = await auditSetup(core);
    await core.call('session.setCurrentPerson', { personId: s.a1.id });
    const input = (narrative: string): Input<'observations.record'> => ({
      auditId: s.audit.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      narrative,
    });
    await refused(core, 'observations.record', input('broken \uD800 text'), 'narrative');
    await refused(core, 'observations.record', input('reversed \uDC00\uD83D'), 'narrative');
    await refused(core, 'services.create', { name: 'S', ['\uDFFF']: 'x' });
    // A real pair (an emoji) is text like any other, and is stored exactly.
    const ok = await core.call('observations.record', input('Sign with 🚫 and ñ'));
    expect((await core.call('observations.get', { id: ok.id })).narrative).toBe('Sign with 🚫 and ñ');
  });

  it('refuses names that show nothing', async () => {
    core = testCore();
    await withProgramme(core);
    for (const name of ['\u200B\u200B', '\u2060', ' \u00A0 ', '\u3164', '\u202E'])
      await refused(core, 'services.create', { name }, 'name');
  });

  it('refuses attachment names that would mislead or break another file system, and unknown media types', async () => {
    core = testCore();
    const s = await auditSetup(core);
    await core.call('session.setCurrentPerson', { personId: s.a1.id });
    const add = (fileName: string, mediaType?: string) => ({
      auditId: s.audit.id,
      fileName,
      contentBase64: 'YQ==',
      ...(mediaType ? { mediaType } : {}),
    });
    for (const name of [
      'photo\u202Egpj.exe',
      'report\u2066.pdf',
      'CON',
      'nul.txt',
      'COM1.jpg',
      'lpt9',
      'a:b.txt',
      'what?.txt',
      'pipe|name',
      'dir/file.txt',
      'dir\\file.txt',
      'tab\there.txt',
      'ends with dot.',
      '..',
      '\u200B\u200C',
    ])
      await refused(core, 'attachments.add', add(name), 'fileName');
    await refused(core, 'attachments.add', add('x.html', 'text/html'), 'mediaType');
    await refused(core, 'attachments.add', add('x.exe', 'application/x-msdownload'), 'mediaType');
    // Names in any script are fine.
    for (const name of ['informe comisaría.pdf', 'تقرير.txt', 'kärsimätön.txt', 'CONSOLE.txt'])
      expect((await core.dispatch('attachments.add', add(name, 'text/plain'))).ok, name).toBe(true);
  });
});

describe('history keeps what changed', () => {
  it('an update of one field of a long narrative stores that field, not the narrative twice', async () => {
    core = testCore();
    const s = await auditSetup(core);
    await core.call('session.setCurrentPerson', { personId: s.a1.id });
    const o = await core.call('observations.record', {
      auditId: s.audit.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      narrative: 'n'.repeat(20_000),
    } satisfies Input<'observations.record'>);
    await core.call('observations.update', { id: o.id, rev: o.rev, location: 'Front desk' });
    await core.call('session.setCurrentPerson', { personId: s.coordinatorId });
    const entries = (await core.call('history.list', { entityId: o.id })).items;
    const update = entries.find((e) => e.action === 'update')!;
    expect(update.changes).toEqual({ location: ['', 'Front desk'] });
    expect(JSON.stringify(update).length).toBeLessThan(2_000);
  });
});
