/**
 * The dashboards' chart builders (src/shared/charts/dashboards.ts): for given data, their options
 * (series, labels, patterns, markers, titles) and tables; an empty dataset gives the empty-state
 * message, never a blank chart.
 */
import { describe, expect, it } from 'vitest';
import {
  complianceChart,
  findingsByGroundChart,
  findingsBySeverityChart,
  findingsByServiceChart,
  indicatorChart,
  isEmpty,
  measureStatusChart,
} from '../../src/shared/charts/dashboards';
import type { AuditDashboard, IndicatorSeries, ProgrammeDashboard } from '../../src/shared/domain/dashboards';
import { chartToSvg } from '../../src/main/core/reports/chartImage';

type Series = {
  name?: string;
  type?: string;
  stack?: string;
  data?: unknown[];
  itemStyle?: { decal?: unknown };
  label?: { show?: boolean };
  symbol?: string;
  lineStyle?: { type?: string };
};
const seriesOf = (option: unknown): Series[] => (option as { series: Series[] }).series;
const titleOf = (option: unknown): string => (option as { title: { text: string } }).title.text;
const axisOf = (option: unknown, axis: 'xAxis' | 'yAxis'): unknown[] =>
  (option as Record<string, { data: unknown[] }>)[axis]!.data;

const RATING_LABELS = {
  compliant: 'Compliant',
  partly_compliant: 'Partly',
  non_compliant: 'Non-compliant',
  not_applicable: 'N/A',
  not_observed: 'Not observed',
};
const zero = { compliant: 0, partly_compliant: 0, non_compliant: 0, not_applicable: 0, not_observed: 0 };
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const localize = (t: { en?: string; es?: string }) => t.en ?? '';

const audit: AuditDashboard = {
  auditId: ID(1),
  results: 5,
  sections: [
    {
      sectionId: ID(2),
      title: { en: 'Reception' },
      criteria: 4,
      ratings: { ...zero, compliant: 2, non_compliant: 1 },
      noRating: 1,
    },
    { sectionId: ID(3), title: { en: 'Signage' }, criteria: 3, ratings: { ...zero, partly_compliant: 2 }, noRating: 1 },
  ],
};
const complianceTexts = {
  title: 'Compliance per section',
  alt: 'Stacked bars',
  empty: 'No consolidated rating yet',
  section: 'Section',
  total: 'Total',
  noRating: 'No rating',
  ratings: RATING_LABELS,
  localize,
};

const programme: ProgrammeDashboard = {
  today: '2026-06-01',
  managedServicesOnly: false,
  findings: 3,
  findingsByGround: [
    { code: 'language', label: { en: 'Language' }, count: 2 },
    { code: 'housing', label: {}, count: 1 },
  ],
  findingsWithoutGround: 1,
  findingsBySeverity: [
    { severity: 'low', count: 0 },
    { severity: 'medium', count: 1 },
    { severity: 'high', count: 2 },
    { severity: 'critical', count: 0 },
  ],
  findingsByService: [{ serviceId: ID(4), name: 'Library', count: 3 }],
  measures: 4,
  measuresByStatus: [
    { status: 'not_started', count: 1 },
    { status: 'in_progress', count: 2 },
    { status: 'done', count: 0 },
    { status: 'delayed', count: 1 },
    { status: 'cancelled', count: 0 },
  ],
  overdue: [],
  indicators: [],
};
const counts = {
  header: 'Ground',
  count: 'Findings',
  title: 'Findings by ground',
  alt: 'Bars',
  empty: 'No findings yet',
};

