/**
 * Packs a report into the bytes of a .docx file without ever holding its long tables whole.
 *
 * docx's Packer turns the whole document into objects three times over (the builders' elements,
 * their XML objects, then the resolved tags) before it writes a character; for the observation log
 * of a large audit that is most of the report's memory. So the document is compiled by docx with
 * a placeholder paragraph where each long table goes, and each long table is written a slice of
 * rows at a time (docx elements made, written as XML and dropped), then put in the placeholder's
 * place. The XML is the same as the document built whole (tests/integration/reportsPack.test.ts).
 *
 * The files are zipped here, storing the pictures as they are (a PNG or JPEG is compressed
 * already: deflating it again costs a third of the packing and saves nothing).
 *
 * `packWhole` is docx's Packer on a document built whole: the benchmark's baseline, and what
 * packReport falls back to if docx's compiler is not where this version of docx keeps it.
 */
import { randomUUID } from 'node:crypto';
import { Packer, Paragraph, type Document, type IContext, type IXmlableObject } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { LongTable } from './blocks';
import type { ReportContext } from './context';
import { reportDocument, type ReportParts } from './document';

/** Rows of a long table made into docx elements at a time. */
export const SLICE_ROWS = 200;

const DOCUMENT_XML = 'word/document.xml';
const TABLE_END = '</w:tbl>';
const ROW_END = '</w:tr>';

type PackageFiles = Map<string, string | Uint8Array | ArrayBuffer>;

/** docx's compiler (a private part of its Packer): the package's files by path, XML as text. */
export interface Compiler {
  compile(file: Document): PackageFiles;
}

function docxCompiler(): Compiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as Compiler) : null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- the control characters XML cannot hold are dropped
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** A value as docx writes it: strings escaped (characters XML cannot hold dropped), others as they print. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value.replace(ESCAPED, (c) => ESCAPES[c] ?? '') : String(value);

function addAttributes(to: string[], attr: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(attr)) to.push(`${key}="${text(v)}"`);
}

/**
 * The XML of one of docx's XML objects (what an element's `prepForXml` gives), written as docx
 * writes it without indentation: `{ name: [{ _attr }, child…] }`, `{ name: { _attr } }` (empty,
 * self-closed) or `{ name: text }`; a text among children replaces the child before it, as docx does.
 */
export function xmlOf(node: IXmlableObject): string {
  const name = Object.keys(node)[0];
  if (name === undefined) return '';
  const value: unknown = (node as Record<string, unknown>)[name];
  const attributes: string[] = [];
  const content: string[] = [];
  if (typeof value === 'object' && value !== null) {
    const { _attr, _cdata } = value as { _attr?: Record<string, unknown>; _cdata?: string };
    if (_attr) addAttributes(attributes, _attr);
    if (_cdata) content.push(`<![CDATA[${_cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
    if (Array.isArray(value)) {
      let isText = false;
      content.push('');
      for (const child of value as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          const c = child as IXmlableObject & { _attr?: Record<string, unknown> };
          if (Object.keys(c)[0] === '_attr') addAttributes(attributes, c._attr!);
          else content.push(xmlOf(c));
        } else {
          content.pop();
          isText = true;
          content.push(child === undefined ? '' : text(child));
        }
      }
      if (!isText) content.push('');
    }
  } else if (value !== null) content.push(value === undefined ? '' : text(value));
  const open = `<${name}${attributes.length ? ` ${attributes.join(' ')}` : ''}`;
  return content.length === 0 ? `${open}/>` : `${open}>${content.join('')}</${name}>`;
}

/** A long table's XML, made a slice of rows at a time: the first slice with the table's properties and header row. */
export function longTableXml(t: LongTable, context: IContext, sliceRows = SLICE_ROWS): string {
  const out: string[] = [];
  for (let from = 0; from === 0 || from < t.rowCount; from += sliceRows) {
    const xml = xmlOf(t.slice(from, from + sliceRows).prepForXml(context)!);
    if (!xml.endsWith(TABLE_END)) throw new Error('a long table was not written as a table');
    const end = xml.length - TABLE_END.length;
    out.push(from === 0 ? xml.slice(0, end) : xml.slice(xml.indexOf(ROW_END) + ROW_END.length, end));
  }
  out.push(TABLE_END);
  return out.join('');
}

/** Pictures are stored as they are; the XML parts are deflated. */
const STORED = /\.(png|jpe?g)$/i;

function zip(files: PackageFiles): Uint8Array {
  const entries: Zippable = {};
  for (const [path, data] of files) {
    const bytes =
      typeof data === 'string'
        ? strToU8(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
    entries[path] = STORED.test(path) ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(entries);
}

/** docx's Packer on the document built whole. */
export async function packWhole(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The report as the bytes of a .docx file, its long tables written `sliceRows` at a time; packed
 * whole by the Packer when there is no `compiler` (docx's, by default).
 */
export async function packReport(
  ctx: ReportContext,
  parts: ReportParts,
  { sliceRows = SLICE_ROWS, compiler = docxCompiler() }: { sliceRows?: number; compiler?: Compiler | null } = {},
): Promise<Uint8Array> {
  if (!compiler) return packWhole(reportDocument(ctx, parts));
  // A placeholder no text of the report can hold by chance.
  const nonce = randomUUID();
  const placeholder = (i: number) => new Paragraph({ text: `${nonce}:${i}` });
  const tables: LongTable[] = [];
  const doc = reportDocument(ctx, parts, (t) => placeholder(tables.push(t) - 1));
  const files = compiler.compile(doc);
  let xml = files.get(DOCUMENT_XML);
  const context: IContext = { file: doc, viewWrapper: doc.Document, stack: [] };
  for (const [i, t] of tables.entries()) {
    const mark = xmlOf(placeholder(i).prepForXml(context)!);
    const at = typeof xml === 'string' ? xml.indexOf(mark) : -1;
    if (typeof xml !== 'string' || at < 0 || xml.indexOf(mark, at + 1) >= 0)
      return packWhole(reportDocument(ctx, parts));
    xml = xml.slice(0, at) + longTableXml(t, context, sliceRows) + xml.slice(at + mark.length);
  }
  if (typeof xml === 'string') files.set(DOCUMENT_XML, xml);
  return zip(files);
}
