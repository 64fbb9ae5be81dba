/**
 * The Local Action Plan: the programme's measures grouped by action area, each with its owners,
 * dates, indicator, status and budget, and the recommendations and findings behind it (linked
 * back to the audit and service they came from). People appear by code only.
 */
import type { FileChild } from 'docx';
import { ACTION_AREAS, MEASURE_STATUSES } from '../../../shared/domain/vocabulary';
import type { Measure, ProgressUpdate } from '../../../shared/domain/actionPlan';
import { actionAreaName } from '../../../shared/domain/programme';
import { bullet, facts, gap, heading, para, table, type Block } from './blocks';
import type { ReportContext } from './context';
import type { PlanReportData } from './data';
import { contents, type ReportParts } from './document';
import { cover } from './cover';

/** The latest progress update of each measure that has one. */
export function latestProgress(progress: ProgressUpdate[]): Map<string, ProgressUpdate> {
  const latest = new Map<string, ProgressUpdate>();
  for (const p of progress) {
    const l = latest.get(p.measureId);
    if (!l || p.date >= l.date) latest.set(p.measureId, p);
  }
  return latest;
}

/** The latest indicator value of a measure, or null. */
export function latestValue(progress: ProgressUpdate[], measureId: string): number | null {
  let best: ProgressUpdate | null = null;
  for (const p of progress)
    if (p.measureId === measureId && p.indicatorValue !== null && (!best || p.date >= best.date)) best = p;
  return best?.indicatorValue ?? null;
}

/** A number in the report's language, with the indicator's unit when it has one. */
export const number = (ctx: ReportContext, n: number | null, unit = ''): string =>
  n === null
    ? ctx.t.notAvailable
    : `${new Intl.NumberFormat(ctx.language === 'es' ? 'es-ES' : 'en-GB').format(n)}${unit ? ` ${unit}` : ''}`;

function money(ctx: ReportContext, n: number | null): string {
  return n === null
    ? ctx.t.notAvailable
    : new Intl.NumberFormat(ctx.language === 'es' ? 'es-ES' : 'en-GB', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(n);
}

function measureBlock(d: PlanReportData, ctx: ReportContext, m: Measure, n: string): FileChild[] {
  const { t, vocab } = ctx;
  const recs = m.recommendationIds
    .map((id) => d.recommendations.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const out: FileChild[] = [
    heading(`${n} ${m.title}`, 2),
    ...(m.description ? [para(m.description)] : []),
    facts(ctx, [
      [t.status, vocab.measureStatus[m.status] + (m.statusReason ? ` — ${m.statusReason}` : '')],
      [t.department, m.department],
      [t.responsible, m.responsibleId ? ctx.code(m.responsibleId) : t.unassigned],
      [t.startDate, ctx.date(m.startDate)],
      [t.dueDate, ctx.date(m.dueDate)],
      [t.indicator, m.indicator],
      [t.baseline, number(ctx, m.baseline, m.indicatorUnit)],
      [t.target, number(ctx, m.target, m.indicatorUnit)],
      [t.latestValue, number(ctx, latestValue(d.progress, m.id), m.indicatorUnit)],
      [t.budget, money(ctx, m.budget)],
    ]),
    para(t.behind, 'FieldLabel'),
  ];
  if (!recs.length) out.push(para(t.noneBehind));
  for (const r of recs) {
    const audit = d.audits.find((a) => a.id === r.auditId);
    const service = audit ? d.services.find((s) => s.id === audit.serviceId) : undefined;
    out.push(bullet(`${t.recommendation}: ${r.title}${service ? ` (${service.name})` : ''}`));
    for (const fid of r.findingIds) {
      const f = d.findings.find((x) => x.id === fid);
      if (f) out.push(bullet(`${t.finding}: ${f.title} — ${t.severity}: ${vocab.severity[f.severity]}`));
    }
  }
  out.push(gap());
  return out;
}

export function planReport(d: PlanReportData, ctx: ReportContext): ReportParts {
  const { t, vocab } = ctx;
  const areas = ACTION_AREAS.filter((a) => d.measures.some((m) => m.actionArea === a));
  const recIds = new Set(d.measures.flatMap((m) => m.recommendationIds));
  const auditIds = new Set(d.recommendations.filter((r) => recIds.has(r.id)).map((r) => r.auditId));
  const programmeName = ctx.programmeName ?? d.programme?.name ?? '';
  // The programme's own names of the areas where it renamed them, else the defaults.
  const areaName = (a: (typeof ACTION_AREAS)[number]) =>
    actionAreaName(d.programme?.actionAreaNames, a, ctx.language, (x) => vocab.actionArea[x]);
  const body: Block[] = [
    ...contents(ctx),
    heading(t.planSummary, 1),
    para(t.planIntro),
    para(
      ctx.fill(t.planSummaryText, {
        measures: d.measures.length,
        areas: areas.length,
        recommendations: recIds.size,
        audits: auditIds.size,
      }),
    ),
    heading(t.measuresByArea, 2),
    table(
      [t.area, t.measures],
      ACTION_AREAS.map((a) => [areaName(a), d.measures.filter((m) => m.actionArea === a).length]),
      [70, 30],
    ),
    heading(t.measuresByStatus, 2),
    table(
      [t.status, t.measures],
      MEASURE_STATUSES.map((s) => [vocab.measureStatus[s], d.measures.filter((m) => m.status === s).length]),
      [70, 30],
    ),
  ];
  areas.forEach((area, ai) => {
    body.push(heading(`${ai + 1}. ${areaName(area)}`, 1));
    d.measures
      .filter((m) => m.actionArea === area)
      .forEach((m, mi) => body.push(...measureBlock(d, ctx, m, `${ai + 1}.${mi + 1}`)));
  });
  return {
    title: t.planTitle,
    subject: programmeName,
    footer: t.planTitle,
    cover: cover(ctx, {
      programme: d.programme,
      programmeName,
      title: t.planTitle,
      lines: d.programme?.periodStart
        ? [[t.period, `${ctx.date(d.programme.periodStart)} – ${ctx.date(d.programme.periodEnd)}`]]
        : [],
      personalData: false,
      fallback: false,
    }),
    body,
  };
}
