import { Alert, Button, Card, Radio, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NOTICE_KINDS } from '../../../domain/ministry-contract.ts';
import { findUnit, UNITS } from '../../../domain/units.ts';
import { usePublicNotices } from '../api/public-queries.ts';
import { NoticeList } from '../components/public/notice-list.tsx';
import { usePageTitle } from '../components/public/page-title.ts';
import { useLanguage } from '../i18n/index.ts';

type Kind = (typeof NOTICE_KINDS)[number];
const isKind = (v: string | null): v is Kind => v !== null && (NOTICE_KINDS as readonly string[]).includes(v);

/** All published notices, newest first, by kind (kind kept in the URL). */
export default function PortalNoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('kind');
  const kind = isKind(raw) ? raw : undefined;
  const rawPublisher = params.get('publisher');
  const publisher =
    rawPublisher === 'ministry' || (rawPublisher && findUnit(rawPublisher)) ? rawPublisher : undefined;
  const notices = usePublicNotices(kind, 20, publisher);
  const lang = useLanguage();
  const setParam = (key: 'kind' | 'publisher', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  usePageTitle(t('portal.notices.title'));
  const items = notices.data?.pages.flatMap((p) => p.items) ?? [];
  const total = notices.data?.pages[0]?.total;

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.notices.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.notices.intro')}</Typography.Paragraph>
      <search className="portal-toolbar" aria-label={t('portal.notices.filters')}>
        <Radio.Group
          optionType="button"
          value={kind ?? 'all'}
          aria-label={t('portal.notices.kind')}
          onChange={(e) => setParam('kind', e.target.value === 'all' ? undefined : e.target.value)}
          options={[
            { value: 'all', label: t('portal.notices.all') },
            ...NOTICE_KINDS.map((k) => ({ value: k, label: t(`portal.kinds.${k}`) })),
          ]}
        />
        <div className="filter-field">
          <label htmlFor="notices-publisher" className="visually-hidden">
            {t('portal.notices.publisher')}
          </label>
          <Select
            id="notices-publisher"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t('portal.notices.anyPublisher')}
            value={publisher}
            onChange={(v?: string) => setParam('publisher', v)}
            options={[
              { value: 'ministry', label: t('portal.notices.ministry') },
              ...UNITS.map((u) => ({ value: u.code, label: lang === 'en' ? u.nameEn : u.name })),
            ]}
          />
        </div>
      </search>
      <Card>
        {notices.isPending ? (
          <Skeleton active />
        ) : notices.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('errors.loadFailed', { message: notices.error.message })}
            action={<Button onClick={() => void notices.refetch()}>{t('errors.retry')}</Button>}
          />
        ) : (
          <>
            {total !== undefined && <p className="portal-muted">{t('portal.notices.count', { total })}</p>}
            <NoticeList notices={items} />
            {notices.hasNextPage && (
              <Button
                block
                style={{ marginTop: 12 }}
                loading={notices.isFetchingNextPage}
                onClick={() => void notices.fetchNextPage()}
              >
                {t('portal.notices.more')}
              </Button>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
