/**
 * Turns a chart of src/shared/charts into a PNG without a browser: ECharts renders it to an SVG
 * string on the server (`ssr: true`, `renderToSVGString`), then resvg rasterises the SVG with the
 * fonts shipped under resources/fonts (so a chart looks the same on every machine, whatever fonts
 * it has installed; the system's fonts are the fallback when the shipped ones are missing).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { Chart } from '../../../shared/charts';

export interface ChartPicture {
  png: Uint8Array;
  /** Size in pixels of the PNG (twice the chart's CSS size, for print). */
  width: number;
  height: number;
}

/** Renders a chart; injected into the report builders, so tests may swap it. */
export type ChartRenderer = (chart: Chart) => ChartPicture;

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** The folder resources/fonts, found upwards from this module (source tree, built app, tests). */
export function findFontDir(start = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FONT_FILES[0]!))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** The chart as an SVG string, from the same ECharts option the app's dashboards use. */
export function chartToSvg(chart: Chart): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function createChartRenderer(fontDir: string | null = findFontDir()): ChartRenderer {
  const fontFiles = fontDir ? FONT_FILES.map((f) => join(fontDir, f)) : [];
  return (chart) => {
    const svg = chartToSvg(chart);
    const scale = 2;
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: chart.width * scale },
      font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    const image = resvg.render();
    return { png: image.asPng(), width: image.width, height: image.height };
  };
}
