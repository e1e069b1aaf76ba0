import { Alert, Button, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/queries.ts';
import { REGIONS, type Region, UNIT_KINDS, type Unit, type UnitKind } from '../../api/types.ts';
import { FilterField } from './filter-field.tsx';

export function UnitsTable() {
  const { t } = useTranslation();
  const units = useUnits();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [region, setRegion] = useState<Region | undefined>();

  const all = units.data?.items ?? [];
  const shown = all.filter((u) => (!kind || u.kind === kind) && (!region || u.region === region));

  const columns: TableColumnsType<Unit> = [
    {
      key: 'code',
      title: t('reference.code'),
      dataIndex: 'code',
      width: 100,
      render: (c: string) => <code>{c}</code>,
    },
    { key: 'name', title: t('reference.name'), dataIndex: 'name' },
    { key: 'nameEn', title: t('reference.units.nameEn'), dataIndex: 'nameEn' },
    {
      key: 'kind',
      title: t('reference.units.kind'),
      dataIndex: 'kind',
      render: (k: UnitKind) => t(`kinds.${k}`),
    },
    {
      key: 'region',
      title: t('reference.units.region'),
      dataIndex: 'region',
      render: (r: Region) => t(`regions.${r}`),
    },
    {
      key: 'countyCount',
      title: t('reference.units.countyCount'),
      dataIndex: 'countyCount',
      align: 'right',
      sorter: (a, b) => a.countyCount - b.countyCount,
    },
  ];

  return (
    <div className="reference-browser">
      <div className="filter-bar">
        <FilterField id="units-kind" label={t('reference.units.filterKind')}>
          <Select<UnitKind>
            id="units-kind"
            className="filter-select"
            allowClear
            placeholder={t('reference.all')}
            value={kind}
            onChange={setKind}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        </FilterField>
        <FilterField id="units-region" label={t('reference.units.filterRegion')}>
          <Select<Region>
            id="units-region"
            className="filter-select"
            allowClear
            placeholder={t('reference.all')}
            value={region}
            onChange={setRegion}
            options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          />
        </FilterField>
        <span className="filter-summary" aria-live="polite">
          {units.data && t('reference.units.shown', { shown: shown.length, total: units.data.total })}
        </span>
      </div>
      {units.isError && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: units.error.message })}
          action={<Button onClick={() => void units.refetch()}>{t('errors.retry')}</Button>}
        />
      )}
      <Table<Unit>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={units.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
