import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FORM_SECTIONS } from '../../../../domain/declaration-form.ts';
import type { MissingDetail } from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';
import { fieldLabel, missingMessage, sectionOfPath } from './field-paths.ts';

/** Every item a submission still lacks, grouped by step, each a link to its field. */
export function MissingItemsAlert({
  items,
  campaignYear,
  onGoTo,
  onClose,
}: {
  items: MissingDetail[];
  campaignYear: number;
  onGoTo: (path: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const groups = FORM_SECTIONS.map((s) => ({
    section: s,
    items: items.filter((i) => (i.section ?? sectionOfPath(i.path)) === s.key),
  })).filter((g) => g.items.length > 0);

  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      className="missing-alert"
      role="alert"
      message={<h2 className="card-heading">{t('form.missingTitle', { count: items.length })}</h2>}
      description={
        <div className="missing-groups">
          <Typography.Paragraph type="secondary">{t('form.missingHint')}</Typography.Paragraph>
          {groups.map((g) => (
            <section key={g.section.key} aria-label={lang === 'en' ? g.section.en : g.section.zh}>
              <h3 className="missing-section">{lang === 'en' ? g.section.en : g.section.zh}</h3>
              <ul className="missing-list">
                {g.items.map((item) => (
                  <li key={item.path}>
                    <Button type="link" className="inline-link" onClick={() => onGoTo(item.path)}>
                      {fieldLabel(item.path, t, lang, campaignYear)}
                    </Button>
                    <span className="missing-message">{missingMessage(item, t)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      }
    />
  );
}
