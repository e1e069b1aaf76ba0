import { Alert, Button, Card, Radio, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NOTICE_KINDS } from '../../../domain/ministry-contract.ts';
import { usePublicNotices } from '../api/public-queries.ts';
import { NoticeList } from '../components/public/notice-list.tsx';
import { usePageTitle } from '../components/public/page-title.ts';

type Kind = (typeof NOTICE_KINDS)[number];
const isKind = (v: string | null): v is Kind => v !== null && (NOTICE_KINDS as readonly string[]).includes(v);

/** All published notices, newest first, by kind (kind kept in the URL). */
export default function PortalNoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('kind');
  const kind = isKind(raw) ? raw : undefined;
  const notices = usePublicNotices(kind);
  usePageTitle(t('portal.notices.title'));
  const items = notices.data?.pages.flatMap((p) => p.items) ?? [];
  const total = notices.data?.pages[0]?.total;

  return (
    <div className="portal-page">
      <Typography.Title level={1} className="page-title">
        {t('portal.notices.title')}
      </Typography.Title>
      <Typography.Paragraph className="portal-intro">{t('portal.notices.intro')}</Typography.Paragraph>
      <Radio.Group
        optionType="button"
        value={kind ?? 'all'}
        aria-label={t('portal.notices.kind')}
        onChange={(e) =>
          setParams(e.target.value === 'all' ? {} : { kind: e.target.value }, { replace: true })
        }
        options={[
          { value: 'all', label: t('portal.notices.all') },
          ...NOTICE_KINDS.map((k) => ({ value: k, label: t(`portal.kinds.${k}`) })),
        ]}
      />
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
