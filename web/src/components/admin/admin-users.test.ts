import { describe, expect, it } from 'vitest';
import adminEn from '../../i18n/admin.en.ts';
import adminZh from '../../i18n/admin.zh-CN.ts';
import { emailForApi, randomPassword, scopeFieldsFor, userFieldErrors } from './admin-users.ts';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('admin dictionaries', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    const zh = new Map(leaves(adminZh));
    const en = new Map(leaves(adminEn));
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('user form helpers', () => {
  const translate = (key: string) => `<${key}>`;

  it('puts the server’s details on their fields, translating the known messages', () => {
    const { fields, general } = userFieldErrors(
      [
        { path: 'username', message: 'taken' },
        { path: 'password', message: 'at least 10 characters' },
        { path: 'password', message: 'letters and digits' },
        { path: 'body.email', message: 'Invalid email address' },
        { path: 'body', message: 'Give at least one of displayName, email, disabled' },
        'junk',
      ],
      translate,
    );
    expect(fields).toEqual([
      { name: 'username', errors: ['<adminUsers.errors.taken>'] },
      {
        name: 'password',
        errors: ['<adminUsers.errors.passwordLength>', '<adminUsers.errors.passwordMix>'],
      },
      { name: 'email', errors: ['Invalid email address'] },
    ]);
    expect(general).toEqual(['Give at least one of displayName, email, disabled']);
  });

  it('names every key it translates with in the dictionary', () => {
    const keys = new Set(leaves(adminZh).map(([k]) => k));
    const used: string[] = [];
    userFieldErrors(
      [
        'taken',
        'required',
        'not a county',
        'unknown unit',
        'not your own account',
        'at least 10 characters',
        'at most 200 characters',
        'letters and digits',
        'not a well-known password',
        'not the user name',
        'more than one repeated character',
        '',
      ].map((message) => ({ path: 'password', message })),
      (key) => {
        used.push(key);
        return key;
      },
    );
    for (const key of used) expect(keys.has(key), key).toBe(true);
  });

  it('asks for a county, a city or a unit as the role needs', () => {
    expect(scopeFieldsFor('county')).toEqual({ division: 'county', unit: null });
    expect(scopeFieldsFor('city')).toEqual({ division: 'city', unit: null });
    expect(scopeFieldsFor('unit')).toEqual({ division: null, unit: 'required' });
    expect(scopeFieldsFor('expert')).toEqual({ division: null, unit: 'optional' });
    expect(scopeFieldsFor('ministry')).toEqual({ division: null, unit: null });
  });

  it('generates passwords that pass the server’s rules', () => {
    for (let i = 0; i < 200; i++) {
      const p = randomPassword();
      expect(p).toMatch(/^[A-Za-z2-9]{16}$/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[A-Za-z]/);
    }
  });

  it('sends an empty e-mail as null', () => {
    expect(emailForApi('  a@b.cn ')).toBe('a@b.cn');
    expect(emailForApi('  ')).toBeNull();
    expect(emailForApi(undefined)).toBeNull();
  });
});
