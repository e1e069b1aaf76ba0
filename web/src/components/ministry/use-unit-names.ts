import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { UNITS } from '../../../../domain/units.ts';
import { useLanguage } from '../../i18n/index.ts';

const byCode = new Map(UNITS.map((u) => [u.code, u]));

/** An expert's label: name and home unit (or "national" when it has none), for pickers and tables. */
export function useExpertLabel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useCallback(
    (e: { displayName: string; unitCode: string | null }) => {
      const unit = e.unitCode ? byCode.get(e.unitCode) : undefined;
      const home = unit
        ? lang === 'en'
          ? unit.nameEn
          : unit.name
        : (e.unitCode ?? t('ministry.panels.national'));
      return `${e.displayName} · ${home}`;
    },
    [lang, t],
  );
}
