/**
 * Templates through the real core: a template exported and imported into an empty database is
 * identical; malformed template files are refused with their first problem (where and why) and
 * the database stays byte-identical; changing a published version that an audit uses starts a
 * new version, and the audit keeps its own; duplicates and built-in templates.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../src/shared/domain/template';
import { builtInTemplate } from '../../src/main/core/seed/templates';
import type { TemplateFile } from '../../src/shared/exchange/templateFile';
import { auditSetup, databaseOf, dumpDatabase, testCore, withProgramme, type TestCore } from './helpers/core';

const cores: TestCore[] = [];
function freshCore(): TestCore {
  const c = testCore();
  cores.push(c);
  return c;
}
afterEach(() => {
  while (cores.length) cores.pop()!.cleanup();
});

/** A checklist without ids, times and revisions: what two databases can hold identically. */
function content(c: Checklist) {
  return {
    template: { key: c.template.key, name: c.template.name, description: c.template.description },
    version: { number: c.version.number, status: c.version.status, note: c.version.note },
    sections: c.sections.map((s) => ({
      position: s.position,
      title: s.title,
      criteria: s.criteria.map(
        ({ id: _i, sectionId: _s, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, rev: _r, ...rest }) =>
          rest,
      ),
    })),
  };
}

/** The built-in file as an export gives it: refs are not stored, empty optional fields are left out. */
function withoutRefs(file: TemplateFile): TemplateFile {
  return {
    ...file,
    sections: file.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map(({ ref: _ref, ...c }) => c),
    })),
  };
}

describe('export and import', () => {
  it('a template exported and imported into an empty database is identical', async () => {
    const a = freshCore();
    await withProgramme(a);
    const { template, version: v1 } = await a.call('templates.installBuiltIn', { key: 'local_police' });
    // A second version with every kind of field: a choice, a weight, guidance in one language, a reference.
    const v2 = await a.call('templateVersions.startDraft', { templateId: template.id, copyFrom: v1.id, note: 'v2' });
    const first = (await a.call('templateVersions.checklist', { id: v2.id })).sections[0]!;
    await a.call('criteria.add', {
      sectionId: first.id,
      position: 1,
      text: { en: 'How is the complaint form offered?', es: '¿Cómo se ofrece el formulario de queja?' },
      guidance: { en: 'Ask at the desk.' },
      responseType: 'choice',
      choices: [
        { en: 'Not at all', es: 'No se ofrece' },
        { en: 'On request', es: 'A petición' },
        { en: 'Always', es: 'Siempre' },
      ],
      weight: 2.5,
      grounds: ['nationality', 'language'],
      reference: 'Ley 15/2022, art. 26',
    });
    const draft = await a.call('templateVersions.get', { id: v2.id });
    await a.call('templateVersions.publish', { id: draft.id, rev: draft.rev });
    const exported = await a.call('templates.export', { versionId: v2.id });
    expect(exported.fileName).toBe('local_police-v2.json');

    const b = freshCore();
    await withProgramme(b);
    const text = JSON.stringify(exported.file, null, 2);
    const imported = await b.call('templates.importFile', { content: text });
    const again = await b.call('templates.export', { versionId: imported.version.id });
    expect(again.file).toEqual({ ...exported.file });
    expect(JSON.stringify(again.file, null, 2)).toBe(text);
    const inA = content(await a.call('templateVersions.checklist', { id: v2.id }));
    const inB = content(await b.call('templateVersions.checklist', { id: imported.version.id }));
    // Imported files become version 1 of a new template, published.
    expect(inB).toEqual({ ...inA, version: { ...inA.version, number: 1 } });
  });

  it('exports a built-in template as its own file (without the refs, which are not stored)', async () => {
    const c = freshCore();
    await withProgramme(c);
    for (const key of ['local_police', 'employment_services', 'general_front_office']) {
      const { version } = await c.call('templates.installBuiltIn', { key });
      const { file } = await c.call('templates.export', { versionId: version.id });
      expect(file).toEqual(withoutRefs(builtInTemplate(key)!));
    }
  });

  it('lists the built-in templates and installs each once', async () => {
    const c = freshCore();
    await withProgramme(c);
    const before = await c.call('templates.builtIns', {});
    expect(before.map((t) => [t.key, t.templateId])).toEqual([
      ['local_police', null],
      ['employment_services', null],
      ['general_front_office', null],
    ]);
    const { template } = await c.call('templates.installBuiltIn', { key: 'employment_services' });
    const after = await c.call('templates.builtIns', {});
    expect(after.find((t) => t.key === 'employment_services')!.templateId).toBe(template.id);
    await expect(c.call('templates.installBuiltIn', { key: 'employment_services' })).rejects.toMatchObject({
      code: 'rule_violation',
      rule: { key: 'templateKeyExists' },
    });
  });
});

