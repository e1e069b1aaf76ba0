import type { ReactNode } from 'react';
import { Brand } from './brand.tsx';
import { DemoBanner } from './demo-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SkipLink } from './skip-link.tsx';
import { VersionFooter } from './version-footer.tsx';

/** Frame for pages shown without a session (login, fatal errors). */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="public-shell">
      <SkipLink />
      <DemoBanner />
      <header className="public-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main-content" tabIndex={-1} className="public-main">
        {children}
      </main>
      <VersionFooter />
    </div>
  );
}
