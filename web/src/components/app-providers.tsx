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
      // Secondary text at antd's 45 % black is 4.0:1 on white; 65 % (#595959) meets WCAG AA's 4.5:1.
      theme={{
        token: {
          colorPrimary: '#1d4ed8',
          colorLink: '#1d4ed8',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          // Hovered links and default buttons take these; antd's lighter derived blue is below 4.5:1.
          colorLinkHover: '#1e40af',
          colorPrimaryHover: '#1e40af',
        },
      }}
      // "登录" rather than "登 录": the inserted space also ends up in the accessible name.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
