/**
 * The chart builders (src/shared/charts) and their rendering without a browser: every chart
 * comes with its data as a table, is told apart without colour (patterns and value labels on
 * bars, marker shapes and line styles on lines), and renders to an SVG and a PNG in plain Node.
 */
import { describe, expect, it } from 'vitest';
import { bars, lines, stackedBars } from '../../src/shared/charts';
import { chartToSvg, createChartRenderer } from '../../src/main/core/reports/chartImage';

type Series = {
  name?: string;
  itemStyle?: { decal?: unknown };
  label?: { show?: boolean };
  symbol?: string;
  lineStyle?: { type?: string };
};
const seriesOf = (option: unknown): Series[] => (option as { series: Series[] }).series;

const compliance = stackedBars({
  title: 'Results per section',
  alt: 'Bar chart of the results per section',
  rowHeader: 'Section',
  totalHeader: 'Total',
  series: ['Compliant', 'Partly compliant', 'Non-compliant'],
  rows: [
    { label: 'Reception', values: [1, 2, 3] },
    { label: 'Signage', values: [0, 4, 1] },
  ],
});

describe('chart builders', () => {
  it('give the data as a table, totals included', () => {
    expect(compliance.table).toEqual({
      columns: ['Section', 'Compliant', 'Partly compliant', 'Non-compliant', 'Total'],
      rows: [
        ['Reception', 1, 2, 3, 6],
        ['Signage', 0, 4, 1, 5],
      ],
    });
    const b = bars({
      title: 'T',
      alt: 'A',
      header: 'Status',
      valueHeader: 'Measures',
      items: [{ label: 'Done', value: 2 }],
    });
    expect(b.table.rows).toEqual([['Done', 2]]);
  });

  it('tell series apart without colour: a pattern and value labels on each bar series', () => {
    const s = seriesOf(compliance.option);
    const decals = s.map((x) => JSON.stringify(x.itemStyle?.decal));
    expect(new Set(decals).size).toBe(s.length);
    for (const x of s) expect(x.label?.show).toBe(true);
  });

  it('tell lines apart by marker and line style', () => {
    const chart = lines({
      title: 'Indicators',
      alt: 'Lines',
      xHeader: 'Date',
      seriesHeader: 'Measure',
      yHeader: 'Progress',
      unit: ' %',
      series: ['A', 'B', 'C'].map((name, i) => ({ name, points: [{ x: '2026-01-01', y: i * 10 }] })),
    });
    const s = seriesOf(chart.option);
    expect(new Set(s.map((x) => `${x.symbol}/${x.lineStyle?.type}`)).size).toBe(3);
    expect(new Set(s.map((x) => x.symbol)).size).toBe(3);
    expect(chart.table.rows[1]).toEqual(['B', '2026-01-01', '10 %']);
  });

  it('render to SVG (ECharts server-side) and PNG (resvg) in plain Node', () => {
    const svg = chartToSvg(compliance);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Results per section');
    expect(svg).toContain('Reception');
    const picture = createChartRenderer()(compliance);
    expect([...picture.png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(picture.width).toBe(compliance.width * 2);
  });
});
