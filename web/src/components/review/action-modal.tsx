import { Alert, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS } from '../../../../domain/workflow.ts';
import { ApiError } from '../../api/client.ts';
import type { UnitAction } from '../../api/review.ts';
import { type Language, useLanguage } from '../../i18n/index.ts';

const MAX_COMMENT = 2000;

/** The server's reason: in Chinese from `messageZh` (e.g. the city tier's refusal) when the interface is. */
function refusalText(err: unknown, lang: Language): string {
  if (err instanceof ApiError && lang !== 'en') {
    const zh = err.details
      .map((d) => (d as { messageZh?: unknown }).messageZh)
      .filter((m): m is string => typeof m === 'string');
    if (zh.length) return zh.join('；');
  }
  return err instanceof Error ? err.message : String(err);
}
const MAX_NAMES = 8;

/** Whether the unit must write down its reasons for the action (the county sees them). */
export const needsReasons = (action: UnitAction): boolean =>
  'requiresComment' in TRANSITIONS[action] && TRANSITIONS[action].requiresComment === true;

/**
 * Confirms accept / return / reject for one or several declarations; return and reject ask for the
 * reasons. `onConfirm` may throw: a refused comment shows on the field, anything else above the form.
 */
export function ActionModal({
  action,
  names,
  warning,
  onCancel,
  onConfirm,
}: {
  action: UnitAction | null;
  /** The declarations it applies to (several for a bulk action). */
  names: string[];
  warning?: ReactNode;
  onCancel: () => void;
  onConfirm: (comment: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (action) {
      form.resetFields();
      setError(null);
    }
  }, [action, form]);

  if (!action) return null;
  const reasons = needsReasons(action);
  const bulk = names.length > 1;
  const title =
    action === 'accept'
      ? bulk
        ? t('review.confirm.acceptBulk', { count: names.length })
        : t('review.confirm.acceptTitle')
      : t(`review.confirm.${action}Title`);
  const body = t(`review.confirm.${action}Body`);

  const submit = async () => {
    let comment = '';
    try {
      if (reasons) comment = (await form.validateFields()).comment?.trim() ?? '';
    } catch {
      return; // The field shows what is wrong.
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(comment);
    } catch (err) {
      const commentRefused =
        err instanceof ApiError &&
        err.code === 'VALIDATION_FAILED' &&
        err.details.some((d) => (d as { path?: string }).path === 'comment');
      if (commentRefused) form.setFields([{ name: 'comment', errors: [t('review.confirm.reasonRequired')] }]);
      else setError(t('review.actionFailed', { message: refusalText(err, lang) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t(`review.actionNames.${action}`)}
      cancelText={t('review.confirm.cancel')}
      okButtonProps={{ danger: action !== 'accept', loading: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{body}</Typography.Paragraph>
      {names.length === 1 && <Typography.Paragraph strong>{names[0]}</Typography.Paragraph>}
      {bulk && (
        <>
          <Typography.Paragraph>
            {t('review.confirm.bulkCount', { count: names.length })}
          </Typography.Paragraph>
          <ul className="action-names">
            {names.slice(0, MAX_NAMES).map((n) => (
              <li key={n}>{n}</li>
            ))}
            {names.length > MAX_NAMES && <li>…</li>}
          </ul>
        </>
      )}
      {warning && <Alert type="warning" showIcon message={warning} className="action-warning" />}
      {error && <Alert type="error" showIcon message={error} className="action-warning" />}
      <Form form={form} layout="vertical" requiredMark>
        {reasons && (
          <Form.Item
            name="comment"
            label={t('review.confirm.reason')}
            rules={[{ required: true, whitespace: true, message: t('review.confirm.reasonRequired') }]}
          >
            <Input.TextArea
              rows={4}
              maxLength={MAX_COMMENT}
              showCount
              placeholder={t('review.confirm.reasonPlaceholder')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
