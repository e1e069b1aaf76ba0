import { AuditOutlined, DashboardOutlined, FileAddOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../api/queries.ts';
import { useLanguage } from '../i18n/index.ts';

export default function HomePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession().data;
  if (!session) return null;
  const { user, scope } = session;
  const unitName = scope.unit ? (lang === 'en' ? scope.unit.nameEn : scope.unit.name) : undefined;

  const items: DescriptionsProps['items'] = [
    { key: 'role', label: t('home.role'), children: t(`roles.${user.role}`) },
    { key: 'username', label: t('home.username'), children: user.username },
  ];
  if (user.role === 'county') {
    const division = scope.division;
    items.push({
      key: 'county',
      label: t('home.county'),
      children: division?.name ?? user.divisionCode ?? '—',
    });
    if (division && division.path.length > 0) {
      const path = division.path.map((p) => p.name).join(' / ');
      items.push({ key: 'path', label: t('home.countyPath'), children: path });
    }
    items.push({ key: 'unit', label: t('home.unit'), children: unitName ?? user.unitCode ?? '—' });
  } else if (user.role === 'unit') {
    items.push({ key: 'unit', label: t('home.unit'), children: unitName ?? user.unitCode ?? '—' });
    if (scope.unit) {
      items.push(
        { key: 'kind', label: t('home.unitKind'), children: t(`kinds.${scope.unit.kind}`) },
        { key: 'region', label: t('home.region'), children: t(`regions.${scope.unit.region}`) },
        {
          key: 'counties',
          label: t('home.countyCount'),
          children: t('home.countyCountValue', { count: scope.unit.countyCount }),
        },
      );
    }
  }

  return (
    <section aria-labelledby="home-title" className="page">
      <Typography.Title level={1} id="home-title" className="page-title">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Card>
        <Descriptions column={1} items={items} />
      </Card>
      {user.role === 'unit' && (
        <Card className="home-card" title={<h2 className="card-heading">{t('review.homeCard')}</h2>}>
          <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
          <Link to="/review">
            <AuditOutlined aria-hidden="true" /> {t('review.homeLink')}
          </Link>
        </Card>
      )}
      {user.role === 'expert' && (
        <Card className="home-card" title={<h2 className="card-heading">{t('expert.title')}</h2>}>
          <Typography.Paragraph type="secondary">{t('expert.intro')}</Typography.Paragraph>
          <Link to="/expert">
            <SolutionOutlined aria-hidden="true" /> {t('expert.homeLink')}
          </Link>
        </Card>
      )}
      {user.role === 'ministry' && (
        <Card className="home-card" title={<h2 className="card-heading">{t('ministry.dashboard.title')}</h2>}>
          <Typography.Paragraph type="secondary">{t('ministry.dashboard.intro')}</Typography.Paragraph>
          <Link to="/ministry">
            <DashboardOutlined aria-hidden="true" /> {t('ministry.homeLink')}
          </Link>
        </Card>
      )}
      {user.role === 'county' && (
        <Card className="home-card" title={<h2 className="card-heading">{t('declarations.homeCard')}</h2>}>
          <Typography.Paragraph type="secondary">{t('declarations.intro')}</Typography.Paragraph>
          <Link to="/declarations">
            <FileAddOutlined aria-hidden="true" /> {t('declarations.homeLink')}
          </Link>
        </Card>
      )}
    </section>
  );
}
