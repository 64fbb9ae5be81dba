/**
 * The styles of every report, declared once by id. Headings use Word's built-in style ids
 * (Heading1…Heading3, named "heading 1"…, with outline levels), so Word's navigation pane and
 * the contents field work; the document language is set on the default run properties (w:lang),
 * so spelling and screen readers use the report's language.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { Language } from '../../../shared/domain/vocabulary';

export const FONT = 'Calibri';
export const COLOURS = { accent: '1F4E79', muted: '595959', headerFill: 'DCE6F1', rule: 'A6A6A6', note: 'FFF4CE' };

/** Paragraph style ids used by the builders (besides Word's Heading1–3 and Title). */
export const STYLE = {
  body: 'Normal',
  cover: 'CoverText',
  note: 'NoteBox',
  caption: 'Caption',
  tableText: 'TableText',
  tocHeading: 'TOCHeading',
  label: 'FieldLabel',
} as const;

export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };

const heading = (id: string, level: number, size: number, before: number) => ({
  id,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size, bold: true, color: COLOURS.accent },
  paragraph: {
    spacing: { before, after: 120 },
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
  },
});

export function reportStyles(language: Language): IStylesOptions {
  const lang = { value: LANGUAGE_TAGS[language], eastAsia: LANGUAGE_TAGS[language], bidirectional: 'ar-SA' };
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: lang },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 22, language: lang },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      heading('Heading1', 1, 36, 0),
      heading('Heading2', 2, 28, 280),
      heading('Heading3', 3, 24, 200),
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 56, bold: true, color: COLOURS.accent },
        paragraph: { spacing: { before: 480, after: 240 } },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: 32, color: COLOURS.muted },
        paragraph: { spacing: { after: 360 } },
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: FONT, size: 36, bold: true, color: COLOURS.accent },
        paragraph: { spacing: { after: 240 } },
      },
      {
        id: STYLE.cover,
        name: 'Cover Text',
        basedOn: 'Normal',
        run: { size: 26, color: '262626' },
        paragraph: { spacing: { after: 80 } },
      },
      {
        id: STYLE.note,
        name: 'Note Box',
        basedOn: 'Normal',
        run: { size: 21 },
        paragraph: {
          spacing: { before: 120, after: 120 },
          shading: { type: 'clear', fill: COLOURS.note, color: 'auto' },
          border: {
            left: { style: 'single', size: 18, color: 'BF8F00', space: 6 },
          },
          indent: { left: 120, right: 120 },
        },
      },
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 19, italics: true, color: COLOURS.muted },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 18 },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.label,
        name: 'Field Label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, size: 22, color: COLOURS.accent },
        paragraph: { spacing: { before: 120, after: 40 }, keepNext: true },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 18, color: COLOURS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
  };
}
