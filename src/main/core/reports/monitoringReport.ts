/**
 * The monitoring report: how the action plan progresses — status counts (table and chart),
 * overdue measures on the report date, each indicator's movement towards its target over time
 * (chart and table), and the progress updates recorded since a chosen date.
 */
import { lines } from '../../../shared/charts';
import { isEmpty, measureStatusChart } from '../../../shared/charts/dashboards';
import { MEASURE_STATUSES } from '../../../shared/domain/vocabulary';
import { daysOverdue, isOverdue, type ProgressUpdate } from '../../../shared/domain/actionPlan';
import { chartBlock, heading, para, table, type Block } from './blocks';
import type { ReportContext } from './context';
import type { PlanReportData } from './data';
import { contents, type ReportParts } from './document';
import { cover } from './cover';
import { number } from './planReport';

export function monitoringReport(d: PlanReportData, ctx: ReportContext, since: string): ReportParts {
  const { t, vocab } = ctx;
  const programmeName = ctx.programmeName ?? d.programme?.name ?? '';
  // Looked up once per progress update: a map, not a search of the measures each time.
  const measureById = new Map(d.measures.map((m) => [m.id, m]));
  const title = (id: string) => measureById.get(id)?.title ?? t.notAvailable;
  const unit = (id: string) => measureById.get(id)?.indicatorUnit ?? '';

  // The dashboards' chart of the plan's measures by status (src/shared/charts/dashboards.ts).
  const statusChart = measureStatusChart(
    {
      measures: d.measures.length,
      measuresByStatus: MEASURE_STATUSES.map((s) => ({
        status: s,
        count: d.measures.filter((m) => m.status === s).length,
      })),
    },
    {
      title: t.chartStatusTitle,
      alt: t.chartStatusAlt,
      empty: t.noMeasuresYet,
      header: t.status,
      count: t.count,
      statuses: vocab.measureStatus,
    },
  );

  const overdue = d.measures
    .filter((m) => isOverdue(m, ctx.reportDate))
    .map((m) => ({ m, days: daysOverdue(m, ctx.reportDate) }))
    .sort((a, b) => b.days - a.days);

  // Progress towards target: 0 % at the baseline, 100 % at the target.
  const series = d.measures
    .filter((m) => m.baseline !== null && m.target !== null && m.target !== m.baseline)
    .map((m) => ({
      name: m.title,
      points: d.progress
        .filter((p) => p.measureId === m.id && p.indicatorValue !== null)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((p) => ({
          x: p.date,
          y: Math.round((100 * (p.indicatorValue! - m.baseline!)) / (m.target! - m.baseline!)),
        })),
    }))
    .filter((s) => s.points.length > 0);

  const byMeasure = new Map<string, ProgressUpdate[]>();
  for (const p of [...d.progress].sort((a, b) => a.date.localeCompare(b.date)))
    byMeasure.set(p.measureId, [...(byMeasure.get(p.measureId) ?? []), p]);
  const changes = d.progress
    .filter((p) => p.date > since)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => {
      const history = byMeasure.get(p.measureId) ?? [];
      const previous = history[history.indexOf(p) - 1]?.status ?? 'not_started';
      return [
        ctx.date(p.date),
        title(p.measureId),
        vocab.measureStatus[previous],
        vocab.measureStatus[p.status],
        number(ctx, p.indicatorValue, unit(p.measureId)),
        p.note,
      ];
    });

  const body: Block[] = [
    ...contents(ctx),
    heading(t.statusCounts, 1),
    para(ctx.fill(t.monitoringIntro, { since: ctx.date(since) })),
    ...(isEmpty(statusChart) ? [para(statusChart.empty)] : chartBlock(ctx, statusChart, true)),
    heading(t.overdue, 1),
    para(ctx.fill(t.overdueIntro, { date: ctx.date(ctx.reportDate) })),
    overdue.length
      ? table(
          [t.measure, t.department, t.responsible, t.dueDate, t.daysOverdue, t.status],
          overdue.map(({ m, days }) => [
            m.title,
            m.department,
            m.responsibleId ? ctx.code(m.responsibleId) : t.unassigned,
            ctx.date(m.dueDate),
            days,
            vocab.measureStatus[m.status],
          ]),
          [28, 20, 15, 13, 10, 14],
        )
      : para(t.noOverdue),
    heading(t.indicators, 1),
    para(t.indicatorsIntro),
    ...(series.length
      ? chartBlock(
          ctx,
          lines({
            title: t.chartIndicatorsTitle,
            alt: ctx.fill(t.chartIndicatorsAlt, { count: series.length }),
            xHeader: t.date,
            seriesHeader: t.measure,
            yHeader: t.progressTowardsTarget,
            series,
            unit: ' %',
            axisDate: ctx.monthYear,
            tableDate: ctx.date,
          }),
        )
      : [para(t.noIndicators)]),
    heading(ctx.fill(t.changes, { since: ctx.date(since) }), 1),
    para(ctx.fill(t.changesIntro, { since: ctx.date(since) })),
    changes.length
      ? table(
          [t.date, t.measure, t.previousStatus, t.newStatus, t.latestValue, t.note],
          changes,
          [12, 24, 13, 13, 10, 28],
        )
      : para(t.noChanges),
  ];
  return {
    title: t.monitoringTitle,
    subject: programmeName,
    footer: t.monitoringTitle,
    cover: cover(ctx, {
      programme: d.programme,
      programmeName,
      title: t.monitoringTitle,
      lines: [],
      personalData: false,
      fallback: false,
    }),
    body,
  };
}
