/**
 * `attachments.open` against the real core and real files: the core writes a private copy of the
 * stored file, checked against its SHA-256, under `open/<sha256>/` with a safe name, and answers
 * its path (the Electron shell opens it, src/main/shell/attachmentFiles.ts); a program or a
 * script is refused with a translated rule and nothing is written; a damaged file is refused;
 * only the team (or a coordinator) may ask; the copies of a run are gone when the core next starts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openableName } from '../../src/shared/domain/attachmentFiles';
import { as, auditSetup, expectError, testCore, type TestCore } from './helpers/core';

let core: TestCore;
afterEach(() => core?.cleanup());

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function withAttachment(fileName: string, mediaType?: string, content = 'minutes of the visit') {
  core = testCore();
  const s = await auditSetup(core);
  await as(core, s.a1.id);
  const a = await core.call('attachments.add', {
    auditId: s.audit.id,
    fileName,
    contentBase64: b64(content),
    ...(mediaType ? { mediaType: mediaType as 'text/plain' } : {}),
  });
  return { s, a, content };
}

describe('attachments.open', () => {
  it('writes a private copy of the stored bytes under their hash, named as the original', async () => {
    const { a, content } = await withAttachment('Minutes of the visit.TXT', 'text/plain');
    const copy = await core.call('attachments.open', { id: a.id });
    expect(copy).toEqual({
      opened: false,
      fileName: 'Minutes of the visit.txt',
      path: join(core.dataDir, 'open', sha(content), 'Minutes of the visit.txt'),
    });
    expect(readFileSync(copy.path!, 'utf8')).toBe(content);
    expect(statSync(copy.path!).mode & 0o777).toBe(0o600);
    expect(statSync(join(core.dataDir, 'open')).mode & 0o777).toBe(0o700);
    // Asking again uses the same copy; the stored file is untouched.
    expect(await core.call('attachments.open', { id: a.id })).toEqual(copy);
    expect(readdirSync(join(core.dataDir, 'open', sha(content)))).toEqual(['Minutes of the visit.txt']);
  });

  it('gives a name without an extension the viewer may open one from its media type', async () => {
    const { a } = await withAttachment('scan', 'application/pdf');
    expect((await core.call('attachments.open', { id: a.id })).fileName).toBe('scan.pdf');
  });

  it('refuses a program or a script, translated, and writes nothing', async () => {
    for (const [name, type] of [
      ['setup.exe', 'application/octet-stream'],
      ['report.html', 'application/octet-stream'],
      ['macro.docm', 'application/octet-stream'],
    ] as const) {
      const { a } = await withAttachment(name, type);
      await expect(core.call('attachments.open', { id: a.id })).rejects.toMatchObject({
        code: 'rule_violation',
        rule: { key: 'attachmentNotOpenable', params: { extension: name.split('.')[1] } },
      });
      expect(existsSync(join(core.dataDir, 'open'))).toBe(false);
      core.cleanup();
    }
    core = testCore();
  });

  it('refuses a stored file that no longer has its hash, and makes no copy', async () => {
    const { a, content } = await withAttachment('minutes.txt', 'text/plain');
    const stored = join(core.dataDir, 'attachments', sha(content).slice(0, 2), sha(content));
    writeFileSync(stored, 'changed behind the app’s back');
    await expectError(core.call('attachments.open', { id: a.id }), 'rule_violation', /missing or damaged/);
    expect(existsSync(join(core.dataDir, 'open'))).toBe(false);
  });

  it('takes only an id: a path sent along is refused', async () => {
    const { a } = await withAttachment('minutes.txt', 'text/plain');
    expect(await core.dispatch('attachments.open', { id: a.id, path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(existsSync(join(core.dataDir, 'open'))).toBe(false);
  });

  it('is for the audit team and coordinators only', async () => {
    const { s, a } = await withAttachment('minutes.txt', 'text/plain');
    const outsider = await (async () => {
      await as(core, s.coordinatorId);
      return core.call('people.create', { displayName: 'Olga Outsider', role: 'auditor', code: 'AUD-09' });
    })();
    await as(core, outsider.id);
    await expectError(core.call('attachments.open', { id: a.id }), 'forbidden');
    await as(core, s.manager.id);
    await expectError(core.call('attachments.open', { id: a.id }), 'forbidden');
    await as(core, s.coordinatorId);
    expect((await core.call('attachments.open', { id: a.id })).fileName).toBe('minutes.txt');
  });

  it('removes the copies of a run when the core next starts', async () => {
    const { a } = await withAttachment('minutes.txt', 'text/plain');
    const copy = await core.call('attachments.open', { id: a.id });
    expect(existsSync(copy.path!)).toBe(true);
    const { dataDir } = core;
    core.close();
    core = testCore({ dataDir });
    expect(existsSync(join(dataDir, 'open'))).toBe(false);
    expect(existsSync(join(dataDir, 'attachments'))).toBe(true);
  });
});

describe('openableName', () => {
  it.each([
    ['minutes.PDF', 'application/pdf', 'minutes.pdf'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['invoice.pdf.exe', 'application/pdf', 'invoice.pdf.exe.pdf'],
    ['../../etc/cron.d/job.txt', 'text/plain', 'job.txt'],
    ['C:\\Users\\x\\notes.txt', 'text/plain', 'notes.txt'],
    ['photo\u202Egpj.exe', 'image/jpeg', 'photo_gpj.exe.jpg'],
    ['a<b>:c|d?.csv', 'text/csv', 'a_b__c_d_.csv'],
    ['CON.txt', 'text/plain', '_CON.txt'],
    ['...hidden.txt', 'text/plain', 'hidden.txt'],
    ['.txt', 'text/plain', 'txt.txt'],
    ['start.bat', 'text/plain', 'start.bat.txt'],
    [`${'x'.repeat(300)}.docx`, 'application/octet-stream', `${'x'.repeat(100)}.docx`],
  ])('%s (%s) → %s', (name, type, expected) => {
    expect(openableName(name, type)).toBe(expected);
  });

  it.each([
    ['setup.exe', 'application/octet-stream'],
    ['start.bat', ''],
    ['page.html', ''],
    ['icon.svg', 'application/octet-stream'],
    ['book.xlsm', 'application/octet-stream'],
    ['app.desktop', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s (%s) is not opened', (name, type) => {
    expect(openableName(name, type)).toBeNull();
  });
});
