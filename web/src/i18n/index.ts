import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import adminEn from './admin.en.ts';
import adminZh, { type AdminDictionary } from './admin.zh-CN.ts';
import clustersEn from './clusters.en.ts';
import clustersZh, { type ClustersDictionary } from './clusters.zh-CN.ts';
import en from './en.ts';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_STORAGE_KEY,
  type Language,
  toLanguage,
} from './languages.ts';
import noticesEn from './notices.en.ts';
import noticesZh, { type NoticesDictionary } from './notices.zh-CN.ts';
import settingsEn from './settings.en.ts';
import settingsZh, { type SettingsDictionary } from './settings.zh-CN.ts';
import unitReviewEn from './unit-review.en.ts';
import unitReviewZh, { type UnitReviewDictionary } from './unit-review.zh-CN.ts';
import zhCN, { type Dictionary } from './zh-CN.ts';

export { formatMoneyYi, formatNumber, formatPercent } from './format.ts';
export { LANGUAGES, type Language } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Dictionary &
        ClustersDictionary &
        NoticesDictionary &
        SettingsDictionary &
        UnitReviewDictionary &
        AdminDictionary;
    };
  }
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (privacy mode); fall back to the default.
  }
  return DEFAULT_LANGUAGE;
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

export function initI18n(): typeof i18next {
  const lng = readStoredLanguage();
  applyLanguage(lng);
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': {
        translation: {
          ...zhCN,
          ...clustersZh,
          ...noticesZh,
          ...settingsZh,
          ...unitReviewZh,
          ...adminZh,
          nav: {
            ...zhCN.nav,
            ...clustersZh.nav,
            ...noticesZh.nav,
            ...settingsZh.nav,
            ...unitReviewZh.nav,
          },
        },
      },
      en: {
        translation: {
          ...en,
          ...clustersEn,
          ...noticesEn,
          ...settingsEn,
          ...unitReviewEn,
          ...adminEn,
          nav: { ...en.nav, ...clustersEn.nav, ...noticesEn.nav, ...settingsEn.nav, ...unitReviewEn.nav },
        },
      },
    },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (value) => applyLanguage(toLanguage(value)));
  return i18next;
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await i18next.changeLanguage(lang);
}

/** The current interface language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
