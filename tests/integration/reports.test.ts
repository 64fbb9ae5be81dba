/**
 * The Word reports of the demo programme, unzipped and read back: accessible structure (Word's
 * heading styles, a contents field, header rows repeated on every page, alt text on every image,
 * the document language, a page-number field), the content a council reads (findings,
 * recommendations, measures), personal data left out unless asked for, and people by code only.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFile, loadDemo } from '../../src/main/core/seed/demo';
import type { Input } from '../../src/shared/api/contract';
import { expectError, frozenClock, testCore, type TestCore } from './helpers/core';
import { readDocx, tablesOf, type DocxParts } from './helpers/docx';

const demo = demoFile('en');
const policeSource = demo.audits.find((a) => a.title.includes('Police'))!;

let core: TestCore;
let policeId: string;
const reports = new Map<string, DocxParts>();

async function report(input: Input<'reports.generate'>): Promise<DocxParts> {
  const key = JSON.stringify(input);
  const cached = reports.get(key);
  if (cached) return cached;
  const r = await core.call('reports.generate', { reportDate: '2026-03-31', ...input });
  expect(r.savedTo).toBeNull();
  const parts = await readDocx(Buffer.from(r.contentBase64!, 'base64'));
  reports.set(key, parts);
  return parts;
}
const audit = (extra: Partial<Input<'reports.generate'>> = {}) =>
  report({ kind: 'audit', auditId: policeId, language: 'en', ...extra });

/** Assertions on whole documents that print the needle, not the (huge) haystack, when they fail. */
const contains = (hay: string, needle: string) => expect(hay.includes(needle), `contains: ${needle}`).toBe(true);
const lacks = (hay: string, needle: string) => expect(hay.includes(needle), `lacks: ${needle}`).toBe(false);
const matches = (hay: string, re: RegExp) => expect(re.test(hay), `matches: ${re}`).toBe(true);

/** The first line of a text, as the report shows it (a paragraph's runs are joined). */
const firstLine = (s: string, n = 60) => s.split('\n')[0]!.slice(0, n);

beforeAll(async () => {
  core = testCore({ clock: frozenClock() });
  await loadDemo(core.call);
  policeId = (await core.call('audits.list', {})).items.find((a) => a.title === policeSource.title)!.id;
});
afterAll(() => core.cleanup());

