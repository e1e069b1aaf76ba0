import { CheckCircleFilled, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  completeness,
  type DeclarationContent,
  EVIDENCE_CATEGORIES,
  FORM_SECTIONS,
  type FormSectionKey,
  missingItems,
} from '../../../../domain/declaration-form.ts';
import type { StandardsItem } from '../../../../domain/standards.ts';
import { useServerStandards } from '../../api/declaration-queries.ts';
import type { Declaration } from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';
import {
  evaluateLive,
  formatStandardsValue,
  formatThreshold,
  standardsItemName,
} from './standards-format.ts';

export const RESULT_COLORS: Record<StandardsItem['result'], string> = {
  pass: 'success',
  fail: 'error',
  warn: 'warning',
  missing: 'default',
};
export const OVERALL_COLORS = { pass: 'success', fail: 'error', incomplete: 'default' } as const;

/** Completeness meter, live standards check and evidence checklist beside the form. */
export function SidePanel({
  declaration,
  content,
  dirty,
  onGoToSection,
}: {
  declaration: Declaration;
  content: DeclarationContent;
  dirty: boolean;
  onGoToSection: (section: FormSectionKey) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const attached = useMemo(() => declaration.attachments.map((a) => a.category), [declaration.attachments]);
  const missing = useMemo(() => missingItems(content, attached), [content, attached]);
  const percent = useMemo(() => completeness(content, attached), [content, attached]);
  const live = useMemo(
    () => evaluateLive(content, declaration.standardsVersion),
    [content, declaration.standardsVersion],
  );
  const server = useServerStandards(declaration.id, declaration.version);
  // While edits are unsaved the live check is the only one that matches the screen; once saved, the server's.
  const standards = !dirty && server.data ? server.data : live;

  const missingBySection = FORM_SECTIONS.map((s) => ({
    section: s,
    count: missing.filter((m) => m.section === s.key).length,
  })).filter((x) => x.count > 0);

  return (
    <div className="side-panel">
      <Card size="small" title={<h2 className="card-heading">{t('side.completeness')}</h2>}>
        <Progress
          percent={percent}
          status={percent === 100 ? 'success' : 'normal'}
          aria-label={t('side.completenessLabel')}
        />
        <Typography.Paragraph className="side-note" aria-live="polite">
          {missing.length === 0 ? t('side.allDone') : t('side.missingCount', { count: missing.length })}
        </Typography.Paragraph>
        {missingBySection.length > 0 && (
          <ul className="side-list">
            {missingBySection.map(({ section, count }) => (
              <li key={section.key}>
                <Button type="link" className="inline-link" onClick={() => onGoToSection(section.key)}>
                  {lang === 'en' ? section.en : section.zh}
                </Button>
                <span className="side-count">{count}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card size="small" title={<h2 className="card-heading">{t('side.standards')}</h2>}>
        {standards ? (
          <>
            <div className="standards-overall">
              <span>{t('side.overall')}</span>
              <Tag color={OVERALL_COLORS[standards.overall]}>
                {t(`side.overallResult.${standards.overall}`)}
              </Tag>
            </div>
            <ul className="standards-list">
              {standards.items.map((item) => {
                const threshold = formatThreshold(item, lang);
                return (
                  <li key={item.code} className="standards-item">
                    <div className="standards-head">
                      <span className="standards-name">{standardsItemName(item.code, t, lang)}</span>
                      <Tag color={RESULT_COLORS[item.result]} bordered={false}>
                        {t(`side.result.${item.result}`)}
                      </Tag>
                    </div>
                    <div className="standards-values">
                      <span>{t('side.value', { value: formatStandardsValue(item, lang, '✓', '✗') })}</span>
                      {threshold && <span>{t('side.threshold', { value: threshold })}</span>}
                    </div>
                    <Typography.Paragraph
                      type="secondary"
                      className="standards-message"
                      ellipsis={{ rows: 2, expandable: true }}
                    >
                      {lang === 'en' ? item.messageEn : item.message}
                    </Typography.Paragraph>
                  </li>
                );
              })}
            </ul>
            <Typography.Paragraph type="secondary" className="side-note">
              {t('side.standardsVersion', { version: standards.standardsVersion })}
              {' · '}
              {dirty || !server.data ? t('side.standardsLive') : t('side.standardsHint')}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Text type="secondary">{t('side.standardsHint')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={<h2 className="card-heading">{t('side.evidence')}</h2>}>
        <ul className="side-list evidence-checklist">
          {EVIDENCE_CATEGORIES.map((cat) => {
            const count = attached.filter((c) => c === cat.key).length;
            const icon =
              count > 0 ? (
                <CheckCircleFilled className="icon-ok" aria-hidden="true" />
              ) : cat.required ? (
                <ExclamationCircleOutlined className="icon-missing" aria-hidden="true" />
              ) : (
                <MinusCircleOutlined className="icon-optional" aria-hidden="true" />
              );
            return (
              <li key={cat.key}>
                {icon}
                <span className="evidence-name">
                  {lang === 'en' ? cat.en : cat.zh}
                  <span className="visually-hidden">
                    {' '}
                    ({cat.required ? t('side.required') : t('side.optional')},{' '}
                    {count > 0 ? t('side.attached') : t('side.notAttached')})
                  </span>
                </span>
                {count > 0 ? (
                  <span className="side-count">{t('side.attachedCount', { count })}</span>
                ) : (
                  cat.required && (
                    <Tag bordered={false} color="red" aria-hidden="true">
                      {t('side.required')}
                    </Tag>
                  )
                )}
              </li>
            );
          })}
        </ul>
        <Button type="link" className="inline-link" onClick={() => onGoToSection('evidence')}>
          {lang === 'en' ? FORM_SECTIONS[5].en : FORM_SECTIONS[5].zh}
        </Button>
      </Card>
    </div>
  );
}
