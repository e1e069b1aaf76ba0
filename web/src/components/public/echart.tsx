// ECharts, imported piece by piece (core + the charts and components the portal uses) so the pages that
// draw charts stay small; this module is only reached from lazily loaded pages.
import { BarChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];

export interface ChartClick {
  name: string;
  dataIndex: number;
  data: unknown;
}

/**
 * One chart. The canvas is an image to assistive technology (role="img" with `label`); every chart on the
 * portal also has a table with the same numbers.
 */
export function EChart({
  option,
  label,
  className = 'portal-chart',
  style,
  onClick,
}: {
  option: EChartsOption;
  label: string;
  className?: string;
  style?: CSSProperties;
  onClick?: (event: ChartClick) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => click.current?.({ name: e.name, dataIndex: e.dataIndex, data: e.data }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className={className} style={style} role="img" aria-label={label} />;
}
