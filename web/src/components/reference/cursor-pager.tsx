import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function CursorPager({
  page,
  pageSize,
  total,
  nextCursor,
  onPrev,
  onNext,
}: {
  page: number;
  pageSize: number;
  total: number | undefined;
  nextCursor: string | null | undefined;
  onPrev: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const pages = total === undefined ? page : Math.max(page, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pager.label')} className="cursor-pager">
      {total !== undefined && <span className="cursor-pager-total">{t('reference.total', { total })}</span>}
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={onPrev}>
        {t('pager.prev')}
      </Button>
      <span aria-live="polite">{t('pager.page', { page, pages })}</span>
      <Button
        disabled={!nextCursor}
        onClick={() => nextCursor && onNext(nextCursor)}
        iconPosition="end"
        icon={<RightOutlined />}
      >
        {t('pager.next')}
      </Button>
    </nav>
  );
}
