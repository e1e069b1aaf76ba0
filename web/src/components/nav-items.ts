import type { Role } from '../api/types.ts';

export type NavKey = 'home' | 'declarations' | 'review' | 'expertTasks' | 'campaigns' | 'reference' | 'users';

export interface NavItem {
  key: NavKey;
  /** Route path; absent while the screen is not built yet ("coming soon"). */
  path?: string;
}

const home: NavItem = { key: 'home', path: '/' };
const reference: NavItem = { key: 'reference', path: '/reference' };

/** Side-menu entries per role. Screens without a path render disabled. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'county':
      return [home, { key: 'declarations', path: '/declarations' }, reference];
    case 'unit':
      return [home, { key: 'review', path: '/review' }, reference];
    case 'expert':
      return [home, { key: 'expertTasks', path: '/expert' }];
    case 'ministry':
      return [home, { key: 'campaigns' }, reference];
    case 'admin':
      return [home, { key: 'campaigns' }, reference, { key: 'users' }];
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
