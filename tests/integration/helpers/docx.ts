/** Reads a generated .docx back: its XML parts, and the text a reader sees. */
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  footers: string[];
  /** Every XML part of the package, joined (to prove something appears nowhere). */
  everything: string;
  /** The document's visible text, tags stripped and entities decoded, runs of one paragraph joined. */
  text: string;
}

export const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text of a WordprocessingML part: one line per paragraph. */
export function textOf(xml: string): string {
  return decode(
    xml
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
      .replace(/<[^>]+>/g, ''),
  );
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const xmlNames = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const parts = new Map<string, string>();
  for (const n of xmlNames) parts.set(n, await zip.file(n)!.async('string'));
  const document = parts.get('word/document.xml') ?? '';
  return {
    document,
    styles: parts.get('word/styles.xml') ?? '',
    footers: [...parts].filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, x]) => x),
    everything: [...parts.values()].join('\n'),
    text: textOf(document),
  };
}

/** The tables of a document part, each as its XML. */
export const tablesOf = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
