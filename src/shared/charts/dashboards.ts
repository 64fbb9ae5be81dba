/**
 * The dashboards' charts: plain dashboard data (src/shared/domain/dashboards.ts) and translated
 * texts in, `DashboardChart`s out, built with the builders of ./index.ts so they keep its
 * invariants (labels, decal patterns, marker shapes, a table per chart; never colour alone).
 *
 * An empty dataset gives a chart whose `empty` says so in words: a screen shows that message
 * instead of a blank picture (`isEmpty`).
 */
import type { LocalizedText } from '../domain/common';
import type { AuditDashboard, IndicatorSeries, ProgrammeDashboard } from '../domain/dashboards';
import { MEASURE_STATUSES, RATINGS, SEVERITIES, type Rating } from '../domain/vocabulary';
import { bars, lines, stackedBars, type Chart, type LineSeries } from './index';

const DAY = 86_400_000;

/** A chart, or the message that takes its place when there is nothing to draw. */
export type DashboardChart = Chart & { empty: string | null };

/** Whether the chart has nothing to draw (show `chart.empty` instead). */
export const isEmpty = (chart: DashboardChart): chart is DashboardChart & { empty: string } => chart.empty !== null;

/** The texts every chart needs, already in the reader's language. */
export interface ChartTexts {
  title: string;
  alt: string;
  /** Shown instead of the chart when the dataset is empty. */
  empty: string;
}

/** A bar chart of counts with the same column names as its table. */
interface CountTexts extends ChartTexts {
  header: string;
  count: string;
}

const withEmpty = (chart: Chart, empty: boolean, message: string): DashboardChart => ({
  ...chart,
  empty: empty ? message : null,
});

type XAxis = { axisLabel?: Record<string, unknown> } & Record<string, unknown>;
/** The chart with more settings on its (single) x axis, its labels' settings merged. */
function onXAxis(chart: Chart, more: XAxis): Chart {
  const x = chart.option.xAxis as XAxis;
  return {
    ...chart,
    option: { ...chart.option, xAxis: { ...x, ...more, axisLabel: { ...x.axisLabel, ...more.axisLabel } } },
  };
}

/** Bars of counts; more than four categories get slanted labels so long names do not overlap. */
function countBars(t: CountTexts, items: { label: string; value: number }[]): Chart {
  const chart = bars({ title: t.title, alt: t.alt, header: t.header, valueHeader: t.count, items });
  if (items.length <= 4) return chart;
  const slanted = onXAxis(chart, { axisLabel: { rotate: 30 } });
  // Room on the left for the first slanted label.
  return { ...slanted, option: { ...slanted.option, grid: { ...(slanted.option.grid as object), left: 48 } } };
}

/**
 * Compliance per section: a stacked bar per section, a segment per rating, and one for the
 * criteria without a rated result. Empty while no criterion has a consolidated rating.
 */
export function complianceChart(
  data: AuditDashboard,
  t: ChartTexts & {
    section: string;
    total: string;
    noRating: string;
    ratings: Readonly<Record<Rating, string>>;
    localize: (text: LocalizedText) => string;
  },
): DashboardChart {
  const chart = stackedBars({
    title: t.title,
    alt: t.alt,
    rowHeader: t.section,
    totalHeader: t.total,
    series: [...RATINGS.map((r) => t.ratings[r]), t.noRating],
    rows: data.sections.map((s) => ({
      label: t.localize(s.title),
      values: [...RATINGS.map((r) => s.ratings[r]), s.noRating],
    })),
  });
  const rated = data.sections.some((s) => RATINGS.some((r) => s.ratings[r] > 0));
  return withEmpty(chart, !rated, t.empty);
}

/** Findings by ground (a finding counts under each of its grounds), and those without one. */
export function findingsByGroundChart(
  data: Pick<ProgrammeDashboard, 'findings' | 'findingsByGround' | 'findingsWithoutGround'>,
  t: CountTexts & { withoutGround: string; localize: (text: LocalizedText) => string },
): DashboardChart {
  const items = data.findingsByGround.map((g) => ({ label: t.localize(g.label) || g.code, value: g.count }));
  if (data.findingsWithoutGround > 0) items.push({ label: t.withoutGround, value: data.findingsWithoutGround });
  return withEmpty(countBars(t, items), data.findings === 0, t.empty);
}

/** Findings by severity, every severity shown (0 included), from low to critical. */
export function findingsBySeverityChart(
  data: Pick<ProgrammeDashboard, 'findings' | 'findingsBySeverity'>,
  t: CountTexts & { severities: Readonly<Record<(typeof SEVERITIES)[number], string>> },
): DashboardChart {
  const counts = new Map(data.findingsBySeverity.map((s) => [s.severity, s.count]));
  const chart = countBars(
    t,
    SEVERITIES.map((s) => ({ label: t.severities[s], value: counts.get(s) ?? 0 })),
  );
  return withEmpty(chart, data.findings === 0, t.empty);
}

/** Findings by audited service. */
export function findingsByServiceChart(
  data: Pick<ProgrammeDashboard, 'findingsByService'>,
  t: CountTexts,
): DashboardChart {
  const chart = countBars(
    t,
    data.findingsByService.map((s) => ({ label: s.name, value: s.count })),
  );
  return withEmpty(chart, data.findingsByService.length === 0, t.empty);
}

/** The action plan's measures by status, every status shown (0 included). */
export function measureStatusChart(
  data: Pick<ProgrammeDashboard, 'measures' | 'measuresByStatus'>,
  t: CountTexts & { statuses: Readonly<Record<(typeof MEASURE_STATUSES)[number], string>> },
): DashboardChart {
  const counts = new Map(data.measuresByStatus.map((s) => [s.status, s.count]));
  const chart = countBars(
    t,
    MEASURE_STATUSES.map((s) => ({ label: t.statuses[s], value: counts.get(s) ?? 0 })),
  );
  return withEmpty(chart, data.measures === 0, t.empty);
}

/**
 * One indicator over time: its values, and its baseline and target as level lines from its first
 * to its last date (each its own marker and line style, named in the legend and the table).
 */
export function indicatorChart(
  data: IndicatorSeries,
  t: ChartTexts & {
    date: string;
    series: string;
    value: string;
    /** Names of the three lines. */
    values: string;
    baseline: string;
    target: string;
    axisDate?: (iso: string) => string;
    tableDate?: (iso: string) => string;
  },
): DashboardChart {
  const first = data.points[0]?.date;
  const last = data.points[data.points.length - 1]?.date;
  const level = (name: string, y: number | null): LineSeries[] =>
    y === null || first === undefined || last === undefined
      ? []
      : [
          {
            name,
            points:
              first === last
                ? [{ x: first, y }]
                : [
                    { x: first, y },
                    { x: last, y },
                  ],
          },
        ];
  const chart = lines({
    title: t.title,
    alt: t.alt,
    xHeader: t.date,
    seriesHeader: t.series,
    yHeader: t.value,
    series: [
      { name: t.values, points: data.points.map((p) => ({ x: p.date, y: p.value })) },
      ...level(t.baseline, data.baseline),
      ...level(t.target, data.target),
    ],
    ...(t.axisDate ? { axisDate: t.axisDate } : {}),
    ...(t.tableDate ? { tableDate: t.tableDate } : {}),
  });
  // Dates, not hours: a tick is at least a day apart, even when every point falls on one date.
  return withEmpty(onXAxis(chart, { minInterval: DAY }), data.points.length === 0, t.empty);
}