/** A valid file to break: the general front office template. */
const good = (): TemplateFile => structuredClone(builtInTemplate('general_front_office')!);
type Json = Record<string, unknown> & { sections: { criteria: Record<string, unknown>[] }[] };
const broken = (change: (f: Json) => void): string => {
  const f = good() as unknown as Json;
  change(f);
  return JSON.stringify(f);
};

/** Malformed files, each with the problem it must be refused with: rule key, and where. */
const MALFORMED: { what: string; content: () => string; key: string; path?: string; params?: object }[] = [
  {
    what: 'not JSON',
    content: () => '{ "format": "citizen-audit/template",\n  "key": }',
    key: 'templateFileNotJson',
    params: { line: 2, column: 10 },
  },
  { what: 'empty file', content: () => '', key: 'templateFileNotJson' },
  { what: 'a JSON array', content: () => '[1, 2]', key: 'templateFileNotObject' },
  {
    what: 'another format',
    content: () => broken((f) => (f.format = 'citizen-audit/demo')),
    key: 'templateFileNotTemplate',
    path: 'format',
  },
  {
    what: 'another kind of file altogether (the demo programme)',
    content: () => JSON.stringify({ format: 'citizen-audit/demo', formatVersion: 1, people: [], audits: [] }),
    key: 'templateFileNotTemplate',
    path: 'format',
  },
  {
    what: 'a newer format version',
    content: () => broken((f) => (f.formatVersion = 2)),
    key: 'templateFileVersion',
    path: 'formatVersion',
    params: { found: '2', expected: 1 },
  },
  {
    what: 'an unknown response type',
    content: () => broken((f) => (f.sections[2]!.criteria[1]!.responseType = 'stars')),
    key: 'templateFileResponseType',
    path: 'sections[2].criteria[1].responseType',
    params: { value: 'stars' },
  },
  {
    what: 'a duplicate ref',
    content: () => broken((f) => (f.sections[1]!.criteria[2]!.ref = f.sections[0]!.criteria[0]!.ref)),
    key: 'templateFileDuplicateRef',
    path: 'sections[1].criteria[2].ref',
  },
  {
    what: 'a text without any language',
    content: () => broken((f) => (f.sections[0]!.criteria[3]!.text = {})),
    key: 'templateFileNoLanguage',
    path: 'sections[0].criteria[3].text',
  },
  {
    what: 'a language name instead of a code',
    content: () => broken((f) => (f.sections[0]!.criteria[0]!.guidance = { english: 'Look' })),
    key: 'templateFileLanguageCode',
    path: 'sections[0].criteria[0].guidance.english',
  },
  {
    what: 'a text that is too long',
    content: () =>
      broken((f) => ((f.sections[2]!.criteria[4]!.text as Record<string, string>).es = 'x'.repeat(20_001))),
    key: 'templateFileTooLong',
    path: 'sections[2].criteria[4].text.es',
    params: { max: 20_000 },
  },
  {
    what: 'a ground this programme does not have',
    content: () => broken((f) => (f.sections[3]!.criteria[0]!.grounds = ['language', 'star_sign'])),
    key: 'templateFileGroundUnknown',
    path: 'sections[3].criteria[0].grounds[1]',
    params: { code: 'star_sign' },
  },
  {
    what: 'a criterion without text',
    content: () => broken((f) => delete f.sections[1]!.criteria[0]!.text),
    key: 'templateFileMissing',
    path: 'sections[1].criteria[0].text',
  },
  {
    what: 'an unknown field',
    content: () => broken((f) => (f.sections[0]!.criteria[1]!.colour = 'red')),
    key: 'templateFileUnknownField',
    path: 'sections[0].criteria[1].colour',
  },
  {
    what: 'a weight given as a word',
    content: () => broken((f) => (f.sections[0]!.criteria[1]!.weight = 'high')),
    key: 'templateFileWrongType',
    path: 'sections[0].criteria[1].weight',
  },
  {
    what: 'a weight out of range',
    content: () => broken((f) => (f.sections[0]!.criteria[1]!.weight = 150)),
    key: 'templateFileNumberRange',
    path: 'sections[0].criteria[1].weight',
  },
  {
    what: 'a choice criterion with one option',
    content: () =>
      broken((f) => {
        f.sections[1]!.criteria[1]!.responseType = 'choice';
        f.sections[1]!.criteria[1]!.choices = [{ en: 'Only' }];
      }),
    key: 'templateFileChoicesNeeded',
    path: 'sections[1].criteria[1].choices',
  },
  {
    what: 'a section without criteria',
    content: () => broken((f) => (f.sections[3]!.criteria = [])),
    key: 'templateFileTooFew',
    path: 'sections[3].criteria',
  },
  {
    what: 'a malformed ground code',
    content: () => broken((f) => (f.sections[0]!.criteria[0]!.grounds = ['Racial Origin'])),
    key: 'templateFileBadCode',
    path: 'sections[0].criteria[0].grounds[0]',
  },
  {
    what: 'a key already installed',
    content: () => broken((f) => (f.key = 'general_front_office')),
    key: 'templateFileKeyExists',
    path: 'key',
  },
];

