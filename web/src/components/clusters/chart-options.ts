// ECharts options as pure data: a cluster's figures per year (one line per chosen figure) and the
// completion of annual reports per unit (bars). Kept apart from the component so they can be tested.
import type { ReportCompletion, Trends } from '../../api/clusters.ts';
import type { Language } from '../../i18n/languages.ts';

export type ChartOption = Record<string, unknown>;

/** Years in ascending order with each figure's values (null where not reported). */
export function trendSeries(trends: Trends, keys: readonly string[], lang: Language) {
  const years = [...trends.years].sort((a, b) => a.year - b.year);
  return {
    years: years.map((y) => String(y.year)),
    series: keys.flatMap((key) => {
      const f = trends.figures.find((x) => x.key === key);
      if (!f) return [];
      return [
        {
          key,
          name: `${lang === 'en' ? f.en : f.zh} (${f.unit})`,
          unit: f.unit,
          values: years.map((y) => (y.values as Record<string, number | null>)[key] ?? null),
        },
      ];
    }),
  };
}

/** A line chart of the chosen figures over the years; percentages on a second axis. */
export function trendOption(trends: Trends, keys: readonly string[], lang: Language): ChartOption {
  const { years, series } = trendSeries(trends, keys, lang);
  const hasPercent = series.some((s) => s.unit === '%');
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: hasPercent ? 48 : 16, top: 40, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: years },
    yAxis: hasPercent
      ? [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }]
      : [{ type: 'value' }],
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      yAxisIndex: hasPercent && s.unit === '%' ? 1 : 0,
      label: { show: true },
    })),
  };
}

/** Horizontal bars: completion % per unit, lowest first so the laggards stand out. */
export function completionOption(completion: ReportCompletion, label: string): ChartOption {
  const units = [...completion.units].sort((a, b) => a.completionPercent - b.completionPercent);
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: units.map((u) => u.unitName) },
    series: [
      {
        type: 'bar',
        name: label,
        data: units.map((u) => Math.round(u.completionPercent * 10) / 10),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}
