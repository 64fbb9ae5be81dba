/**
 * The audit report's options on a small audit made for the purpose: photographs (alt text on each,
 * those marked as personal data — or attached to an observation that is — left out unless asked),
 * the logo and programme name on the cover, and a text missing in the report's language shown in
 * the other one, marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditSetup, testCore, type TestCore } from './helpers/core';
import { readDocx, type DocxParts } from './helpers/docx';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let core: TestCore;
let auditId: string;

async function report(extra: Record<string, unknown> = {}): Promise<DocxParts> {
  const r = await core.call('reports.generate', { kind: 'audit', auditId, language: 'en', ...extra });
  return readDocx(Buffer.from(r.contentBase64!, 'base64'));
}
const altTexts = (d: DocxParts) => [...d.document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  core = testCore();
  const s = await auditSetup(core);
  auditId = s.audit.id;
  await as(core, s.a1.id);
  const personal = await core.call('observations.record', {
    auditId,
    observedAt: '2026-03-02T11:00:00.000Z',
    method: 'site_visit',
    narrative: 'A named person was turned away at the desk.',
    personalData: true,
  });
  const add = (caption: string, extra: Record<string, unknown> = {}) =>
    core.call('attachments.add', {
      auditId,
      fileName: `${caption}.png`,
      mediaType: 'image/png',
      contentBase64: PNG,
      caption,
      ...extra,
    });
  await add('Waiting room without signs');
  await add('Face of a visitor', { personalData: true });
  await add('Desk during the incident', { observationId: personal.id });
  await as(core, s.coordinatorId);
}, 60_000);
afterAll(() => core.cleanup());

describe('the audit report options', () => {
  it('shows each photograph with alt text, and leaves out those holding personal data', async () => {
    const d = await report();
    expect(d.text.includes('Waiting room without signs')).toBe(true);
    expect(d.everything.includes('Face of a visitor')).toBe(false);
    expect(d.everything.includes('Desk during the incident')).toBe(false);
    expect(d.everything.includes('A named person was turned away')).toBe(false);
    const alts = altTexts(d);
    // One photograph; no chart: no criterion of this audit has a result yet, and the report says so.
    expect(alts).toHaveLength(1);
    expect(d.text.includes('No criterion has a result yet, so there is no chart.')).toBe(true);
    for (const a of alts) expect(a.length).toBeGreaterThan(10);
    expect(alts).toContain('Photograph attached as evidence: Waiting room without signs');
  });

  it('includes them, and says so on the cover, when asked', async () => {
    const d = await report({ includePersonalData: true });
    expect(altTexts(d)).toHaveLength(3);
    expect(d.text.includes('Face of a visitor')).toBe(true);
    expect(d.text.includes('Desk during the incident')).toBe(true);
    expect(d.text.includes('A named person was turned away')).toBe(true);
    expect(d.text.slice(0, d.text.indexOf('Contents')).includes('This report includes personal data')).toBe(true);
  });

  it('puts the logo, with alt text, and the programme name given on the cover', async () => {
    const d = await report({
      programmeName: 'Equal Treatment 2026',
      logo: { mediaType: 'image/png', contentBase64: PNG },
    });
    expect(altTexts(d)).toContain('Logo of Equal Treatment 2026');
    const cover = d.text.slice(0, d.text.indexOf('Contents'));
    expect(cover.includes('Equal Treatment 2026')).toBe(true);
  });

  it('marks texts shown in another language than the report’s, and explains the mark on the cover', async () => {
    // The checklist of the set-up is in English only.
    const d = await report({ language: 'es' });
    expect(d.text.includes('Signs in several languages [en]')).toBe(true);
    expect(d.text.includes('Reception [en]')).toBe(true);
    expect(d.text.includes('Los textos marcados [en]')).toBe(true);
    const en = await report();
    expect(en.text.includes('[en]')).toBe(false);
  });
});
