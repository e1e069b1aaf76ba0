import { describe, expect, it } from 'vitest';
import { navItemsFor, selectedNavKey } from './nav-items.ts';

describe('navigation', () => {
  it('gives the ministry its national review screens, all built', () => {
    const items = navItemsFor('ministry');
    expect(items.map((i) => i.key)).toEqual([
      'home',
      'dashboard',
      'campaigns',
      'intake',
      'panels',
      'results',
      'clusters',
      'annualReports',
      'reReviews',
      'policySupport',
      'clusterImport',
      'notices',
      'audit',
      'reference',
    ]);
    expect(items.every((i) => i.path)).toBe(true);
  });

  it('gives the admin its screens, all built: campaigns, users, outgoing mail, audit', () => {
    const items = navItemsFor('admin');
    expect(items.map((i) => i.key)).toEqual(['home', 'campaigns', 'reference', 'users', 'mail', 'audit']);
    expect(items.every((i) => i.path)).toBe(true);
    expect(selectedNavKey(items, '/audit')).toBe('audit');
    expect(selectedNavKey(items, '/admin/mail')).toBe('mail');
    expect(selectedNavKey(items, '/admin/users')).toBe('users');
    expect(selectedNavKey(items, '/ministry/campaigns')).toBe('campaigns');
  });

  it('leaves no role with a "coming soon" entry', () => {
    for (const role of ['county', 'unit', 'expert', 'ministry', 'admin'] as const) {
      expect(
        navItemsFor(role).filter((i) => !i.path),
        role,
      ).toEqual([]);
    }
  });

  it('gives units their inspections screen', () => {
    const items = navItemsFor('unit');
    expect(items.find((i) => i.key === 'inspections')?.path).toBe('/inspections');
    expect(selectedNavKey(items, '/inspections/abc')).toBe('inspections');
  });

  it('gives a city account its city recommendation screen', () => {
    const items = navItemsFor('city');
    expect(items.map((i) => i.key)).toEqual(['home', 'city', 'reference']);
    expect(selectedNavKey(items, '/city')).toBe('city');
  });

  it('lets counties and units see their identified clusters', () => {
    expect(navItemsFor('county').some((i) => i.key === 'clusters')).toBe(true);
    expect(navItemsFor('unit').some((i) => i.key === 'clusters')).toBe(true);
  });

  it('lets the ministry and units publish notices', () => {
    for (const role of ['ministry', 'unit'] as const) {
      const items = navItemsFor(role);
      expect(items.find((i) => i.key === 'notices')?.path).toBe('/notices/manage');
      expect(selectedNavKey(items, '/notices/manage')).toBe('notices');
    }
    expect(navItemsFor('county').some((i) => i.key === 'notices')).toBe(false);
  });

  it('selects the longest matching path', () => {
    const items = navItemsFor('ministry');
    expect(selectedNavKey(items, '/ministry')).toBe('dashboard');
    expect(selectedNavKey(items, '/ministry/panels/abc')).toBe('panels');
    expect(selectedNavKey(items, '/ministry/results')).toBe('results');
    expect(selectedNavKey(items, '/')).toBe('home');
    expect(selectedNavKey(items, '/clusters/import')).toBe('clusterImport');
    expect(selectedNavKey(items, '/clusters/abc')).toBe('clusters');
  });
});
