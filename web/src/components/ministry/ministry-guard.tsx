import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries.ts';

/** The ministry's screens are for the ministry only; anyone else gets a plain 403. */
export function MinistryOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  if (role !== 'ministry')
    return <Result status="403" title={<h1 className="result-title">{t('ministry.forbidden')}</h1>} />;
  return children;
}
