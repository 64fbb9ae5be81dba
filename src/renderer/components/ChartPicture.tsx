/**
 * The ECharts picture of a chart in the browser: the SVG renderer and only the chart types,
 * components and features the builders of src/shared/charts use (echarts/core), so the chunk
 * stays small. Sized to its container and resized with it; disposed on unmount.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import type { DashboardChart } from '../../shared/charts/dashboards';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  LabelLayout,
  LegacyGridContainLabel,
  SVGRenderer,
]);

/** The option as the screen draws it: the heading already names the chart, the alt text describes it. */
const onScreen = (chart: DashboardChart): EChartsOption => ({
  ...chart.option,
  title: { show: false },
  aria: { enabled: true, decal: { show: true }, label: { enabled: true, description: chart.alt } },
});

export default function ChartPicture({ chart }: { chart: DashboardChart }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    instance.setOption(onScreen(chart));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart]);
  // role="img": the SVG inside is one picture, named by the chart's alt text.
  return (
    <div
      ref={ref}
      role="img"
      aria-label={chart.alt}
      data-testid="chart-picture"
      style={{ width: '100%', height: chart.height - 30 }}
    />
  );
}
