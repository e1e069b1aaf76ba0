import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const STEPS = [
  { key: 'dashboard', path: '/ministry' },
  { key: 'intake', path: '/ministry/intake' },
  { key: 'panels', path: '/ministry/panels' },
  { key: 'results', path: '/ministry/results' },
] as const;

/** The national review's screens for one campaign, in order, keeping the campaign year in the address. */
export function MinistryNav({ year }: { year: number }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('ministry.steps.label')} className="ministry-steps">
      <ol>
        {STEPS.map((s, i) => {
          const current =
            pathname === s.path || (s.path !== '/ministry' && pathname.startsWith(`${s.path}/`));
          return (
            <li key={s.key}>
              <Link
                to={`${s.path}?year=${year}`}
                aria-current={current ? 'page' : undefined}
                className={current ? 'ministry-step ministry-step-current' : 'ministry-step'}
              >
                <span className="ministry-step-no" aria-hidden="true">
                  {i + 1}
                </span>
                {t(`ministry.steps.${s.key}`)}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
