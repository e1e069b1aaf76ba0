import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Notification, notificationsApi } from '../api/ministry.ts';
import { ministryKeys, useNotifications } from '../api/ministry-queries.ts';
import { formatDateTime } from './declaration/format.ts';
import './ministry/ministry.css';

/** The header's bell: unread count, the latest notifications; opening one marks it read and follows its link. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  // A kind the notification settings name (settings.kinds.*); the key is built at run time.
  const kindLabel = (kind: string) =>
    i18n.exists(`settings.kinds.${kind}`)
      ? String(t(`settings.kinds.${kind}` as 'settings.kinds.submit'))
      : null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const query = useNotifications(true);
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  const markRead = async (n: Notification) => {
    if (n.read) return;
    queryClient.setQueryData(ministryKeys.notifications, (old: typeof query.data) =>
      old
        ? {
            unread: Math.max(0, old.unread - 1),
            items: old.items.map((x) => (x.id === n.id ? { ...x, read: true } : x)),
          }
        : old,
    );
    try {
      await notificationsApi.read(n.id);
    } finally {
      void queryClient.invalidateQueries({ queryKey: ministryKeys.notifications });
    }
  };

  const openOne = (n: Notification) => {
    void markRead(n);
    if (n.link?.startsWith('/')) {
      setOpen(false);
      void navigate(n.link);
    }
  };

  const content = query.isError ? (
    <Typography.Text type="secondary">{t('notifications.failed')}</Typography.Text>
  ) : items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
  ) : (
    <ul className="notification-list" aria-label={t('notifications.title')}>
      {items.map((n) => (
        <li key={n.id} className={n.read ? undefined : 'notification-unread'}>
          <button type="button" className="notification-item" onClick={() => openOne(n)}>
            <span className="notification-title">
              {!n.read && <span className="visually-hidden">{t('notifications.unreadMark')}</span>}
              {(english && kindLabel(n.kind)) || n.title}
            </span>
            {/* The server writes a notification in Chinese: in English its kind is the title and the
                Chinese text (names of clusters, reasons) follows as it was written. */}
            {english && kindLabel(n.kind) && (
              <span className="notification-body" lang="zh-CN">
                {n.title}
              </span>
            )}
            {n.body && (
              <span className="notification-body" lang={english ? 'zh-CN' : undefined}>
                {n.body}
              </span>
            )}
            <span className="notification-time">{formatDateTime(n.createdAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.button', { count: unread })}
        aria-haspopup="dialog"
        aria-expanded={open}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined aria-hidden="true" className="bell-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
