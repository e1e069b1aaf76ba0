import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/index.ts';

/** antd configuration that follows the interface language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      // antd's secondary text (rgba 0,0,0,.45) and status colours (red, green, gold, blue on their light
      // backgrounds in tags and on white in messages) are below WCAG AA's 4.5:1; these are darker shades of them.
      theme={{
        token: {
          colorPrimary: '#1d4ed8',
          colorLink: '#1d4ed8',
          // Hovered or focused buttons and links darken instead of lightening (antd's lighter blue is 4.3:1).
          colorPrimaryHover: '#1e40af',
          colorLinkHover: '#1e40af',
          colorInfo: '#1d4ed8',
          colorError: '#cf1322',
          colorSuccess: '#237804',
          colorWarning: '#ad6800',
          // The light backgrounds antd would derive from these darker seeds are muddy: its usual ones.
          colorInfoBg: '#eff6ff',
          colorInfoBorder: '#bfdbfe',
          colorErrorBg: '#fff1f0',
          colorErrorBorder: '#ffa39e',
          colorSuccessBg: '#f6ffed',
          colorSuccessBorder: '#b7eb8f',
          colorWarningBg: '#fffbe6',
          colorWarningBorder: '#ffe58f',
          colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          // Placeholders, empty-table text and the units beside read-only inputs: antd's .25 is 1.8:1.
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
        },
      }}
      // "登录" rather than "登 录": the inserted space also ends up in the accessible name.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
