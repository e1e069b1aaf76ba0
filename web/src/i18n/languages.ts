export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'jiqun.lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** Maps i18next's current language (which may be e.g. "en-US") onto one we ship. */
export function toLanguage(value: string | undefined): Language {
  if (isLanguage(value)) return value;
  return value?.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}
