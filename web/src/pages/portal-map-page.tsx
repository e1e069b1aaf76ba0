import { Card, Modal, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CLUSTER_LEVELS } from '../../../domain/cluster-lifecycle.ts';
import type { Unit } from '../../../domain/units.ts';
import { usePublicStats } from '../api/public-queries.ts';
import { ChinaMap } from '../components/public/china-map.tsx';
import { areaLabel, clickTarget, type MapArea, mapAreas } from '../components/public/map-areas.ts';
import { usePageTitle } from '../components/public/page-title.ts';
import { filterToSearch, type RegistryFilter } from '../components/public/registry-filter.ts';
import { formatNumber, useLanguage } from '../i18n/index.ts';

interface UnitRow {
  key: string;
  unit: Unit;
  count: number;
  area: MapArea;
  sub: boolean;
}

/** The map of China: clusters per province-level area; a click opens the registry for that area's unit. */
export default function PortalMapPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: RegistryFilter = useMemo(() => {
    const year = Number(params.get('year'));
    const level = params.get('level');
    return {
      ...(year >= 2000 && year <= 2100 ? { year } : {}),
      ...(level === 'national' || level === 'provincial' ? { level } : {}),
    };
  }, [params]);
  const stats = usePublicStats(filter);
  const years = usePublicStats().data?.byYear.map((y) => y.year) ?? [];
  const areas = useMemo(() => mapAreas(stats.data?.byUnit ?? []), [stats.data]);
  const [choice, setChoice] = useState<MapArea | null>(null);
  usePageTitle(t('portal.map.title'));

  const registryLink = (unitCode: string) => `/portal/clusters?${filterToSearch({ ...filter, unitCode })}`;
  const pick = (area: MapArea) => {
    const target = clickTarget(area);
    if (!target) return;
    if ('unitCode' in target) void navigate(registryLink(target.unitCode));
    else setChoice(area);
  };
  const setParam = (key: 'year' | 'level', value?: string | number) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const rows: UnitRow[] = [...areas]
    .filter((a) => a.units.length > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .flatMap((area) =>
      area.units.map((u, i) => ({ key: u.unit.code, unit: u.unit, count: u.count, area, sub: i > 0 })),
    );
  const name = (u: Unit) => (lang === 'en' ? u.nameEn : u.name);

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.map.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.map.intro')}</Typography.Paragraph>
      <search className="portal-filters" aria-label={t('portal.map.filters')}>
        <div className="filter-field">
          <label htmlFor="map-year">{t('portal.registry.year')}</label>
          <Select
            id="map-year"
            allowClear
            placeholder={t('portal.registry.any')}
            value={filter.year}
            onChange={(v?: number) => setParam('year', v)}
            options={years.map((y) => ({ value: y, label: t('portal.registry.batch', { year: y }) }))}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="map-level">{t('portal.registry.level')}</label>
          <Select
            id="map-level"
            allowClear
            placeholder={t('portal.registry.any')}
            value={filter.level}
            onChange={(v?: string) => setParam('level', v)}
            options={CLUSTER_LEVELS.map((l) => ({ value: l, label: t(`portal.levels.${l}`) }))}
          />
        </div>
      </search>
      <div className="portal-map-layout">
        <Card>
          <ChinaMap
            areas={areas}
            onPick={pick}
            label={t('portal.map.label', { total: formatNumber(stats.data?.total ?? 0, lang) })}
          />
          <p className="portal-muted" style={{ marginBottom: 0 }}>
            {t('portal.map.hint')}
          </p>
        </Card>
        <Card title={<h2 className="card-heading">{t('portal.map.tableTitle')}</h2>}>
          <div className="portal-table-scroll">
            <Table<UnitRow>
              size="small"
              rowKey="key"
              pagination={false}
              loading={stats.isPending}
              dataSource={rows}
              columns={[
                {
                  title: t('portal.map.colUnit'),
                  key: 'unit',
                  render: (_: unknown, r) => (
                    <span className={r.sub ? 'unit-sub' : undefined}>
                      <Link to={registryLink(r.unit.code)}>{name(r.unit)}</Link>
                      {r.sub && (
                        <span className="portal-muted">
                          {' '}
                          {t('portal.map.inArea', { area: areaLabel(r.area.code, lang) })}
                        </span>
                      )}
                    </span>
                  ),
                },
                {
                  title: t('portal.map.colCount'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number) => formatNumber(n, lang),
                },
                {
                  title: t('portal.map.colArea'),
                  key: 'area',
                  align: 'right',
                  render: (_: unknown, r) => (r.sub ? '' : formatNumber(r.area.count, lang)),
                },
              ]}
            />
          </div>
        </Card>
      </div>
      <Modal
        open={choice !== null}
        title={choice ? t('portal.map.choose', { area: areaLabel(choice.code, lang) }) : ''}
        onCancel={() => setChoice(null)}
        footer={null}
        destroyOnHidden
      >
        <p>{t('portal.map.chooseIntro')}</p>
        <ul>
          {choice?.units
            .filter((u) => u.count > 0)
            .map((u) => (
              <li key={u.unit.code}>
                <Link to={registryLink(u.unit.code)}>
                  {t('portal.map.unitCount', { unit: name(u.unit), n: formatNumber(u.count, lang) })}
                </Link>
              </li>
            ))}
        </ul>
      </Modal>
    </div>
  );
}
