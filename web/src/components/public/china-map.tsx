// The ECharts map of China, coloured by clusters per province-level area. Its map data (≈60 kB) is imported
// only when this component is first drawn, so no other page pays for it.
import { Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, useLanguage } from '../../i18n/index.ts';
import { EChart, type EChartsOption, echarts } from './echart.tsx';
import { areaLabel, type MapArea, provinceCodeOfMapName } from './map-areas.ts';

let registered: Promise<void> | undefined;

/** Registers the bundled map of China once, under the name ECharts draws the South China Sea inset for. */
function registerChina(): Promise<void> {
  registered ??= import('../../assets/maps/china.json').then((geo) => {
    echarts.registerMap('china', geo.default as unknown as Parameters<typeof echarts.registerMap>[1]);
  });
  return registered;
}

export function ChinaMap({
  areas,
  label,
  onPick,
}: {
  areas: MapArea[];
  label: string;
  onPick: (area: MapArea) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void registerChina().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const byMapName = useMemo(() => new Map(areas.map((a) => [a.mapName, a])), [areas]);
  const max = Math.max(1, ...areas.map((a) => a.count));
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 767.98px)').matches;

  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: unknown) => {
          const area = byMapName.get((p as { name: string }).name);
          if (!area) return '';
          const name = areaLabel(area.code, lang);
          if (area.units.length === 0) return `${name}: ${t('portal.map.noUnit')}`;
          const lines = [
            `<strong>${name}: ${t('portal.map.clusters', { n: formatNumber(area.count, lang) })}</strong>`,
          ];
          if (area.units.length > 1)
            for (const u of area.units)
              lines.push(`${lang === 'en' ? u.unit.nameEn : u.unit.name}: ${formatNumber(u.count, lang)}`);
          return lines.join('<br/>');
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: false,
        orient: narrow ? 'horizontal' : 'vertical',
        left: narrow ? 'center' : 8,
        bottom: 8,
        text: [t('portal.map.more'), t('portal.map.fewer')],
        textStyle: { color: '#262626' },
        inRange: { color: ['#e6f0ff', '#1d4ed8', '#0b2a6f'] },
      },
      series: [
        {
          type: 'map',
          map: 'china',
          roam: false,
          selectedMode: false,
          // All four sides: ECharts then fits the whole map inside, keeping its aspect.
          left: 8,
          right: 8,
          top: 8,
          bottom: narrow ? 56 : 8,
          label: { show: false },
          itemStyle: { borderColor: '#ffffff', areaColor: '#f0f0f0' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f59e0b' } },
          data: areas.filter((a) => a.units.length > 0).map((a) => ({ name: a.mapName, value: a.count })),
        },
      ],
    }),
    [areas, byMapName, lang, max, narrow, t],
  );

  if (!ready)
    return (
      <div className="portal-map" style={{ display: 'grid', placeItems: 'center' }}>
        <Spin />
      </div>
    );
  return (
    <EChart
      option={option}
      label={label}
      className="portal-map"
      onClick={(e) => {
        const code = provinceCodeOfMapName(e.name);
        const area = code ? areas.find((a) => a.code === code) : undefined;
        if (area) onPick(area);
      }}
    />
  );
}
