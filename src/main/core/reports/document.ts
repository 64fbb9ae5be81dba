/**
 * Assembles a report: the cover section (no page number) and the body section, whose footer
 * carries the report's name and a PAGE field; styles and numbering declared once; document
 * properties. Packing is ./pack.ts's.
 */
import {
  AlignmentType,
  BuilderElement,
  Document,
  FileChild,
  Footer,
  InternalHyperlink,
  LeaderType,
  PageNumber,
  PageReference,
  Paragraph,
  Run,
  Tab,
  TabStopType,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
} from 'docx';
import { ContentsPlace, Heading, LongTable, NUMBERING, TEXT_WIDTH, type Block } from './blocks';
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

/** The contents: their heading, and the place of the TOC field reportDocument writes from the body's headings. */
export function contents(ctx: ReportContext): Block[] {
  return [new Paragraph({ style: STYLE.tocHeading, text: ctx.t.contents }), new ContentsPlace()];
}

/** An entry of the contents: a heading of level 1 or 2 and the bookmark around its text. */
interface Entry {
  anchor: string;
  title: string;
  level: 1 | 2 | 3;
}

class SpacePreserved extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

/** A field's instruction (`TOC \h \o "1-2"`). */
class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new SpacePreserved({ space: 'preserve' }), instruction);
  }
}

/** A field's begin (marked dirty: Word updates the field when it opens the file), separate or end. */
const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement<{ type: string; dirty?: boolean }>({
    name: 'w:fldChar',
    attributes: {
      type: { key: 'w:fldCharType', value: type },
      ...(type === 'begin' ? { dirty: { key: 'w:dirty', value: true } } : {}),
    },
  });

const element = (name: string, children: XmlComponent[] = [], val?: string) =>
  new BuilderElement<{ val?: string }>({
    name,
    children,
    ...(val === undefined ? {} : { attributes: { val: { key: 'w:val', value: val } } }),
  });

/** The contents as Word's content control for a table of contents holds them. */
class ContentsControl extends FileChild {
  constructor(alias: string, paragraphs: Paragraph[]) {
    super('w:sdt');
    this.root.push(
      element('w:sdtPr', [
        element('w:alias', [], alias),
        element('w:docPartObj', [element('w:docPartGallery', [], 'Table of Contents'), element('w:docPartUnique')]),
      ]),
      element('w:sdtContent', paragraphs),
    );
  }
}

const ENTRY_TABS = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }];

/**
 * A TOC field over Heading 1–2, its entries written from the headings with a link to each and
 * a PAGEREF field for its page; Word fills in the page numbers when it opens the file (estimating
 * them costs ten times the rest of the build). The field ends in its last entry, not in a
 * paragraph of its own as docx's TableOfContents ends it: that paragraph, pushed onto a page of
 * its own when the entries fill theirs, left a blank page before the first chapter.
 */
function contentsField(ctx: ReportContext, entries: Entry[]): FileChild {
  const begin = new Run({
    children: [fieldChar('begin'), new FieldInstruction('TOC \\h \\o "1-2"'), fieldChar('separate')],
  });
  const end = new Run({ children: [fieldChar('end')] });
  const paragraphs = entries.length
    ? entries.map(
        (e, i) =>
          new Paragraph({
            style: `TOC${e.level}`,
            tabStops: ENTRY_TABS,
            children: [
              ...(i === 0 ? [begin] : []),
              new InternalHyperlink({
                anchor: e.anchor,
                children: [
                  new TextRun(e.title),
                  new TextRun({ children: [new Tab()] }),
                  new PageReference(e.anchor, { hyperlink: true }),
                ],
              }),
              ...(i === entries.length - 1 ? [end] : []),
            ],
          }),
      )
    : [new Paragraph({ children: [begin, end] })];
  return new ContentsControl(ctx.t.contents, paragraphs);
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
  // Headings of level 1 and 2 get a bookmark (numbered in the report's order) for the contents.
  const entries: Entry[] = [];
  const body = parts.body.map((b) => {
    if (!(b instanceof Heading) || b.headingLevel > 2) return b;
    const anchor = `_Toc${entries.length + 1}`;
    entries.push({ anchor, title: b.title, level: b.headingLevel });
    return b.bookmarked(anchor);
  });
  const children = body.map((b) =>
    b instanceof LongTable ? longTable(b) : b instanceof ContentsPlace ? contentsField(ctx, entries) : b,
  );
  return new Document({
    creator: 'Citizen Audit',
    lastModifiedBy: 'Citizen Audit',
    title: parts.title,
    subject: parts.subject,
    description: parts.subject,
    styles: reportStyles(ctx.language),
    numbering: NUMBERING,
    // Word updates the fields when it opens the file: the contents' page numbers.
    features: { updateFields: true },
    sections: [
      { properties: { page: PAGE }, children: parts.cover },
      {
        properties: { page: { ...PAGE, pageNumbers: { start: 2 } } },
        footers: { default: footer(ctx, parts.footer) },
        children,
      },
    ],
  });
}