describe('dashboard charts', () => {
  it('compliance: a stacked, patterned, labelled series per rating and one for no rating; a table row per section', () => {
    const chart = complianceChart(audit, complianceTexts);
    expect(isEmpty(chart)).toBe(false);
    expect(titleOf(chart.option)).toBe('Compliance per section');
    expect(chart.title).toBe('Compliance per section');
    const series = seriesOf(chart.option);
    expect(series.map((s) => s.name)).toEqual([...Object.values(RATING_LABELS), 'No rating']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'total' && s.label?.show && s.itemStyle?.decal)).toBe(
      true,
    );
    expect(new Set(series.slice(0, 6).map((s) => JSON.stringify(s.itemStyle?.decal))).size).toBe(6);
    expect(series[0]!.data).toEqual([2, 0]);
    expect(series[5]!.data).toEqual([1, 1]);
    expect(axisOf(chart.option, 'yAxis')).toEqual(['Reception', 'Signage']);
    expect(chart.table).toEqual({
      columns: ['Section', ...Object.values(RATING_LABELS), 'No rating', 'Total'],
      rows: [
        ['Reception', 2, 0, 1, 0, 0, 1, 4],
        ['Signage', 0, 2, 0, 0, 0, 1, 3],
      ],
    });
  });

  it('compliance: empty while no criterion has a rating, with the message and the table still there', () => {
    const pending: AuditDashboard = {
      ...audit,
      results: 0,
      sections: audit.sections.map((s) => ({ ...s, ratings: zero, noRating: s.criteria })),
    };
    const chart = complianceChart(pending, complianceTexts);
    expect(isEmpty(chart)).toBe(true);
    expect(chart.empty).toBe('No consolidated rating yet');
    expect(chart.table.rows).toEqual([
      ['Reception', 0, 0, 0, 0, 0, 4, 4],
      ['Signage', 0, 0, 0, 0, 0, 3, 3],
    ]);
    expect(isEmpty(complianceChart({ ...audit, sections: [] }, complianceTexts))).toBe(true);
  });

  it('findings by ground: a labelled, patterned bar per ground (the code when unlabelled) and one for none', () => {
    const chart = findingsByGroundChart(programme, { ...counts, withoutGround: 'No ground', localize });
    expect(isEmpty(chart)).toBe(false);
    const [series] = seriesOf(chart.option);
    expect(series!.label?.show).toBe(true);
    expect(series!.itemStyle?.decal).toBeTruthy();
    expect(series!.name).toBe('Findings');
    expect(axisOf(chart.option, 'xAxis')).toEqual(['Language', 'housing', 'No ground']);
    const xLabels = (c: { option: unknown }) =>
      (c.option as { xAxis: { axisLabel: { rotate?: number } } }).xAxis.axisLabel;
    expect(xLabels(chart).rotate).toBeUndefined();
    // Many categories: slanted labels, the other label settings kept.
    const many = findingsByGroundChart(
      {
        findings: 6,
        findingsWithoutGround: 0,
        findingsByGround: ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code: `g_${code}`, label: {}, count: 1 })),
      },
      { ...counts, withoutGround: 'No ground', localize },
    );
    expect(xLabels(many)).toMatchObject({ rotate: 30, interval: 0 });
    expect(chart.table).toEqual({
      columns: ['Ground', 'Findings'],
      rows: [
        ['Language', 2],
        ['housing', 1],
        ['No ground', 1],
      ],
    });
    const none = findingsByGroundChart(
      { findings: 0, findingsByGround: [], findingsWithoutGround: 0 },
      { ...counts, withoutGround: 'No ground', localize },
    );
    expect(none.empty).toBe('No findings yet');
    expect(none.table.rows).toEqual([]);
  });

  it('findings by severity and measures by status: every value in order, zeros included', () => {
    const severity = findingsBySeverityChart(programme, {
      ...counts,
      title: 'Findings by severity',
      header: 'Severity',
      severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    });
    expect(titleOf(severity.option)).toBe('Findings by severity');
    expect(severity.table.rows).toEqual([
      ['Low', 0],
      ['Medium', 1],
      ['High', 2],
      ['Critical', 0],
    ]);
    expect(seriesOf(severity.option)[0]!.data).toEqual([0, 1, 2, 0]);
    const statuses = {
      not_started: 'Not started',
      in_progress: 'In progress',
      done: 'Done',
      delayed: 'Delayed',
      cancelled: 'Cancelled',
    };
    const status = measureStatusChart(programme, { ...counts, header: 'Status', count: 'Measures', statuses });
    expect(status.table.rows).toEqual([
      ['Not started', 1],
      ['In progress', 2],
      ['Done', 0],
      ['Delayed', 1],
      ['Cancelled', 0],
    ]);
    expect(isEmpty(status)).toBe(false);
    expect(isEmpty(measureStatusChart({ ...programme, measures: 0 }, { ...counts, statuses }))).toBe(true);
    expect(
      findingsBySeverityChart(
        { findings: 0, findingsBySeverity: [] },
        { ...counts, severities: { low: 'L', medium: 'M', high: 'H', critical: 'C' } },
      ).empty,
    ).toBe('No findings yet');
  });

  it('findings by service: a bar per service; none gives the empty state', () => {
    const chart = findingsByServiceChart(programme, { ...counts, header: 'Service' });
    expect(chart.table.rows).toEqual([['Library', 3]]);
    expect(isEmpty(findingsByServiceChart({ findingsByService: [] }, counts))).toBe(true);
  });

  it('an indicator: its values, baseline and target as lines told apart by marker and line style', () => {
    const indicator: IndicatorSeries = {
      measureId: ID(5),
      title: 'Forms in other languages',
      indicator: 'Forms translated',
      baseline: 2,
      target: 10,
      points: [
        { date: '2026-02-01', value: 3 },
        { date: '2026-04-01', value: 6 },
      ],
    };
    const texts = {
      title: 'Forms translated',
      alt: 'Lines',
      empty: 'No value recorded yet',
      date: 'Date',
      series: 'Line',
      value: 'Value',
      values: 'Recorded value',
      baseline: 'Baseline',
      target: 'Target',
    };
    const chart = indicatorChart(indicator, texts);
    expect(isEmpty(chart)).toBe(false);
    const series = seriesOf(chart.option);
    expect(series.map((s) => s.name)).toEqual(['Recorded value', 'Baseline', 'Target']);
    expect(new Set(series.map((s) => s.symbol)).size).toBe(3);
    expect(new Set(series.map((s) => s.lineStyle?.type)).size).toBe(3);
    expect(series.every((s) => s.label?.show)).toBe(true);
    expect((chart.option as { xAxis: { type: string; minInterval: number } }).xAxis).toMatchObject({
      type: 'time',
      minInterval: 86_400_000,
    });
    expect(series[1]!.data).toEqual([
      ['2026-02-01', 2],
      ['2026-04-01', 2],
    ]);
    expect(chart.table).toEqual({
      columns: ['Line', 'Date', 'Value'],
      rows: [
        ['Recorded value', '2026-02-01', '3'],
        ['Recorded value', '2026-04-01', '6'],
        ['Baseline', '2026-02-01', '2'],
        ['Baseline', '2026-04-01', '2'],
        ['Target', '2026-02-01', '10'],
        ['Target', '2026-04-01', '10'],
      ],
    });
    // Without a baseline or target, only the values; without values, the empty state.
    expect(seriesOf(indicatorChart({ ...indicator, baseline: null, target: null }, texts).option)).toHaveLength(1);
    const none = indicatorChart({ ...indicator, points: [] }, texts);
    expect(none.empty).toBe('No value recorded yet');
    expect(none.table.rows).toEqual([]);
  });

  it('render without a browser, as the Word reports render charts (server-side SVG)', () => {
    const svg = chartToSvg(complianceChart(audit, complianceTexts));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Compliance per section', 'Reception', 'Signage', 'No rating']) expect(svg).toContain(text);
    const status = chartToSvg(
      measureStatusChart(programme, {
        ...counts,
        title: 'Measures by status',
        statuses: {
          not_started: 'Not started',
          in_progress: 'In progress',
          done: 'Done',
          delayed: 'Delayed',
          cancelled: 'Cancelled',
        },
      }),
    );
    for (const text of ['Measures by status', 'In progress', 'Cancelled']) expect(status).toContain(text);
  });
});
