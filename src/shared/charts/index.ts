/**
 * Chart builders: plain data in, an Apache ECharts option out, with the chart's title, its alt text
 * and its data as a table. The same builders serve the app's dashboards (ECharts in the browser)
 * and the Word reports (ECharts' server-side SVG, then PNG; see src/main/core/reports/chartImage.ts).
 *
 * Invariants: a chart never relies on colour alone — bars carry their values as labels and a
 * decal pattern per series, lines a marker shape and a line style per series, and the legend
 * names every series; every chart comes with its data as a table; nothing animates (a picture is
 * rendered once).
 */
import type { EChartsOption } from 'echarts';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface Chart {
  title: string;
  /** Alt text for the picture (what it shows; the figures are in `table`). */
  alt: string;
  option: EChartsOption;
  table: ChartTable;
  /** Size of the picture in CSS pixels. */
  width: number;
  height: number;
}

/** Colours readable on white and told apart by people with the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#D55E00', '#009E73', '#999999', '#CC79A7', '#56B4E9', '#F0E442'];
/** Decal patterns, one per series, so bars are told apart without colour. */
const DECALS = [
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0.785, color: 'rgba(255,255,255,0.55)' },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 0], color: 'rgba(0,0,0,0.35)' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -0.785, color: 'rgba(255,255,255,0.55)' },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[1, 4]], dashArrayY: [1, 4], color: 'rgba(255,255,255,0.6)' },
  { symbol: 'none', color: 'transparent' },
  { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[5, 5]], dashArrayY: [5, 0], color: 'rgba(0,0,0,0.35)' },
];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const FONT = 'DejaVu Sans, Arial, sans-serif';

const base = (title: string): EChartsOption => ({
  animation: false,
  color: PALETTE,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT, fontSize: 13, color: '#222222' },
  title: { text: title, left: 'center', top: 8, textStyle: { fontSize: 15, fontWeight: 'bold', color: '#222222' } },
  aria: { enabled: true, decal: { show: true } },
});

/** Shortens a label for an axis (the table has it in full). */
export function shorten(text: string, max = 34): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface StackedRow {
  label: string;
  values: number[];
}

/**
 * A horizontal stacked bar per row (e.g. one per checklist section, a segment per rating):
 * `stackedBars({ title, alt, rowHeader, series: ['Compliant', …], rows: [{ label, values }] })`.
 */
export function stackedBars(input: {
  title: string;
  alt: string;
  rowHeader: string;
  totalHeader: string;
  series: string[];
  rows: StackedRow[];
}): Chart {
  const height = Math.max(260, 110 + input.rows.length * 42);
  const labels = input.rows.map((r) => shorten(r.label));
  const option: EChartsOption = {
    ...base(input.title),
    legend: { bottom: 6, itemGap: 14, textStyle: { fontSize: 12 } },
    grid: { left: 230, right: 24, top: 44, bottom: 64 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      axisLabel: { fontSize: 12, width: 215, overflow: 'truncate' },
    },
    series: input.series.map((name, i) => ({
      name,
      type: 'bar',
      stack: 'total',
      barWidth: 22,
      itemStyle: { decal: DECALS[i % DECALS.length], borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true,
        fontSize: 11,
        color: '#000000',
        backgroundColor: 'rgba(255,255,255,0.85)',
        padding: [1, 3],
        formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
      },
      data: input.rows.map((r) => r.values[i] ?? 0),
    })),
  };
  return {
    title: input.title,
    alt: input.alt,
    option,
    width: 760,
    height,
    table: {
      columns: [input.rowHeader, ...input.series, input.totalHeader],
      rows: input.rows.map((r) => [r.label, ...r.values, r.values.reduce((a, b) => a + b, 0)]),
    },
  };
}

/** One vertical bar per category with its value on top: `bars({ title, alt, header, valueHeader, items })`. */
export function bars(input: {
  title: string;
  alt: string;
  header: string;
  valueHeader: string;
  items: { label: string; value: number }[];
}): Chart {
  const option: EChartsOption = {
    ...base(input.title),
    grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.items.map((i) => shorten(i.label, 18)),
      axisLabel: { fontSize: 12, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12 } },
    series: [
      {
        name: input.valueHeader,
        type: 'bar',
        barMaxWidth: 56,
        itemStyle: { decal: DECALS[0] },
        label: { show: true, position: 'top', fontSize: 12, color: '#000000' },
        data: input.items.map((i) => i.value),
      },
    ],
  };
  return {
    title: input.title,
    alt: input.alt,
    option,
    width: 760,
    height: 320,
    table: { columns: [input.header, input.valueHeader], rows: input.items.map((i) => [i.label, i.value]) },
  };
}

export interface LineSeries {
  name: string;
  points: { x: string; y: number }[];
}

/**
 * Lines over time (x: ISO dates), each with its own marker and line style, named at its end and in
 * the legend: `lines({ title, alt, xHeader, yHeader, series, unit: '%' })`.
 */
export function lines(input: {
  title: string;
  alt: string;
  xHeader: string;
  seriesHeader: string;
  yHeader: string;
  series: LineSeries[];
  unit?: string;
  /** How the axis names a moment (`Mar 2026`), and the table a date; default: the ISO date. */
  axisDate?: (iso: string) => string;
  tableDate?: (iso: string) => string;
}): Chart {
  const unit = input.unit ?? '';
  const axisDate = input.axisDate;
  const tableDate = input.tableDate ?? ((iso: string) => iso);
  const legendHeight = 22 * input.series.length;
  const option: EChartsOption = {
    ...base(input.title),
    legend: { bottom: 6, left: 16, orient: 'vertical', itemGap: 6, textStyle: { fontSize: 11 } },
    grid: { left: 56, right: 40, top: 48, bottom: 40 + legendHeight },
    xAxis: {
      type: 'time',
      axisLabel: {
        fontSize: 11,
        hideOverlap: true,
        ...(axisDate ? { formatter: (value: number) => axisDate(new Date(value).toISOString().slice(0, 10)) } : {}),
      },
    },
    yAxis: { type: 'value', axisLabel: { fontSize: 11, formatter: `{value}${unit}` } },
    series: input.series.map((s, i) => ({
      name: shorten(s.name, 90),
      type: 'line',
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 9,
      lineStyle: { width: 2, type: LINE_TYPES[i % LINE_TYPES.length] },
      label: { show: true, fontSize: 10, formatter: `{@[1]}${unit}`, color: '#000000' },
      labelLayout: { hideOverlap: true },
      data: s.points.map((p) => [p.x, p.y]),
    })),
  };
  return {
    title: input.title,
    alt: input.alt,
    option,
    width: 760,
    height: 320 + legendHeight,
    table: {
      columns: [input.seriesHeader, input.xHeader, input.yHeader],
      rows: input.series.flatMap((s) => s.points.map((p) => [s.name, tableDate(p.x), `${p.y}${unit}`])),
    },
  };
}
