import { BellOutlined, DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/queries.ts';
import type { User } from '../api/types.ts';

export function UserMenu({ user, compact = false }: { user: User; compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();

  const onLogout = () => {
    logout.mutate(undefined, {
      onError: (err) => void message.error(t('user.logoutFailed', { message: err.message })),
      // Signed out locally either way: the session cache is cleared in onSettled.
      onSettled: () => void navigate('/login', { replace: true }),
    });
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div className="user-menu-who">
                <strong>{user.displayName}</strong>
                <span>
                  {t(`roles.${user.role}`)} · {user.username}
                </span>
              </div>
            ),
          },
          { type: 'divider' },
          {
            key: 'notification-settings',
            icon: <BellOutlined />,
            label: t('settings.menu'),
            onClick: () => void navigate('/settings/notifications'),
          },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), onClick: onLogout },
        ],
      }}
    >
      <Button type="text" aria-label={t('user.menu', { name: user.displayName })} loading={logout.isPending}>
        <UserOutlined aria-hidden="true" />
        {!compact && <span className="user-name">{user.displayName}</span>}
        <DownOutlined aria-hidden="true" className="user-caret" />
      </Button>
    </Dropdown>
  );
}
