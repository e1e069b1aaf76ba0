import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { INDUSTRY_LEVELS, type Industry } from '../../api/types.ts';
import { HierarchyBrowser } from './hierarchy-browser.tsx';

export function IndustriesBrowser() {
  const { t } = useTranslation();

  const extraColumns: TableColumnsType<Industry> = [
    {
      key: 'parent',
      title: t('reference.industries.parent'),
      dataIndex: 'parentCode',
      render: (code: string | null) => (code ? <code>{code}</code> : '—'),
    },
  ];

  return (
    <HierarchyBrowser<Industry, Industry['level']>
      id="industries"
      fetchPage={api.industries}
      levels={INDUSTRY_LEVELS}
      rootLevel="section"
      levelLabel={(level) => t(`industryLevels.${level}`)}
      canDrill={(row) => row.level !== 'class'}
      // The API gives no ancestor names for industries; a search result drills in from the top.
      ancestors={() => []}
      extraColumns={extraColumns}
      texts={{
        search: t('reference.industries.search'),
        searchPlaceholder: t('reference.industries.searchPlaceholder'),
        filterLevel: t('reference.industries.filterLevel'),
        root: t('reference.industries.root'),
        trail: t('reference.industries.trail'),
      }}
      browseLabel={(name) => t('reference.industries.browse', { name })}
    />
  );
}
