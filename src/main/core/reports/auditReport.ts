/**
 * The audit recommendations report of one audited service ("guide of recommendations and
 * improvements"): cover, contents, executive summary, scope and method, compliance by section
 * (table and chart), findings in audit form with their evidence, recommendations with the
 * manager's answer, and the annexes (checklist results, observation log, photographs).
 *
 * Each section is a pure function `(model, ctx) => docx elements`. People appear by code only;
 * what the data layer withheld as personal data is only counted, never shown.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { complianceChart, isEmpty } from '../../../shared/charts/dashboards';
import { RATINGS, type Rating } from '../../../shared/domain/vocabulary';
import type { Criterion } from '../../../shared/domain/template';
import type {
  Attachment,
  ConsolidatedResult,
  Observation,
  Response,
  SituationTest,
} from '../../../shared/domain/audit';
import type { EvidenceLink } from '../../../shared/domain/evidence';
import {
  bullet,
  facts,
  gap,
  heading,
  labelled,
  LongTable,
  note,
  para,
  picture,
  runs,
  table,
  type Block,
  type Cell,
} from './blocks';
import type { ReportContext } from './context';
import type { AuditReportData } from './data';
import type { ReportParts } from './document';
import { contents } from './document';
import { cover } from './cover';
import { imageSize } from './imageSize';

/** One criterion with what the team said about it. */
export interface CriterionResult {
  criterion: Criterion;
  number: string;
  responses: Response[];
  /** The team's result: the consolidated one, or the auditors' shared rating. */
  rating: Rating | null;
  value: string;
  note: string;
  disagreement: boolean;
}

export interface AuditModel {
  data: AuditReportData;
  sections: { title: Record<string, string>; results: CriterionResult[] }[];
  criteriaCount: number;
  /** The records evidence can point at, by id (a large audit has thousands of observations). */
  byId: {
    observations: ReadonlyMap<string, Observation>;
    responses: ReadonlyMap<string, Response>;
    consolidated: ReadonlyMap<string, ConsolidatedResult>;
    situationTests: ReadonlyMap<string, SituationTest>;
    attachments: ReadonlyMap<string, Attachment>;
    criteria: ReadonlyMap<string, Criterion>;
  };
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((x) => [x.id, x]));

const IMAGE_TYPES: Record<string, 'png' | 'jpg'> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

function valueText(ctx: ReportContext, c: Criterion, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (c.responseType === 'choice' && typeof value === 'number') return ctx.loc(c.choices[value]) || String(value);
  return String(value);
}

/** Works out each criterion's result (pure; shared by the summary, the chart and annex A). */
export function auditModel(data: AuditReportData, ctx: ReportContext): AuditModel {
  const responses = new Map<string, Response[]>();
  for (const r of data.responses) responses.set(r.criterionId, [...(responses.get(r.criterionId) ?? []), r]);
  const consolidated = new Map(data.consolidated.map((c) => [c.criterionId, c]));
  let criteriaCount = 0;
  const sections = data.sections.map((s, si) => ({
    title: s.title,
    results: s.criteria.map((c, ci): CriterionResult => {
      criteriaCount++;
      const rs = responses.get(c.id) ?? [];
      const ratings = new Set(rs.map((r) => r.rating));
      const values = new Set(rs.map((r) => JSON.stringify(r.value)));
      const disagreement = rs.length >= 2 && (ratings.size > 1 || values.size > 1);
      const decided = consolidated.get(c.id);
      const shared = !disagreement && rs.length > 0 ? rs[0]! : null;
      return {
        criterion: c,
        number: `${si + 1}.${ci + 1}`,
        responses: rs,
        rating: decided ? decided.rating : (shared?.rating ?? null),
        value: valueText(ctx, c, decided ? decided.value : shared?.value),
        note: decided?.note ?? '',
        disagreement,
      };
    }),
  }));
  return {
    data,
    sections,
    criteriaCount,
    byId: {
      observations: byId(data.observations),
      responses: byId(data.responses),
      consolidated: byId(data.consolidated),
      situationTests: byId(data.situationTests),
      attachments: byId(data.attachments),
      criteria: byId(data.sections.flatMap((x) => x.criteria)),
    },
  };
}

