/**
 * Packing a report a slice of rows at a time (src/main/core/reports/pack.ts) writes the very
 * document docx's Packer writes for it built whole: the same word/document.xml, for the demo's
 * reports and for texts XML must escape, with slices of every size; pictures are stored, not
 * deflated again.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { heading, LongTable, para } from '../../src/main/core/reports/blocks';
import { createChartRenderer } from '../../src/main/core/reports/chartImage';
import { createContext } from '../../src/main/core/reports/context';
import { reportDocument, type ReportParts } from '../../src/main/core/reports/document';
import { buildReport } from '../../src/main/core/reports/generate';
import { packReport, packWhole } from '../../src/main/core/reports/pack';
import { loadDemo } from '../../src/main/core/seed/demo';
import { ReportGenerate, type ReportGenerate as Input } from '../../src/shared/domain/report';
import { frozenClock, testCore, type TestCore } from './helpers/core';
import { readDocx } from './helpers/docx';

let core: TestCore;
let auditId: string;
let db: ReturnType<typeof openDatabase>;

beforeAll(async () => {
  core = testCore({ clock: frozenClock() });
  await loadDemo(core.call);
  auditId = (await core.call('audits.list', {})).items[0]!.id;
  db = openDatabase(join(core.dataDir, 'citizen-audit.sqlite'));
});
afterAll(() => {
  db.close();
  core.cleanup();
});

/**
 * The document's XML, its bookmarks' and pictures' ids numbered in order: docx numbers them from
 * counters of the process, so a report packed second has the same ones with higher numbers.
 */
async function documentXml(bytes: Uint8Array): Promise<string> {
  const numbering = () => {
    const ids = new Map<string, number>();
    return (n: string) => ids.get(n) ?? ids.set(n, ids.size + 1).get(n)!;
  };
  const [bookmark, picture] = [numbering(), numbering()];
  return (await readDocx(bytes)).document
    .replace(/(<w:bookmark(?:Start|End) [^>]*w:id=")(\d+)"/g, (_, pre: string, n: string) => `${pre}${bookmark(n)}"`)
    .replace(/(<wp:docPr id=")(\d+)"/g, (_, pre: string, n: string) => `${pre}${picture(n)}"`);
}

/** Where two documents first differ, with some of each around it; null when they are the same. */
function difference(got: string, want: string): { at: number; got: string; want: string } | null {
  if (got === want) return null;
  let at = 0;
  while (got[at] === want[at]) at++;
  return { at, got: got.slice(at - 80, at + 120), want: want.slice(at - 80, at + 120) };
}

function built(input: Partial<Input>) {
  return buildReport(
    { db, personId: null, attachmentsDir: join(core.dataDir, 'attachments') },
    ReportGenerate.parse({ language: 'en', reportDate: '2026-03-31', ...input }),
  );
}

describe('a report packed a slice at a time', () => {
  it('is the document packed whole, for each demo report and slices of every size', async () => {
    for (const input of [
      { kind: 'audit', auditId, includePersonalData: true },
      { kind: 'audit', auditId, language: 'es' },
      { kind: 'plan' },
      { kind: 'monitoring' },
    ] as const) {
      // Built afresh for each packing, as a report is.
      const { ctx, parts } = built(input);
      const whole = await documentXml(await packWhole(reportDocument(ctx, parts)));
      for (const slice of [1, 2, 3, 200]) {
        const again = built(input);
        expect(
          difference(await documentXml(await packReport(again.ctx, again.parts, { sliceRows: slice })), whole),
        ).toBeNull();
      }
    }
    // The audit report's observation log is long enough to be cut in several slices.
    const log = built({ kind: 'audit', auditId }).parts.body.find((b) => b instanceof LongTable);
    expect(log?.rowCount).toBeGreaterThan(3);
  });

  it('packs the document whole with the Packer when there is no compiler of docx to use', async () => {
    const input = { kind: 'audit', auditId } as const;
    const { ctx, parts } = built(input);
    const whole = await documentXml(await packWhole(reportDocument(ctx, parts)));
    const again = built(input);
    expect(
      difference(await documentXml(await packReport(again.ctx, again.parts, { compiler: null })), whole),
    ).toBeNull();
  });

  it('escapes texts as docx does, and stores pictures without deflating them again', async () => {
    const ctx = createContext(
      { language: 'en', includePersonalData: false, reportDate: '2026-03-31', programmeName: null, logo: null },
      new Map(),
      { renderChart: createChartRenderer(), readAttachment: () => null },
    );
    const tricky = ['a < b & c > d', `"quoted" and 'apostrophe'`, 'bell\u0007 and tab\tkept', 'line one\nline two', ''];
    const parts: ReportParts = {
      title: 'T',
      footer: 'F',
      subject: 'S',
      cover: [para('cover')],
      body: [
        heading('Log', 1),
        new LongTable(
          ['#', 'Text “quoted”'],
          7,
          (i) => [i, { text: tricky[i % tricky.length]!, bold: i === 3 }],
          [20, 80],
        ),
        para('after the log'),
        new LongTable(['empty'], 0, () => []),
      ],
    };
    const whole = await documentXml(await packWhole(reportDocument(ctx, parts)));
    expect(whole).toContain('&quot;quoted&quot; and &apos;apostrophe&apos;');
    for (const slice of [1, 2, 7, 50])
      expect(difference(await documentXml(await packReport(ctx, parts, { sliceRows: slice })), whole)).toBeNull();

    const { ctx: auditCtx, parts: auditParts } = built({ kind: 'audit', auditId, includePersonalData: true });
    const methods = new Map<string, number>();
    unzipSync(await packReport(auditCtx, auditParts), {
      filter: (f) => {
        methods.set(f.name, f.compression);
        return false;
      },
    });
    const media = [...methods].filter(([name]) => name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    for (const [, method] of media) expect(method).toBe(0); // stored
    expect(methods.get('word/document.xml')).toBe(8); // deflated
  });
});
