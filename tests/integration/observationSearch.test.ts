/**
 * The observation log as lists and searches carry it: excerpts, not whole narratives; full-text
 * search over narratives and locations that ignores case and accents in any script, treats what
 * is typed as words (never as FTS5 syntax), marks its hits, combines with filters, pages, and
 * follows every change of a narrative.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/api/contract';
import { EXCERPT_CHARS, type MarkedText } from '../../src/shared/domain/audit';
import { ftsQuery } from '../../src/main/core/services/observationSearch';
import { as, auditSetup, testCore, type TestCore } from './helpers/core';

let core: TestCore;
afterEach(() => core.cleanup());

const hits = (m: MarkedText) => m.filter((p) => p.hit).map((p) => p.text);
const text = (m: MarkedText) => m.map((p) => p.text).join('');

async function logWithEntries() {
  core = testCore();
  const s = await auditSetup(core);
  await as(core, s.a1.id);
  const record = (o: Partial<Input<'observations.record'>> & { narrative: string }) =>
    core.call('observations.record', {
      auditId: s.audit.id,
      observedAt: '2026-03-02T10:00:00.000Z',
      method: 'site_visit',
      ...o,
    });
  const police = await record({
    narrative: 'La policía pidió el pasaporte antes de escuchar la denuncia.',
    location: 'Comisaría central — mostrador',
    grounds: ['nationality'],
    severity: 'high',
  });
  const finnish = await record({
    narrative: 'Virkailija oli kärsimätön ja puhui vain suomea.',
    location: 'Työvoimatoimisto',
    grounds: ['language'],
    severity: 'medium',
    observedAt: '2026-03-05T09:00:00.000Z',
  });
  const arabic = await record({
    narrative: 'لم يكن هناك مترجم في مكتب الاستقبال',
    location: 'مكتب الاستقبال',
    method: 'interview',
    grounds: ['language'],
    observedAt: '2026-03-07T09:00:00.000Z',
  });
  const long = await record({
    narrative: `${'The queue was long and nobody explained the procedure. '.repeat(90)}At the end the officer refused the interpreter.`,
    location: 'Front desk',
    observedAt: '2026-03-08T09:00:00.000Z',
  });
  await as(core, s.a2.id);
  const other = await record({
    narrative: 'Signs only in Spanish; the police leaflet is missing.',
    location: 'Waiting room',
    severity: 'low',
    observedAt: '2026-03-09T09:00:00.000Z',
  });
  const search = (input: Partial<Input<'observations.search'>>) =>
    core.call('observations.search', { auditId: s.audit.id, ...input });
  return { s, police, finnish, arabic, long, other, search, record };
}

describe('observations.list', () => {
  it('pages the log and carries excerpts, never whole narratives', async () => {
    const { s, long } = await logWithEntries();
    const page = await core.call('observations.list', { auditId: s.audit.id, limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.next).toBe(3);
    const rest = await core.call('observations.list', { auditId: s.audit.id, limit: 3, offset: 3 });
    expect(rest.items).toHaveLength(2);
    expect(rest.next).toBeNull();
    const entry = [...page.items, ...rest.items].find((o) => o.id === long.id)!;
    expect(entry).not.toHaveProperty('narrative');
    expect(text(entry.excerpt).length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(entry.narrativeLength).toBe(long.narrative.length);
    expect(text(entry.location)).toBe('Front desk');
    // The whole record comes with get.
    expect((await core.call('observations.get', { id: long.id })).narrative).toBe(long.narrative);
  });
});

describe('observations.search', () => {
  it('ignores accents and case, in any script', async () => {
    const { police, finnish, arabic, search } = await logWithEntries();
    const ids = async (query: string) => (await search({ query })).items.map((o) => o.id);
    expect(await ids('policia')).toContain(police.id);
    expect(await ids('POLICÍA')).toContain(police.id);
    expect(await ids('comisaria')).toEqual([police.id]);
    expect(await ids('karsimaton')).toEqual([finnish.id]);
    expect(await ids('KÄRSIMÄTÖN')).toEqual([finnish.id]);
    expect(await ids('مترجم')).toEqual([arabic.id]);
    // Words are matched as typed so far (search as you type), all of them.
    expect(await ids('kärsim')).toEqual([finnish.id]);
    expect(await ids('pasaporte denuncia')).toEqual([police.id]);
    expect(await ids('pasaporte suomea')).toEqual([]);
  });

  it('finds locations too, and marks the hits in the excerpt and the location', async () => {
    const { police, long, search } = await logWithEntries();
    const [hit] = (await search({ query: 'comisaria' })).items;
    expect(hit!.id).toBe(police.id);
    expect(hits(hit!.location)).toEqual(['Comisaría']);
    const [inNarrative] = (await search({ query: 'policia' })).items.filter((o) => o.id === police.id);
    expect(hits(inNarrative!.excerpt)).toEqual(['policía']);
    // A hit deep in a long narrative: the excerpt is the passage around it, not the start.
    const [deep] = (await search({ query: 'interpreter' })).items;
    expect(deep!.id).toBe(long.id);
    expect(hits(deep!.excerpt)).toEqual(['interpreter']);
    expect(text(deep!.excerpt).length).toBeLessThan(600);
    expect(deep).not.toHaveProperty('narrative');
  });

  it('treats quotes, operators and stars as plain text', async () => {
    const { search } = await logWithEntries();
    for (const query of [
      '"',
      'AND',
      'OR',
      'NOT',
      '*',
      '"policía',
      'policía"',
      'NEAR(a b)',
      'narrative:x',
      '^x',
      '(',
      ')',
      '-',
      '+',
      "'",
      'a AND',
      '""""',
    ]) {
      await expect(search({ query }), query).resolves.toHaveProperty('items');
    }
    expect(ftsQuery('" AND *')).toBe('"AND"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('*')).toBeNull();
  });

  it('combines with filters: ground, severity, method, author, dates', async () => {
    const { s, police, finnish, arabic, other, search } = await logWithEntries();
    const ids = async (input: Partial<Input<'observations.search'>>) =>
      (await search(input)).items.map((o) => o.id).sort();
    expect(await ids({ ground: 'language' })).toEqual([finnish.id, arabic.id].sort());
    expect(await ids({ query: 'policia', severity: 'high' })).toEqual([police.id]);
    expect(await ids({ query: 'polic', severity: 'low' })).toEqual([other.id]);
    expect(await ids({ method: 'interview' })).toEqual([arabic.id]);
    expect(await ids({ authorId: s.a2.id })).toEqual([other.id]);
    expect(await ids({ from: '2026-03-05', to: '2026-03-07' })).toEqual([finnish.id, arabic.id].sort());
    expect(await ids({ query: 'police', authorId: s.a1.id })).toEqual([]);
  });

  it('lists newest first without a query, and pages', async () => {
    const { other, police, search } = await logWithEntries();
    const first = await search({ limit: 2 });
    expect(first.items[0]!.id).toBe(other.id);
    expect(first.next).toBe(2);
    const last = await search({ limit: 2, offset: 4 });
    expect(last.items.map((o) => o.id)).toEqual([police.id]);
    expect(last.next).toBeNull();
  });

  it('follows changes of narratives and locations, and leaves archived entries out', async () => {
    const { s, finnish, search } = await logWithEntries();
    await as(core, s.a1.id);
    const changed = await core.call('observations.update', {
      id: finnish.id,
      rev: finnish.rev,
      narrative: 'Henkilökunta oli ystävällinen.',
      location: 'Kirjasto',
    });
    expect((await search({ query: 'karsimaton' })).items).toEqual([]);
    expect((await search({ query: 'ystavallinen' })).items.map((o) => o.id)).toEqual([finnish.id]);
    expect((await search({ query: 'kirjasto' })).items.map((o) => o.id)).toEqual([finnish.id]);
    await core.call('observations.archive', { id: changed.id, rev: changed.rev });
    expect((await search({ query: 'ystavallinen' })).items).toEqual([]);
    expect((await search({ query: 'ystavallinen', includeArchived: true })).items).toHaveLength(1);
  });
});
