/**
 * The small pieces reports are made of — headings, paragraphs, lists, tables, pictures — each a
 * pure function from data to docx elements. Tables always have a header row repeated on every
 * page (`tableHeader`) and never split a row across pages; pictures always carry alt text.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { Chart } from '../../../shared/charts';
import type { ReportContext } from './context';
import { COLOURS, STYLE } from './styles';

/** The numbering (lists) of every report, declared once by reference. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 400, hanging: 260 } } },
        },
      ],
    },
  ],
};

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * A heading in Word's built-in style; a chapter (level 1) starts on a new page. It keeps its text
 * and level, so the contents can list it (reportDocument gives it a bookmark to link to).
 */
export class Heading extends Paragraph {
  constructor(
    readonly title: string,
    readonly headingLevel: 1 | 2 | 3,
    anchor?: string,
  ) {
    const text = new TextRun(title);
    super({
      heading: LEVELS[headingLevel],
      ...(headingLevel === 1 ? { pageBreakBefore: true } : {}),
      children: [anchor ? new Bookmark({ id: anchor, children: [text] }) : text],
    });
  }

  /** The same heading with a bookmark named `anchor` around its text. */
  bookmarked(anchor: string): Heading {
    return new Heading(this.title, this.headingLevel, anchor);
  }
}

export const heading = (text: string, level: 1 | 2 | 3): Heading => new Heading(text, level);

export const para = (text: string, style?: string): Paragraph =>
  new Paragraph({ ...(style ? { style } : {}), children: runs(text) });

/** A text with line breaks kept. */
export function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));
}

export const note = (text: string): Paragraph => para(text, STYLE.note);

export const bullet = (children: string | ParagraphChild[]): Paragraph =>
  new Paragraph({
    numbering: { reference: 'bullets', level: 0 },
    children: typeof children === 'string' ? runs(children) : children,
  });

/** "Label" then its text as a paragraph; nothing when the text is empty. */
export function labelled(label: string, text: string): Paragraph[] {
  if (!text.trim()) return [];
  return [new Paragraph({ style: STYLE.label, text: label }), para(text)];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule };
/** Borders and cell margins are the table's, not each cell's: a long annex stays small and fast. */
const TABLE_BORDERS = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};
const CELL_MARGINS = { top: 40, bottom: 40, left: 60, right: 60 };
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: COLOURS.headerFill, color: 'auto' };

export type Cell = string | number | { text: string; bold?: boolean };

function cell(value: Cell, header: boolean): TableCell {
  const text = typeof value === 'object' ? value.text : String(value);
  const bold = header || (typeof value === 'object' && value.bold === true);
  return new TableCell({
    ...(header ? { shading: HEADER_SHADING } : {}),
    children: [
      new Paragraph({
        style: STYLE.tableText,
        children: runs(text, bold ? { bold, ...(header ? { size: 17 } : {}) } : {}),
      }),
    ],
  });
}

/** Text width of an A4 page with the reports' margins, in twentieths of a point. */
export const TEXT_WIDTH = 9306;

/**
 * A table with a header row repeated on each page: `table(['Code', 'Role'], [['AUD-01', 'Lead']])`.
 * `widths` are percentages of the text width (equal when left out).
 */
export function table(columns: string[], rows: Cell[][], widths?: number[]): Table {
  const w = widths ?? columns.map(() => 100 / columns.length);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: w.map((p) => Math.round((p * TEXT_WIDTH) / 100)),
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/**
 * A table too long to hold as docx objects all at once (the observation log: thousands of rows).
 * It keeps its rows as data and how to show the i-th one; `slice` makes the ordinary table of some
 * of them, so the report is packed a slice at a time (./pack.ts), and `whole` makes all of it at
 * once, for a document built whole (the same XML, see tests/integration/reportsPack.test.ts).
 */
export class LongTable {
  constructor(
    readonly columns: string[],
    readonly rowCount: number,
    readonly row: (index: number) => Cell[],
    readonly widths?: number[],
  ) {}

  slice(from: number, to: number): Table {
    const rows: Cell[][] = [];
    for (let i = from; i < Math.min(to, this.rowCount); i++) rows.push(this.row(i));
    return table(this.columns, rows, this.widths);
  }

  whole(): Table {
    return this.slice(0, this.rowCount);
  }
}

/** Where the contents go in a report's body: reportDocument writes them there from the body's headings. */
export class ContentsPlace {}

/** What a report's body is made of: docx elements, long tables written in slices, and the contents' place. */
export type Block = FileChild | LongTable | ContentsPlace;

/** A two-column table of label → value, for the facts of one record. */
export function facts(ctx: ReportContext, items: [string, string][]): Table {
  return table(
    [ctx.t.figure, ctx.t.value],
    items.map(([k, v]) => [{ text: k, bold: true }, v || ctx.t.notAvailable]),
    [32, 68],
  );
}

/** Space between blocks that would otherwise touch (a table followed by a table). */
export const gap = (): Paragraph => new Paragraph({ spacing: { after: 0 }, children: [] });

/** A picture that fits the text width (16 cm), with its alt text and a caption under it. */
export function picture(
  data: Uint8Array,
  type: 'png' | 'jpg',
  size: { width: number; height: number },
  alt: { title: string; description: string },
  caption?: string,
): Paragraph[] {
  const maxWidth = 600; // px at 96 dpi, about 16 cm
  const scale = Math.min(1, maxWidth / size.width);
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: caption !== undefined,
    children: [
      new ImageRun({
        type,
        data,
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { name: alt.title, title: alt.title, description: alt.description },
      }),
    ],
  });
  return caption ? [image, new Paragraph({ style: STYLE.caption, text: caption })] : [image];
}

/** A chart as a picture with alt text, followed by its data as a table. */
export function chartBlock(ctx: ReportContext, chart: Chart, dataFirst = false): FileChild[] {
  const picture_ = ctx.io.renderChart(chart);
  const image = picture(
    picture_.png,
    'png',
    { width: chart.width, height: chart.height },
    { title: chart.title, description: chart.alt },
    chart.title,
  );
  const data = table(chart.table.columns, chart.table.rows);
  return dataFirst ? [data, gap(), ...image] : [...image, data];
}
