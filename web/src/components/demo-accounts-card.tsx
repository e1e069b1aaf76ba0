import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../api/types.ts';

export const DEMO_PASSWORD = 'demo';

/** Used when the server says demo mode but does not list its accounts. */
const FALLBACK_ACCOUNTS: DemoAccount[] = [
  { username: 'ministry', role: 'ministry', description: '工业和信息化部中小企业局' },
  { username: 'unit-330200', role: 'unit', description: '宁波' },
  { username: 'county-330281', role: 'county', description: '余姚市' },
  { username: 'expert-1', role: 'expert', description: '评审专家' },
];

export function DemoAccountsCard({
  accounts,
  onPick,
}: {
  accounts: DemoAccount[] | null | undefined;
  onPick: (username: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const list = accounts && accounts.length > 0 ? accounts : FALLBACK_ACCOUNTS;
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('demo.accountsTitle')}</h2>}
      className="demo-accounts"
    >
      <Typography.Paragraph type="secondary">
        {t('demo.accountsHint', { password: DEMO_PASSWORD })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={list}
        rowKey="username"
        renderItem={(account) => (
          <List.Item>
            <Button
              type="link"
              className="demo-account-button"
              aria-label={t('demo.fill', { username: account.username })}
              onClick={() => onPick(account.username, DEMO_PASSWORD)}
            >
              <code>{account.username}</code>
            </Button>
            <span className="demo-account-meta">
              <Tag>{t(`roles.${account.role}`)}</Tag>
              {account.description}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
