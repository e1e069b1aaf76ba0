import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries.ts';
import type { Role } from '../../api/types.ts';

/**
 * The ministry's screens are for the ministry only (or the roles a screen names, e.g. the campaigns screen,
 * whose routes the admin may call too); anyone else gets a plain 403.
 */
export function MinistryOnly({
  children,
  roles = ['ministry'],
}: {
  children: ReactNode;
  roles?: readonly Role[];
}) {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  if (!role || !roles.includes(role))
    return <Result status="403" title={<h1 className="result-title">{t('ministry.forbidden')}</h1>} />;
  return children;
}
