/**
 * Assembles a report: the cover section (no page number) and the body section, whose footer
 * carries the report's name and a PAGE field; styles and numbering declared once; document
 * properties. Packing is ./pack.ts's.
 */
import { AlignmentType, Document, Footer, PageNumber, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import { LongTable, NUMBERING, type Block } from './blocks';
import type { ReportContext } from './context';
import { STYLE, reportStyles } from './styles';

export interface ReportParts {
  title: string;
  /** Shown in the footer beside the page number. */
  footer: string;
  /** Document properties. */
  subject: string;
  cover: FileChild[];
  body: Block[];
}

/** The contents: a TOC field over Heading 1–2, filled in from the headings when written. */
export function contents(ctx: ReportContext): FileChild[] {
  return [
    new Paragraph({ style: STYLE.tocHeading, text: ctx.t.contents }),
    new TableOfContents(ctx.t.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function footer(ctx: ReportContext, text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${text} · ${ctx.t.page} ` }),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun({ text: ` ${ctx.t.of} ` }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

const PAGE = {
  size: { width: 11906, height: 16838 }, // A4
  margin: { top: 1300, bottom: 1300, left: 1300, right: 1300, footer: 600 },
};

/**
 * The report as a docx Document. Each long table becomes what `longTable` makes of it: by default
 * the whole table (the document built whole); packReport puts a placeholder there instead.
 */
export function reportDocument(
  ctx: ReportContext,
  parts: ReportParts,
  longTable: (t: LongTable) => FileChild = (t) => t.whole(),
): Document {
  return new Document({
    creator: 'Citizen Audit',
    lastModifiedBy: 'Citizen Audit',
    title: parts.title,
    subject: parts.subject,
    description: parts.subject,
    styles: reportStyles(ctx.language),
    numbering: NUMBERING,
    // The contents are written with their entries but without page numbers (estimating them costs
    // ten times the rest of the build); Word fills them in when it opens the file.
    features: { updateFields: true },
    sections: [
      { properties: { page: PAGE }, children: parts.cover },
      {
        properties: { page: { ...PAGE, pageNumbers: { start: 2 } } },
        footers: { default: footer(ctx, parts.footer) },
        children: parts.body.map((b) => (b instanceof LongTable ? longTable(b) : b)),
      },
    ],
  });
}
