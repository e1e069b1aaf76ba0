import { Alert, Breadcrumb, Button, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client.ts';
import { usePagedList } from '../../api/queries.ts';
import type { Page, PathEntry } from '../../api/types.ts';
import { CursorPager } from './cursor-pager.tsx';
import { FilterField } from './filter-field.tsx';
import { useCursorPages } from './use-cursor-pages.ts';

const PAGE_SIZE = 50;

interface Row<L extends string> {
  code: string;
  name: string;
  level: L;
}

export interface HierarchyBrowserProps<T extends Row<L>, L extends string> {
  /** Prefix for element ids and the query cache key. */
  id: string;
  fetchPage: (query: Query, signal: AbortSignal) => Promise<Page<T>>;
  levels: readonly L[];
  /** Level listed at the top of the hierarchy when neither searching nor drilled in. */
  rootLevel: L;
  levelLabel: (level: L) => string;
  canDrill: (row: T) => boolean;
  /** Ancestors of a row (top first), so that drilling in from a search result shows where it is. */
  ancestors: (row: T) => PathEntry[];
  /** Columns after code, name and level. */
  extraColumns: TableColumnsType<T>;
  texts: { search: string; searchPlaceholder: string; filterLevel: string; root: string; trail: string };
  browseLabel: (name: string) => string;
}

/** Searchable, drill-down, cursor-paginated table over a code hierarchy (divisions, industries). */
export function HierarchyBrowser<T extends Row<L>, L extends string>(props: HierarchyBrowserProps<T, L>) {
  const { t } = useTranslation();
  const { id, texts } = props;
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<L | undefined>(undefined);
  const [trail, setTrail] = useState<PathEntry[]>([]);

  const parent = trail[trail.length - 1];
  const filters: Query = q
    ? { q, level }
    : parent
      ? { parent: parent.code, level }
      : { level: level ?? props.rootLevel };
  const pages = useCursorPages(JSON.stringify(filters));
  const query: Query = { ...filters, limit: PAGE_SIZE, cursor: pages.cursor };
  const list = usePagedList(id, query, props.fetchPage);

  const drillTo = (next: PathEntry[]) => {
    setTrail(next);
    setQ('');
    setInput('');
    setLevel(undefined);
  };

  const columns: TableColumnsType<T> = [
    {
      key: 'code',
      title: t('reference.code'),
      dataIndex: 'code',
      width: 110,
      render: (code: string) => <code>{code}</code>,
    },
    {
      key: 'name',
      title: t('reference.name'),
      dataIndex: 'name',
      render: (name: string, row) =>
        props.canDrill(row) ? (
          <Button
            type="link"
            className="inline-link"
            aria-label={props.browseLabel(name)}
            onClick={() => drillTo([...props.ancestors(row), { code: row.code, name: row.name }])}
          >
            {name}
          </Button>
        ) : (
          name
        ),
    },
    {
      key: 'level',
      title: t('reference.level'),
      dataIndex: 'level',
      width: 100,
      render: (l: L) => props.levelLabel(l),
    },
    ...props.extraColumns,
  ];

  return (
    <div className="reference-browser">
      <div className="filter-bar">
        <FilterField id={`${id}-q`} label={texts.search}>
          <Input.Search
            id={`${id}-q`}
            value={input}
            placeholder={texts.searchPlaceholder}
            allowClear
            enterButton
            onChange={(e) => setInput(e.target.value)}
            onSearch={(value) => setQ(value.trim())}
          />
        </FilterField>
        <FilterField id={`${id}-level`} label={texts.filterLevel}>
          <Select<L>
            id={`${id}-level`}
            className="filter-select"
            allowClear
            placeholder={t('reference.all')}
            value={level}
            onChange={(value) => setLevel(value)}
            options={props.levels.map((l) => ({ value: l, label: props.levelLabel(l) }))}
          />
        </FilterField>
      </div>
      {!q && (
        <Breadcrumb
          aria-label={texts.trail}
          className="drill-trail"
          items={[{ code: '', name: texts.root }, ...trail].map((entry, index, all) => ({
            key: entry.code || 'root',
            title:
              index === all.length - 1 ? (
                <span aria-current="location">{entry.name}</span>
              ) : (
                <Button type="link" className="inline-link" onClick={() => setTrail(trail.slice(0, index))}>
                  {entry.name}
                </Button>
              ),
          }))}
        />
      )}
      {list.isError && (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: list.error.message })}
          action={<Button onClick={() => void list.refetch()}>{t('errors.retry')}</Button>}
        />
      )}
      <Table<T>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <CursorPager
        page={pages.page}
        pageSize={PAGE_SIZE}
        total={list.data?.total}
        nextCursor={list.isPlaceholderData ? null : list.data?.nextCursor}
        onPrev={pages.prev}
        onNext={pages.next}
      />
    </div>
  );
}
