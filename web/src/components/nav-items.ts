import type { Role } from '../api/types.ts';

export type NavKey =
  | 'home'
  | 'notices'
  | 'declarations'
  | 'review'
  | 'inspections'
  | 'city'
  | 'expertTasks'
  | 'dashboard'
  | 'campaigns'
  | 'intake'
  | 'panels'
  | 'results'
  | 'clusters'
  | 'annualReports'
  | 'reReviews'
  | 'policySupport'
  | 'clusterImport'
  | 'provincial'
  | 'reference'
  | 'users'
  | 'mail'
  | 'audit';

export interface NavItem {
  key: NavKey;
  /** Route path; absent while the screen is not built yet ("coming soon"). */
  path?: string;
}

const home: NavItem = { key: 'home', path: '/' };
const reference: NavItem = { key: 'reference', path: '/reference' };
const clusters: NavItem = { key: 'clusters', path: '/clusters' };
const annualReports: NavItem = { key: 'annualReports', path: '/annual-reports' };
const reReviews: NavItem = { key: 'reReviews', path: '/re-reviews' };
const policySupport: NavItem = { key: 'policySupport', path: '/policy-support' };
const notices: NavItem = { key: 'notices', path: '/notices/manage' };
const audit: NavItem = { key: 'audit', path: '/audit' };

/** Side-menu entries per role. Screens without a path render disabled. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'county':
      return [home, { key: 'declarations', path: '/declarations' }, clusters, annualReports, reference];
    case 'unit':
      return [
        home,
        { key: 'review', path: '/review' },
        { key: 'inspections', path: '/inspections' },
        clusters,
        annualReports,
        reReviews,
        policySupport,
        { key: 'provincial', path: '/provincial' },
        notices,
        reference,
      ];
    case 'expert':
      return [home, { key: 'expertTasks', path: '/expert' }];
    case 'city':
      return [home, { key: 'city', path: '/city' }, reference];
    case 'ministry':
      return [
        home,
        { key: 'dashboard', path: '/ministry' },
        { key: 'campaigns', path: '/ministry/campaigns' },
        { key: 'intake', path: '/ministry/intake' },
        { key: 'panels', path: '/ministry/panels' },
        { key: 'results', path: '/ministry/results' },
        clusters,
        annualReports,
        reReviews,
        policySupport,
        { key: 'clusterImport', path: '/clusters/import' },
        notices,
        audit,
        reference,
      ];
    case 'admin':
      return [
        home,
        // The campaign routes accept the admin as well as the ministry: the same screen serves both.
        { key: 'campaigns', path: '/ministry/campaigns' },
        reference,
        { key: 'users', path: '/admin/users' },
        { key: 'mail', path: '/admin/mail' },
        audit,
      ];
  }
}

/** The menu entry for a location, matching the longest path prefix. */
export function selectedNavKey(items: NavItem[], pathname: string): NavKey | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    if (!item.path) continue;
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > (best.path?.length ?? 0))) best = item;
  }
  return best?.key;
}