const countBy = <T extends string>(items: T[], keys: readonly T[]): [T, number][] =>
  keys.map((k) => [k, items.filter((i) => i === k).length]);

function summary(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const all = m.sections.flatMap((s) => s.results);
  const rated = all.filter((r) => r.rating !== null && r.rating !== 'not_applicable');
  const compliant = rated.filter((r) => r.rating === 'compliant').length;
  const answered = m.data.recommendations.filter((r) => m.data.answers.some((a) => a.recommendationId === r.id));
  const line = (pairs: [string, number][], label: (k: string) => string) =>
    pairs
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${label(k)}: ${n}`)
      .join(' · ') || t.notAvailable;
  return [
    heading(t.summary, 1),
    para(
      ctx.fill(t.summaryText, {
        service: m.data.service.name,
        criteria: m.criteriaCount,
        sections: m.sections.length,
        compliant,
        rated: rated.length,
        rate: ctx.percent(compliant, rated.length),
        findings: m.data.findings.length,
        recommendations: m.data.recommendations.length,
        answered: answered.length,
      }),
    ),
    heading(t.keyFigures, 2),
    facts(ctx, [
      [t.criteriaAssessed, String(m.criteriaCount)],
      [t.complianceRate, `${compliant} / ${rated.length} (${ctx.percent(compliant, rated.length)})`],
      [
        t.findingsBySeverity,
        line(
          countBy(
            m.data.findings.map((f) => f.severity),
            ['critical', 'high', 'medium', 'low'],
          ),
          (k) => vocab.severity[k as keyof typeof vocab.severity],
        ),
      ],
      [
        t.recommendationsByPriority,
        line(
          countBy(
            m.data.recommendations.map((r) => r.priority),
            ['high', 'medium', 'low'],
          ),
          (k) => vocab.priority[k as keyof typeof vocab.priority],
        ),
      ],
      [
        t.answersByDecision,
        line(
          countBy(
            m.data.answers.map((a) => a.decision),
            ['accepted', 'partly_accepted', 'rejected'],
          ),
          (k) => vocab.decision[k as keyof typeof vocab.decision],
        ),
      ],
    ]),
  ];
}

function scopeAndMethod(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const a = m.data.audit;
  const team = [...new Set([...(a.leadId ? [a.leadId] : []), ...a.teamIds])];
  const comparable = m.sections.flatMap((s) => s.results).filter((r) => r.responses.length >= 2);
  const agreeing = comparable.filter((r) => !r.disagreement).length;
  const out: FileChild[] = [
    heading(t.scope, 1),
    ...labelled(t.scopeOfAudit, a.scope),
    heading(t.methods, 2),
    ...a.methods.map((x) => bullet(vocab.method[x])),
    heading(t.dates, 2),
    table(
      ['', t.from, t.to],
      [
        [{ text: t.planned, bold: true }, ctx.date(a.plannedStart), ctx.date(a.plannedEnd)],
        [{ text: t.actual, bold: true }, ctx.date(a.actualStart), ctx.date(a.actualEnd)],
      ],
      [30, 35, 35],
    ),
    gap(),
    para(`${t.status}: ${vocab.auditStatus[a.status]}`),
    heading(t.team, 2),
    para(t.teamNote),
    table(
      [t.code, t.teamRole],
      team.map((id) => [ctx.code(id), id === a.leadId ? t.lead : t.member]),
      [40, 60],
    ),
    heading(t.agreement, 2),
    para(
      comparable.length
        ? ctx.fill(t.agreementText, {
            agreeing,
            comparable: comparable.length,
            rate: ctx.percent(agreeing, comparable.length),
          })
        : t.noAgreement,
    ),
  ];
  if (m.data.situationTests.length) {
    out.push(
      heading(t.situationTests, 2),
      table(
        [t.conductedOn, t.scenario, t.groundTested, t.testerA, t.testerB, t.differentialTreatment],
        m.data.situationTests.map((s) => [
          ctx.date(s.conductedOn),
          s.scenario,
          ctx.loc(m.data.grounds.get(s.groundTested)) || s.groundTested,
          s.testerACode,
          s.testerBCode,
          s.differentialTreatment === null ? t.unknown : s.differentialTreatment ? t.yes : t.no,
        ]),
        [12, 40, 14, 10, 10, 14],
      ),
    );
  }
  return out;
}

function compliance(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const rows = m.sections.map((s) => ({
    label: ctx.loc(s.title),
    values: RATINGS.map((r) => s.results.filter((x) => x.rating === r).length),
    unrated: s.results.filter((x) => x.rating === null).length,
  }));
  // The dashboards' chart of an audit's compliance (src/shared/charts/dashboards.ts), from this
  // report's results: the app's Overview tab and the report draw the same picture.
  const chart = complianceChart(
    {
      auditId: m.data.audit.id,
      results: rows.reduce((n, r) => n + r.values.reduce((a, b) => a + b, 0), 0),
      sections: m.sections.map((s, i) => ({
        sectionId: String(i),
        title: s.title,
        criteria: s.results.length,
        ratings: Object.fromEntries(RATINGS.map((r, ri) => [r, rows[i]!.values[ri]!])) as Record<Rating, number>,
        noRating: rows[i]!.unrated,
      })),
    },
    {
      title: t.chartComplianceTitle,
      alt: t.chartComplianceAlt,
      empty: t.chartComplianceEmpty,
      section: t.section,
      total: t.total,
      noRating: t.notRated,
      ratings: vocab.rating,
      localize: (text) => ctx.loc(text),
    },
  );
  const summary = [
    heading(t.compliance, 1),
    para(t.complianceIntro),
    table(
      [t.section, ...RATINGS.map((r) => vocab.rating[r]), t.notRated, t.total],
      rows.map((r) => [r.label, ...r.values, r.unrated, r.values.reduce((a, b) => a + b, 0) + r.unrated]),
      [20, 12, 12, 12, 12, 12, 10, 10],
    ),
    gap(),
  ];
  if (isEmpty(chart)) return [...summary, para(chart.empty)];
  const picture_ = ctx.io.renderChart(chart);
  return [
    ...summary,
    ...picture(
      picture_.png,
      'png',
      { width: chart.width, height: chart.height },
      { title: chart.title, description: chart.alt },
      chart.title,
    ),
  ];
}

function criterionText(m: AuditModel, ctx: ReportContext, criterionId: string): string {
  const c = m.byId.criteria.get(criterionId);
  return c ? ctx.loc(c.text) : ctx.t.notAvailable;
}

/** The evidence of a finding, one bullet each; withheld records are counted, not shown. */
function evidence(m: AuditModel, ctx: ReportContext, links: EvidenceLink[]): FileChild[] {
  const { t, vocab } = ctx;
  const d = m.data;
  const out: FileChild[] = [];
  let withheld = 0;
  for (const link of links) {
    switch (link.kind) {
      case 'observation': {
        const o = m.byId.observations.get(link.id);
        if (!o) {
          if (d.withheldObservationIds.has(link.id)) withheld++;
          break;
        }
        out.push(
          bullet([
            new TextRun({
              text: `${ctx.fill(t.evidenceObservation, { date: ctx.dateTime(o.observedAt), code: ctx.code(o.authorId) })}${o.personalData ? ` (${t.personalDataMark})` : ''}: `,
              bold: true,
            }),
            ...runs(o.narrative),
          ]),
        );
        break;
      }
      case 'response': {
        const r = m.byId.responses.get(link.id);
        if (r)
          out.push(
            bullet(
              ctx.fill(t.evidenceResponse, {
                code: ctx.code(r.auditorId),
                criterion: criterionText(m, ctx, r.criterionId),
                rating: r.rating ? vocab.rating[r.rating] : String(r.value ?? t.notAvailable),
              }) + (r.note ? ` — ${r.note}` : ''),
            ),
          );
        break;
      }
      case 'consolidated_result': {
        const c = m.byId.consolidated.get(link.id);
        if (c)
          out.push(
            bullet(
              ctx.fill(t.evidenceConsolidated, {
                criterion: criterionText(m, ctx, c.criterionId),
                rating: c.rating ? vocab.rating[c.rating] : String(c.value ?? t.notAvailable),
              }) + (c.note ? ` — ${c.note}` : ''),
            ),
          );
        break;
      }
      case 'situation_test': {
        const s = m.byId.situationTests.get(link.id);
        if (s) {
          const outcome = [
            s.outcomeA && `${s.testerACode}: ${s.outcomeA}`,
            s.outcomeB && `${s.testerBCode}: ${s.outcomeB}`,
          ]
            .filter(Boolean)
            .join(' / ');
          out.push(
            bullet(
              ctx.fill(t.evidenceSituationTest, { date: ctx.date(s.conductedOn), scenario: s.scenario }) +
                (outcome ? ` — ${outcome}` : ''),
            ),
          );
        }
        break;
      }
      case 'attachment': {
        const a = m.byId.attachments.get(link.id);
        if (!a) {
          if (d.withheldAttachmentIds.has(link.id)) withheld++;
          break;
        }
        out.push(bullet(ctx.fill(t.evidenceAttachment, { name: a.caption || a.fileName })));
        break;
      }
    }
  }
  if (withheld) out.push(note(ctx.fill(t.evidenceWithheld, { count: withheld })));
  if (out.length === 0) out.push(para(t.noEvidence));
  return out;
}

function findings(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const out: FileChild[] = [heading(t.findings, 1), para(t.findingsIntro)];
  if (!m.data.findings.length) out.push(para(t.noFindings));
  m.data.findings.forEach((f, i) => {
    out.push(
      heading(`${i + 1}. ${f.title}`, 2),
      facts(ctx, [
        [t.severity, vocab.severity[f.severity]],
        [t.type, vocab.findingType[f.type] + (f.structuralKind ? ` — ${vocab.structuralKind[f.structuralKind]}` : '')],
        [t.grounds, f.grounds.map((g) => ctx.loc(m.data.grounds.get(g)) || g).join(', ')],
      ]),
      ...labelled(t.criterion, f.criterion),
      ...labelled(t.condition, f.condition),
      ...labelled(t.cause, f.cause),
      ...labelled(t.effect, f.effect),
      heading(t.evidence, 3),
      ...evidence(m, ctx, f.evidence),
    );
  });
  return out;
}

function recommendations(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const out: FileChild[] = [heading(t.recommendations, 1), para(t.recommendationsIntro)];
  if (!m.data.recommendations.length) out.push(para(t.noRecommendations));
  const findingNo = new Map(m.data.findings.map((f, i) => [f.id, `${i + 1}. ${f.title}`]));
  m.data.recommendations.forEach((r, i) => {
    const answer = m.data.answers.find((a) => a.recommendationId === r.id);
    out.push(
      heading(`R${i + 1}. ${r.title}`, 2),
      facts(ctx, [
        [t.priority, vocab.priority[r.priority]],
        [t.addresses, r.findingIds.map((id) => findingNo.get(id) ?? t.notAvailable).join('\n')],
        // Said only when the recommendation is addressed beyond the audited service.
        ...(r.addressedTo ? [[t.addressedTo, r.addressedTo] as [string, string]] : []),
      ]),
      ...(r.text ? [para(r.text)] : []),
      heading(t.managerAnswer, 3),
    );
    if (!answer) out.push(para(t.noAnswer));
    else
      out.push(
        facts(ctx, [
          [t.decision, vocab.decision[answer.decision]],
          [t.justification, answer.justification],
          [t.committedMeasure, answer.committedMeasure],
          ...(answer.committedBy ? [[t.committedBy, ctx.date(answer.committedBy)] as [string, string]] : []),
        ]),
        new Paragraph({
          style: 'Caption',
          text: ctx.fill(t.answeredBy, { code: ctx.code(answer.managerId), date: ctx.date(answer.respondedAt) }),
        }),
      );
  });
  return out;
}

function annexChecklist(m: AuditModel, ctx: ReportContext): FileChild[] {
  const { t, vocab } = ctx;
  const out: FileChild[] = [heading(t.annexChecklist, 1), para(t.annexChecklistIntro)];
  for (const s of m.sections) {
    out.push(heading(ctx.loc(s.title), 2));
    out.push(
      table(
        [t.number, t.criterion, t.ratings, t.result, t.note],
        s.results.map((r): Cell[] => [
          r.number,
          ctx.loc(r.criterion.text) + (r.criterion.reference ? `\n(${r.criterion.reference})` : ''),
          r.responses
            .map(
              (x) =>
                `${ctx.code(x.auditorId)}: ${x.rating ? vocab.rating[x.rating] : valueText(ctx, r.criterion, x.value) || t.notAvailable}`,
            )
            .join('\n') || t.notAvailable,
          {
            text:
              (r.rating ? vocab.rating[r.rating] : r.value || t.notRated) +
              (r.disagreement ? `\n(${t.disagreement})` : ''),
            bold: r.disagreement,
          },
          r.note,
        ]),
        // Wide enough for a bold "(Disagreement)" and a choice's text without breaking words.
        [6, 32, 20, 20, 22],
      ),
    );
  }
  return out;
}

function annexObservations(m: AuditModel, ctx: ReportContext): Block[] {
  const { t, vocab } = ctx;
  const d = m.data;
  const out: Block[] = [heading(t.annexObservations, 1), para(t.annexObservationsIntro)];
  out.push(note(ctx.includePersonalData ? t.personalDataIncluded : t.personalDataExcluded));
  if (!d.observations.length) out.push(para(t.noObservations));
  else
    // The log can run to thousands of rows: a long table, made into docx rows a slice at a time.
    out.push(
      new LongTable(
        [t.observedAt, t.location, t.method, t.author, t.severity, t.narrative],
        d.observations.length,
        (i) => {
          const o = d.observations[i]!;
          return [
            ctx.dateTime(o.observedAt),
            o.location,
            vocab.method[o.method],
            ctx.code(o.authorId),
            o.severity ? vocab.severity[o.severity] : t.notAvailable,
            o.narrative +
              (o.grounds.length
                ? `\n${t.grounds}: ${o.grounds.map((g) => ctx.loc(d.grounds.get(g)) || g).join(', ')}`
                : '') +
              (o.personalData ? `\n(${t.personalDataMark})` : ''),
          ];
        },
        [14, 14, 12, 9, 11, 40],
      ),
    );
  const images = d.attachments.filter((a) => IMAGE_TYPES[a.mediaType]);
  const pictures: FileChild[] = [];
  for (const a of images) {
    const bytes = ctx.io.readAttachment(a.sha256);
    const size = bytes ? imageSize(bytes) : null;
    if (!bytes || !size) continue;
    const caption = a.caption || a.fileName;
    pictures.push(
      ...picture(
        bytes,
        IMAGE_TYPES[a.mediaType]!,
        size,
        { title: caption, description: ctx.fill(t.imageAlt, { caption }) },
        caption,
      ),
    );
  }
  if (pictures.length) out.push(heading(t.annexImages, 1), ...pictures);
  return out;
}

export function auditReport(data: AuditReportData, ctx: ReportContext): ReportParts {
  const m = auditModel(data, ctx);
  const { t } = ctx;
  const programmeName = ctx.programmeName ?? data.programme?.name ?? '';
  return {
    title: `${t.auditReportTitle} — ${data.service.name}`,
    subject: data.audit.title,
    footer: `${t.auditReportTitle} — ${data.service.name}`,
    cover: cover(ctx, {
      programme: data.programme,
      programmeName,
      title: t.auditReportTitle,
      subtitle: t.auditReportSubtitle,
      lines: [
        [t.service, data.service.name],
        [t.auditTitle, data.audit.title],
        [t.status, ctx.vocab.auditStatus[data.audit.status]],
      ],
      personalData: true,
      fallback: hasFallback(m, ctx),
    }),
    body: [
      ...contents(ctx),
      ...summary(m, ctx),
      ...scopeAndMethod(m, ctx),
      ...compliance(m, ctx),
      ...findings(m, ctx),
      ...recommendations(m, ctx),
      ...annexChecklist(m, ctx),
      ...annexObservations(m, ctx),
    ],
  };
}

function hasFallback(m: AuditModel, ctx: ReportContext): boolean {
  const texts = [
    ...m.sections.map((s) => s.title),
    ...m.sections.flatMap((s) => s.results.map((r) => r.criterion.text)),
  ];
  return texts.some((x) => !x[ctx.language]?.trim());
}
