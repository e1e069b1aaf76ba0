import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyDeclarationContent, missingItems } from '../../../../domain/declaration-form.ts';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { fieldId, fieldLabel, missingMessage, sectionOfPath } from './field-paths.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN');
const enT = i18n.getFixedT('en');

describe('field paths', () => {
  it('makes DOM ids', () => {
    expect(fieldId('indicators.output[2]')).toBe('decl-indicators-output-2');
    expect(fieldId('contacts[0].name')).toBe('decl-contacts-0-name');
    expect(fieldId('attachments.enterprise_list')).toBe('decl-attachments-enterprise_list');
  });

  it('knows the step of every missing item, as the domain does', () => {
    for (const item of missingItems(emptyDeclarationContent(), [])) {
      expect(sectionOfPath(item.path), item.path).toBe(item.section);
    }
  });

  it('labels every missing item of an empty form, in both languages', () => {
    const c = emptyDeclarationContent();
    c.contacts = [{ name: '', title: '', phone: '', email: '' }];
    for (const item of missingItems(c, [])) {
      expect(fieldLabel(item.path, zh, 'zh-CN', 2025), item.path).not.toBe(item.path);
      expect(fieldLabel(item.path, enT, 'en', 2025), item.path).not.toBe(item.path);
      expect(missingMessage(item, zh)).not.toMatch(/[a-z]{3}/);
    }
  });

  it('names years and rows', () => {
    expect(fieldLabel('indicators.output[2]', zh, 'zh-CN', 2025)).toBe('集群总产值，2024年');
    expect(fieldLabel('indicators.baseYearOutput', zh, 'zh-CN', 2025)).toBe('集群总产值，2021年（基期）');
    expect(fieldLabel('contacts[1].phone', enT, 'en', 2025)).toBe('Contact 2 · Phone');
    expect(fieldLabel('attachments.enterprise_list', enT, 'en', 2025)).toBe('List of cluster enterprises');
    expect(fieldLabel('somethingElse', zh, 'zh-CN', 2025)).toBe('somethingElse');
  });
});
