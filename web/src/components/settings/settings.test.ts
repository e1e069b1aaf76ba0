import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../../server/modules/notifications/kinds.ts';
import settingsEn from '../../i18n/settings.en.ts';
import settingsZh from '../../i18n/settings.zh-CN.ts';
import { emailForApi, fieldMessages, isMailStatus, KNOWN_KINDS } from './settings.ts';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('settings dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(keys(settingsEn).sort()).toEqual(keys(settingsZh).sort());
  });

  it('label every notification kind the server knows, with its labels', () => {
    expect(KNOWN_KINDS).toEqual(Object.keys(NOTIFICATION_KINDS));
    for (const [kind, label] of Object.entries(NOTIFICATION_KINDS)) {
      expect(settingsZh.settings.kinds[kind as keyof typeof NOTIFICATION_KINDS]).toBe(label.zh);
      expect(settingsEn.settings.kinds[kind as keyof typeof NOTIFICATION_KINDS]).toBe(label.en);
    }
  });
});

describe('settings helpers', () => {
  it('picks the validation messages of one field', () => {
    const details = [
      { path: 'body.email', message: 'Invalid email address' },
      { path: 'body.kinds', message: 'Unrecognized key: "x"' },
      'junk',
    ];
    expect(fieldMessages(details, 'email')).toEqual(['Invalid email address']);
    expect(fieldMessages([{ path: 'email' }], 'email')).toEqual(['invalid']);
    expect(fieldMessages(details, 'name')).toEqual([]);
  });

  it('sends an empty e-mail as null', () => {
    expect(emailForApi('  a@b.cn ')).toBe('a@b.cn');
    expect(emailForApi('   ')).toBeNull();
    expect(emailForApi(undefined)).toBeNull();
  });

  it('recognises mail statuses', () => {
    expect(isMailStatus('captured')).toBe(true);
    expect(isMailStatus('bogus')).toBe(false);
    expect(isMailStatus(null)).toBe(false);
  });
});
