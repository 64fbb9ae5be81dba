/**
 * The cover page shared by the three reports: the programme's branding and logo, the report's
 * title, the facts that say what it covers, its date, and the notes a reader must see first —
 * whether it holds personal data, that people appear by code, how fallback texts are marked.
 */
import { AlignmentType, Paragraph, type FileChild } from 'docx';
import type { Programme } from '../../../shared/domain/programme';
import { note, picture } from './blocks';
import { imageSize } from './imageSize';
import type { ReportContext } from './context';
import { STYLE } from './styles';

export interface CoverInput {
  programme: Programme | null;
  programmeName: string;
  title: string;
  subtitle?: string;
  lines: [string, string][];
  /** Whether the report is one that may hold personal data (then it always says which way). */
  personalData: boolean;
  /** Whether some text is shown in another language than the report's. */
  fallback: boolean;
}

export function cover(ctx: ReportContext, c: CoverInput): FileChild[] {
  const { t } = ctx;
  const out: FileChild[] = [];
  if (ctx.logo) {
    const size = imageSize(ctx.logo.data) ?? { width: 200, height: 80 };
    const scale = Math.min(1, 220 / size.width, 110 / size.height);
    out.push(
      ...picture(
        ctx.logo.data,
        ctx.logo.type,
        { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        {
          title: ctx.fill(t.logoAlt, { name: c.programmeName }),
          description: ctx.fill(t.logoAlt, { name: c.programmeName }),
        },
      ),
    );
  }
  if (c.programme?.reportBranding) out.push(new Paragraph({ style: STYLE.cover, text: c.programme.reportBranding }));
  out.push(new Paragraph({ style: STYLE.cover, children: [], spacing: { after: 1200 } }));
  out.push(new Paragraph({ style: 'Title', text: c.title }));
  if (c.subtitle) out.push(new Paragraph({ style: 'Subtitle', text: c.subtitle }));
  if (c.programmeName) out.push(new Paragraph({ style: STYLE.cover, text: c.programmeName }));
  for (const [label, value] of c.lines) out.push(new Paragraph({ style: STYLE.cover, text: `${label}: ${value}` }));
  if (c.programme) {
    out.push(new Paragraph({ style: STYLE.cover, text: `${t.city}: ${c.programme.city}` }));
    if (c.programme.coordinatingOffice)
      out.push(
        new Paragraph({ style: STYLE.cover, text: `${t.coordinatingOffice}: ${c.programme.coordinatingOffice}` }),
      );
  }
  out.push(
    new Paragraph({
      style: STYLE.cover,
      text: `${t.reportDate}: ${ctx.date(ctx.reportDate)}`,
      spacing: { before: 240, after: 600 },
    }),
  );
  if (c.personalData) out.push(note(ctx.includePersonalData ? t.personalDataIncluded : t.personalDataExcluded));
  out.push(note(t.pseudonymNote));
  if (c.fallback) out.push(note(ctx.fill(t.fallbackNote, { lang: ctx.language === 'en' ? 'es' : 'en' })));
  out.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [] }));
  return out;
}
