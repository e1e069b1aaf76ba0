import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  ImportOutlined,
  MailOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../api/types.ts';
import { type NavKey, navItemsFor, selectedNavKey } from './nav-items.ts';

const icons: Record<NavKey, ReactNode> = {
  home: <HomeOutlined />,
  notices: <NotificationOutlined />,
  declarations: <FileAddOutlined />,
  review: <AuditOutlined />,
  inspections: <ScheduleOutlined />,
  city: <ApartmentOutlined />,
  expertTasks: <SolutionOutlined />,
  dashboard: <DashboardOutlined />,
  campaigns: <CalendarOutlined />,
  intake: <FileSearchOutlined />,
  panels: <UsergroupAddOutlined />,
  results: <TrophyOutlined />,
  clusters: <SafetyCertificateOutlined />,
  annualReports: <BarChartOutlined />,
  reReviews: <AlertOutlined />,
  policySupport: <FundOutlined />,
  clusterImport: <ImportOutlined />,
  provincial: <StarOutlined />,
  reference: <DatabaseOutlined />,
  users: <TeamOutlined />,
  mail: <MailOutlined />,
  audit: <FileProtectOutlined />,
};

export function NavMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entries = navItemsFor(role);
  const selected = selectedNavKey(entries, pathname);

  const items: MenuProps['items'] = entries.map((entry) => {
    const label = t(`nav.${entry.key}`);
    return entry.path
      ? {
          key: entry.key,
          icon: icons[entry.key],
          label: (
            <Link
              to={entry.path}
              onClick={onNavigate}
              aria-current={selected === entry.key ? 'page' : undefined}
            >
              {label}
            </Link>
          ),
        }
      : {
          key: entry.key,
          icon: icons[entry.key],
          disabled: true,
          title: t('nav.comingSoon'),
          label: (
            <span>
              {label}{' '}
              <Tag bordered={false} className="coming-soon">
                {t('nav.soon')}
              </Tag>
            </span>
          ),
        };
  });

  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} className="nav-menu" />
    </nav>
  );
}