describe('the audit report', () => {
  it('uses Word’s built-in heading styles and a contents field', async () => {
    const d = await audit();
    for (const level of [1, 2, 3]) {
      contains(d.document, `<w:pStyle w:val="Heading${level}"/>`);
      matches(d.styles, new RegExp(`w:styleId="Heading${level}"[^>]*><w:name w:val="heading ${level}"/>`));
    }
    matches(d.document, /<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    contains(d.text, 'Executive summary');
  });

  it('lists every heading of level 1 and 2 in the contents, linked to it, and ends the field in its last entry', async () => {
    const d = await audit();
    const toc = d.document.match(/<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/)![1]!;
    const headings = [
      ...d.document.matchAll(
        /<w:pStyle w:val="Heading[12]"\/>(?:<w:pageBreakBefore\/>)?<\/w:pPr><w:bookmarkStart w:name="([^"]+)"/g,
      ),
    ];
    const anchors = [...toc.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(20);
    expect(anchors).toEqual(headings.map((m) => m[1]));
    // No paragraph of its own for the field's end: on a page of its own it would leave a blank page.
    const paragraphs = toc.match(/<w:p>[\s\S]*?<\/w:p>/g)!;
    expect(paragraphs).toHaveLength(anchors.length);
    expect(paragraphs.at(-1)).toMatch(/<\/w:hyperlink><w:r><w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p>$/);
  });

  it('repeats the header row of every table on each page', async () => {
    const tables = tablesOf((await audit()).document);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      const firstRow = t.match(/<w:tr>[\s\S]*?<\/w:tr>/)![0];
      contains(firstRow, '<w:tblHeader/>');
    }
  });

  it('gives every image alt text, and shows the compliance chart', async () => {
    const d = await audit();
    const images = [...d.document.matchAll(/<wp:docPr ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const attrs of images) {
      expect(attrs).toMatch(/descr="[^"]{20,}"/);
      expect(attrs).toMatch(/title="[^"]+"/);
    }
    contains(d.text, 'Results per section');
  });

  it('sets the document language, in English and in Spanish', async () => {
    contains((await audit()).styles, '<w:lang w:val="en-GB"');
    const es = await audit({ language: 'es' });
    contains(es.styles, '<w:lang w:val="es-ES"');
    contains(es.text, 'Resumen ejecutivo');
    contains(es.text, 'Hallazgos');
  });

  it('numbers the pages in the footer with a PAGE field', async () => {
    const d = await audit();
    expect(d.footers.length).toBeGreaterThan(0);
    matches(d.footers.join(''), /<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it('holds the findings, recommendations and the managers’ answers', async () => {
    const { text } = await audit();
    for (const f of policeSource.findings) {
      contains(text, f.title);
      contains(text, firstLine(f.condition));
    }
    for (const r of policeSource.recommendations) contains(text, r.title);
    for (const m of policeSource.managementResponses) if (m.justification) contains(text, firstLine(m.justification));
    contains(text, 'Annex A. Checklist results');
    contains(text, 'Disagreement');
  });

  it('leaves out observations marked as personal data unless asked, and then says so on the first page', async () => {
    const personal = policeSource.observations.filter((o) => o.personalData);
    const ordinary = policeSource.observations.filter((o) => !o.personalData);
    expect(personal.length).toBeGreaterThan(0);

    const without = await audit();
    for (const o of personal) lacks(without.text, firstLine(o.narrative));
    for (const o of ordinary) contains(without.text, firstLine(o.narrative));
    contains(without.text, 'are not included in this report');

    const withPersonal = await audit({ includePersonalData: true });
    for (const o of personal) contains(withPersonal.text, firstLine(o.narrative));
    const cover = withPersonal.text.slice(0, withPersonal.text.indexOf('Contents'));
    contains(cover, 'This report includes personal data');
  });

  it('names no person anywhere, only codes, whatever the options', async () => {
    for (const d of [
      await audit(),
      await audit({ includePersonalData: true }),
      await audit({ language: 'es' }),
      await report({ kind: 'plan', language: 'en' }),
      await report({ kind: 'monitoring', language: 'es' }),
    ]) {
      for (const p of demo.people) {
        lacks(d.everything, p.displayName);
        // Nor a name split into runs: the visible text as well.
        lacks(d.text, p.displayName);
      }
    }
    const { text } = await audit();
    for (const code of ['AUD-01', 'AUD-03', 'AUD-06', 'MGR-POL']) contains(text, code);
  });

  it('marks a text shown in another language than the report’s', async () => {
    // The demo's checklists are bilingual: a Spanish report shows the Spanish texts unmarked.
    const es = await audit({ language: 'es' });
    expect(/\[en\]/.test(es.text)).toBe(false);
  });

  it('refuses a missing audit with not_found', async () => {
    await expectError(
      core.call('reports.generate', { kind: 'audit', auditId: '00000000-0000-4000-8000-999999999999', language: 'en' }),
      'not_found',
    );
  });

  it('writes the file to a given folder, and refuses a relative path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-report-'));
    try {
      const out = join(dir, 'plan.docx');
      const r = await core.call('reports.generate', { kind: 'plan', language: 'en', outPath: out });
      expect(r.savedTo).toBe(out);
      expect(r.contentBase64).toBeNull();
      expect(existsSync(out)).toBe(true);
      expect(r.fileName).toMatch(/^local-action-plan-\d{4}-\d\d-\d\d-en\.docx$/);
      await expectError(
        core.call('reports.generate', { kind: 'plan', language: 'en', outPath: 'relative.docx' }),
        'rule_violation',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Local Action Plan', () => {
  it('lists every measure by area, with what is behind it', async () => {
    const d = await report({ kind: 'plan', language: 'en' });
    for (const m of demo.measures) contains(d.text, m.title);
    contains(d.text, 'Findings and recommendations behind this measure');
    contains(d.text, policeSource.recommendations[0]!.title);
    contains(d.document, '<w:pStyle w:val="Heading1"/>');
    for (const t of tablesOf(d.document)) contains(t.match(/<w:tr>[\s\S]*?<\/w:tr>/)![0], '<w:tblHeader/>');
    matches(d.footers.join(''), />PAGE</);
  });

  it('names the areas as the programme renamed them, in the report’s language, and the others by default', async () => {
    const programme = (await core.call('session.get', {})).programme!;
    const renamed = await core.call('programme.update', {
      id: programme.id,
      rev: programme.rev,
      actionAreaNames: { training_awareness: { es: 'Formación del personal municipal' } },
    });
    try {
      const read = async (language: 'en' | 'es') => {
        const r = await core.call('reports.generate', { kind: 'plan', language, reportDate: '2026-03-31' });
        return (await readDocx(Buffer.from(r.contentBase64!, 'base64'))).text;
      };
      const es = await read('es');
      contains(es, '1. Formación del personal municipal');
      contains(es, 'Recogida de datos');
      const en = await read('en');
      contains(en, '1. Training and awareness-raising');
      lacks(en, 'Formación del personal municipal');
    } finally {
      await core.call('programme.update', { id: programme.id, rev: renamed.rev, actionAreaNames: {} });
    }
  });
});

describe('an indicator’s unit', () => {
  it('follows its figures in the plan and in the monitoring report', async () => {
    const source = demo.measures.find((m) => m.baseline !== null && m.target !== null && m.progress.length > 0)!;
    const measure = (await core.call('measures.list', { limit: 200 })).items.find((m) => m.title === source.title)!;
    const value = [...source.progress].reverse().find((p) => p.indicatorValue !== null)!.indicatorValue!;
    const changed = await core.call('measures.update', { id: measure.id, rev: measure.rev, indicatorUnit: 'visits' });
    try {
      const read = async (kind: 'plan' | 'monitoring') => {
        const r = await core.call('reports.generate', {
          kind,
          language: 'en',
          reportDate: '2026-03-31',
          since: '2000-01-01',
        });
        return (await readDocx(Buffer.from(r.contentBase64!, 'base64'))).text;
      };
      const plan = await read('plan');
      contains(plan, `${source.baseline} visits`);
      contains(plan, `${source.target} visits`);
      contains(await read('monitoring'), `${value} visits`);
    } finally {
      await core.call('measures.update', { id: measure.id, rev: changed.rev, indicatorUnit: '' });
    }
  });
});

describe('the monitoring report', () => {
  it('counts statuses, lists overdue measures and changes, with charts that have alt text and a table', async () => {
    const d = await report({ kind: 'monitoring', language: 'en', since: '2025-12-31' });
    contains(d.text, 'Status of the measures');
    contains(d.text, 'Overdue measures');
    contains(d.text, 'Indicator movement');
    contains(d.text, 'Changes since 31 December 2025');
    const images = [...d.document.matchAll(/<wp:docPr ([^>]*)\/>/g)];
    expect(images.length).toBe(2);
    for (const m of images) expect(m[1]).toMatch(/descr="[^"]{20,}"/);
    const updatesAfter = demo.measures.flatMap((m) => m.progress).filter((p) => p.date > '2025-12-31' && p.note);
    expect(updatesAfter.length).toBeGreaterThan(0);
    for (const p of updatesAfter) contains(d.text, firstLine(p.note, 40));
  });
});

describe('the document.xml snapshot', () => {
  it('is stable with the clock and ids frozen', async () => {
    const d = await audit();
    const pretty = d.document.replace(/<\/w:p>/g, '</w:p>\n').replace(/<\/w:tr>/g, '</w:tr>\n');
    await expect(pretty).toMatchFileSnapshot('__snapshots__/audit-report-document.xml');
  });
});