describe('a malformed template file is refused with its first problem, and nothing changes', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = testCore();
    await withProgramme(core);
    await core.call('templates.installBuiltIn', { key: 'general_front_office' });
  });
  afterAll(() => core.cleanup());
  it.each(MALFORMED)('$what', async ({ content: make, key, path, params }) => {
    const before = dumpDatabase(databaseOf(core));
    const changes = core.changes();
    const env = await core.dispatch('templates.importFile', { content: make() });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error).toMatchObject({ code: 'rule_violation', rule: { key }, field: 'content' });
    if (path !== undefined) expect(env.error.rule!.params.path).toBe(path);
    if (params) expect(env.error.rule!.params).toMatchObject(params);
    // The message says where and why, in English here and in Spanish in the UI.
    if (path) expect(env.error.message).toContain(`At ${path}:`);
    expect(env.error.message).not.toMatch(/\{\{|undefined/);
    expect(core.changes()).toBe(changes);
    expect(dumpDatabase(databaseOf(core))).toBe(before);
    expect(core.logged).toEqual([]);
  });
  it('accepts the unbroken file (the cases above break one thing each)', async () => {
    const c = freshCore();
    await withProgramme(c);
    await expect(c.call('templates.importFile', { content: JSON.stringify(good()) })).resolves.toMatchObject({
      template: { key: 'general_front_office' },
      version: { status: 'published', number: 1 },
    });
  });
  it('has at least ten kinds of malformed file', () => {
    expect(new Set(MALFORMED.map((m) => m.key)).size).toBeGreaterThanOrEqual(10);
  });
});

describe('changing a used template', () => {
  it('starts a new version; the audit keeps the version it pinned, unchanged', async () => {
    const c = freshCore();
    const s = await auditSetup(c);
    const pinned = s.audit.templateVersionId;
    const before = await c.call('templateVersions.checklist', { id: pinned });
    // The published version itself is frozen.
    const first = before.sections[0]!.criteria[0]!;
    await expect(
      c.call('criteria.edit', { id: first.id, rev: first.rev, text: { en: 'Changed' } }),
    ).rejects.toMatchObject({ rule: { key: 'templateVersionFrozen' } });
    // Changing it means a new draft, a copy, that is edited and published.
    const draft = await c.call('templateVersions.startDraft', { templateId: s.t.templateId, copyFrom: pinned });
    expect(draft).toMatchObject({ number: 2, status: 'draft' });
    const copy = (await c.call('templateVersions.checklist', { id: draft.id })).sections[0]!;
    const c0 = copy.criteria[0]!;
    await c.call('criteria.edit', { id: c0.id, rev: c0.rev, text: { en: 'Signs and forms in several languages' } });
    await c.call('criteria.add', { sectionId: copy.id, text: { en: 'Interpreting is free of charge' }, position: 0 });
    const d = await c.call('templateVersions.get', { id: draft.id });
    await c.call('templateVersions.publish', { id: d.id, rev: d.rev });

    const audit = await c.call('audits.get', { id: s.audit.id });
    expect(audit.templateVersionId).toBe(pinned);
    expect(await c.call('templateVersions.checklist', { id: pinned })).toEqual(before);
    const v2 = await c.call('templateVersions.checklist', { id: draft.id });
    expect(v2.sections[0]!.criteria.map((x) => x.text.en)).toEqual([
      'Interpreting is free of charge',
      'Signs and forms in several languages',
      'Minutes waited',
      'Interpreter offered',
    ]);
    const versions = await c.call('templateVersions.list', { templateId: s.t.templateId });
    expect(versions.items.map((v) => [v.number, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
  });
});

describe('duplicate', () => {
  it('makes an own template whose draft version 1 copies the checklist; the original is untouched', async () => {
    const c = freshCore();
    await withProgramme(c);
    const { template, version } = await c.call('templates.installBuiltIn', { key: 'general_front_office' });
    const original = await c.call('templateVersions.checklist', { id: version.id });
    const copy = await c.call('templates.duplicate', {
      versionId: version.id,
      name: { en: 'Copy of front office', es: 'Copia de atención' },
    });
    expect(copy.template).toMatchObject({ key: '', name: { en: 'Copy of front office', es: 'Copia de atención' } });
    expect(copy.version).toMatchObject({ number: 1, status: 'draft' });
    const copied = await c.call('templateVersions.checklist', { id: copy.version.id });
    const { template: _t, version: _v, ...copiedContent } = content(copied);
    const { template: _t2, version: _v2, ...originalContent } = content(original);
    expect(copiedContent).toEqual(originalContent);
    expect(await c.call('templateVersions.checklist', { id: version.id })).toEqual(original);
    expect((await c.call('templates.get', { id: template.id })).key).toBe('general_front_office');
  });
});
