import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import { DIVISION_LEVELS, type Division, type Unit } from '../../api/types.ts';
import { useLanguage } from '../../i18n/index.ts';
import { HierarchyBrowser } from './hierarchy-browser.tsx';

export function DivisionsBrowser() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const units = useUnits();
  const unitsByCode = useMemo(
    () => new Map<string, Unit>((units.data?.items ?? []).map((u) => [u.code, u])),
    [units.data],
  );

  const extraColumns: TableColumnsType<Division> = [
    {
      key: 'parent',
      title: t('reference.divisions.parent'),
      render: (_, row) => (row.path.length > 0 ? row.path.map((p) => p.name).join(' / ') : '—'),
    },
    {
      key: 'unit',
      title: t('reference.divisions.unit'),
      dataIndex: 'unitCode',
      render: (code: string | null) => {
        if (!code) return '—';
        const unit = unitsByCode.get(code);
        return unit ? (lang === 'en' ? unit.nameEn : unit.name) : code;
      },
    },
  ];

  return (
    <HierarchyBrowser<Division, Division['level']>
      id="divisions"
      fetchPage={api.divisions}
      levels={DIVISION_LEVELS}
      rootLevel="province"
      levelLabel={(level) => t(`divisionLevels.${level}`)}
      canDrill={(row) => row.level === 'province' || row.level === 'prefecture'}
      ancestors={(row) => row.path}
      extraColumns={extraColumns}
      texts={{
        search: t('reference.divisions.search'),
        searchPlaceholder: t('reference.divisions.searchPlaceholder'),
        filterLevel: t('reference.divisions.filterLevel'),
        root: t('reference.divisions.root'),
        trail: t('reference.divisions.trail'),
      }}
      browseLabel={(name) => t('reference.divisions.browse', { name })}
    />
  );
}
