import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandardsResult } from '../../../../domain/standards.ts';
import { ApiError } from '../../api/client.ts';
import type { Declaration } from '../../api/declarations.ts';
import { type Review, type ReviewItem, reviewApi } from '../../api/review.ts';
import { useLanguage } from '../../i18n/index.ts';
import type { Language } from '../../i18n/languages.ts';
import { formatDateTime } from '../declaration/format.ts';
import { RESULT_COLORS } from '../declaration/side-panel.tsx';
import { standardsItemName } from '../declaration/standards-format.ts';
import { reviewChanged, reviewInputOf } from './review-format.ts';

// antd's Radio.Group passes `role` through but does not declare it.
const RADIOGROUP = { role: 'radiogroup' };

export type ChecklistForm = Pick<Review, 'items' | 'result' | 'notes'>;

/** The automatic check's detail in the interface language, from the declaration the page shows. */
function autoDetail(
  item: ReviewItem,
  declaration: Declaration,
  standards: StandardsResult | null,
  t: TFunction,
  lang: Language,
): string {
  if (!item.auto) return '';
  switch (item.key) {
    case 'completeness':
      return declaration.missing.length === 0
        ? t('review.autoDetail.complete')
        : t('review.autoDetail.missing', { count: declaration.missing.length });
    case 'standards': {
      if (!standards) return item.auto.detail;
      const failing = standards.items.filter((i) => i.result !== 'pass');
      return failing.length === 0
        ? t('review.autoDetail.standardsOk')
        : t('review.autoDetail.standardsFailing', {
            items: failing.map((i) => standardsItemName(i.code, t, lang)).join(lang === 'en' ? ', ' : '、'),
          });
    }
    case 'negative_list': {
      const negative = standards?.items.find((i) => i.code === 'negative_list');
      return negative ? (lang === 'en' ? negative.messageEn : negative.message) : item.auto.detail;
    }
    default:
      return item.auto.detail;
  }
}

interface Conflict {
  current: Review;
}

/**
 * 初审核对表: each item's automatic check beside the reviewer's own judgement and note, the overall result
 * and notes, saved with If-Match on the review's version (a conflict offers to load or overwrite).
 */
