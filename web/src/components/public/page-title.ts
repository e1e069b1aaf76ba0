import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to “page · Jiqun” while the page is shown (WCAG 2.4.2). */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const suffix = t('app.name');
  useEffect(() => {
    const previous = document.title;
    document.title = title ? `${title} · ${suffix}` : suffix;
    return () => {
      document.title = previous;
    };
  }, [title, suffix]);
}
