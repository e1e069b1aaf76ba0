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
      theme={{
        token: {
          colorPrimary: '#1d4ed8',
          colorLink: '#1d4ed8',
          // antd's secondary and tertiary text (45% black: description labels, hints) and its red (#ff4d4f:
          // danger buttons, errors) fall under WCAG AA's 4.5:1 on white and on grey panels.
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorError: '#cf1322',
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