export function ReviewChecklist({
  declaration,
  standards,
  initial,
  editable,
  onDirtyChange,
}: {
  declaration: Declaration;
  standards: StandardsResult | null;
  initial: Review;
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<Review>(initial);
  const [form, setForm] = useState<ChecklistForm>(initial);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = reviewChanged(saved, form);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const setItem = (key: ReviewItem['key'], patch: Partial<Pick<ReviewItem, 'ok' | 'note'>>) =>
    setForm((f) => ({ ...f, items: f.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));

  const save = async (version: number) => {
    setSaving(true);
    setError(null);
    try {
      const next = await reviewApi.saveReview(declaration.id, version, reviewInputOf(form));
      setSaved(next);
      setForm(next);
      setConflict(null);
      void message.success(t('review.saved'));
    } catch (err) {
      const current =
        err instanceof ApiError && err.code === 'VERSION_CONFLICT'
          ? (err.details[0] as { current?: Review } | undefined)?.current
          : undefined;
      if (current) setConflict({ current });
      else setError(t('review.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSaving(false);
    }
  };

  const name = (item: ReviewItem) => (lang === 'en' ? item.en : item.zh);

  return (
    <Card
      size="small"
      className="review-checklist"
      title={<h2 className="card-heading">{t('review.checklist')}</h2>}
      extra={
        editable && (
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={() => setForm((f) => ({ ...f, items: f.items.map((i) => ({ ...i, ok: true })) }))}
          >
            {t('review.allOk')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="side-note">
        {editable ? t('review.checklistIntro') : t('review.readOnlyChecklist')}
      </Typography.Paragraph>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="checklist-alert"
          message={t('review.conflictTitle')}
          description={t('review.conflictBody', {
            name: conflict.current.reviewedBy?.displayName ?? '—',
            at: formatDateTime(conflict.current.reviewedAt),
            version: conflict.current.version,
          })}
          action={
            <Space direction="vertical">
              <Button
                size="small"
                onClick={() => {
                  setSaved(conflict.current);
                  setForm(conflict.current);
                  setConflict(null);
                }}
              >
                {t('review.conflictLoad')}
              </Button>
              <Button size="small" danger onClick={() => void save(conflict.current.version)}>
                {t('review.conflictOverwrite')}
              </Button>
            </Space>
          }
        />
      )}
      {error && <Alert type="error" showIcon className="checklist-alert" message={error} />}
      <ol className="check-list">
        {form.items.map((item) => {
          const label = name(item);
          const detail = autoDetail(item, declaration, standards, t, lang);
          return (
            <li key={item.key} className="check-item">
              <div className="check-head">
                <span className="check-name">{label}</span>
                <span className="check-auto">
                  <span className="visually-hidden">{t('review.autoLabel')}</span>
                  {item.auto ? (
                    <Tag color={RESULT_COLORS[item.auto.result]} bordered={false}>
                      {t(`review.autoResult.${item.auto.result}`)}
                    </Tag>
                  ) : (
                    <Tag bordered={false}>{t('review.autoNone')}</Tag>
                  )}
                </span>
              </div>
              {detail && (
                <Typography.Paragraph
                  type="secondary"
                  className="check-detail"
                  ellipsis={{ rows: 2, expandable: true }}
                >
                  {detail}
                </Typography.Paragraph>
              )}
              <div className="check-judgement">
                <Radio.Group
                  {...RADIOGROUP}
                  aria-label={t('review.judgement', { item: label })}
                  optionType="button"
                  buttonStyle="solid"
                  size="small"
                  disabled={!editable}
                  value={item.ok === null ? undefined : item.ok ? 'ok' : 'notOk'}
                  onChange={(e) => setItem(item.key, { ok: e.target.value === 'ok' })}
                  options={[
                    { value: 'ok', label: t('review.ok') },
                    { value: 'notOk', label: t('review.notOk') },
                  ]}
                />
                <Input
                  size="small"
                  className="check-note"
                  aria-label={t('review.noteLabel', { item: label })}
                  placeholder={t('review.notePlaceholder')}
                  maxLength={2000}
                  disabled={!editable}
                  value={item.note}
                  onChange={(e) => setItem(item.key, { note: e.target.value })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="check-overall">
        <div className="check-field">
          <span id="review-result-label" className="check-name">
            {t('review.result')}
          </span>
          <Radio.Group
            {...RADIOGROUP}
            aria-labelledby="review-result-label"
            optionType="button"
            buttonStyle="solid"
            disabled={!editable}
            value={form.result ?? undefined}
            onChange={(e) => setForm((f) => ({ ...f, result: e.target.value }))}
            options={[
              { value: 'pass', label: t('review.resultPass') },
              { value: 'fail', label: t('review.resultFail') },
            ]}
          />
        </div>
        <div className="check-field">
          <label htmlFor="review-notes" className="check-name">
            {t('review.notes')}
          </label>
          <Input.TextArea
            id="review-notes"
            rows={3}
            maxLength={5000}
            disabled={!editable}
            placeholder={t('review.notesPlaceholder')}
            value={form.notes}
            onChange={(e) => setForm((f) => ({ ...f, notes: e.target.value }))}
          />
        </div>
      </div>
      <div className="check-footer">
        <Typography.Text type="secondary" className="check-who" aria-live="polite">
          {dirty
            ? t('review.unsaved')
            : saved.reviewedAt
              ? t('review.reviewedBy', {
                  name: saved.reviewedBy?.displayName ?? '—',
                  at: formatDateTime(saved.reviewedAt),
                  version: saved.version,
                })
              : t('review.notReviewed')}
        </Typography.Text>
        {editable && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!dirty || conflict !== null}
            onClick={() => void save(saved.version)}
          >
            {t('review.save')}
          </Button>
        )}
      </div>
    </Card>
  );
}
