import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-declaration-editor.ts';

/** The autosave state in words, announced politely: 保存中… / 已保存 HH:mm:ss / 保存失败（重试）/ 有冲突. */
export function SaveIndicator({
  state,
  savedAt,
  onRetry,
}: {
  state: SaveState;
  savedAt: Date | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  let content: ReactNode;
  switch (state) {
    case 'saving':
      content = (
        <>
          <LoadingOutlined aria-hidden="true" /> {t('save.saving')}
        </>
      );
      break;
    case 'saved':
      content = (
        <>
          <CheckCircleOutlined aria-hidden="true" className="icon-ok" />{' '}
          {t('save.saved', { time: dayjs(savedAt).format('HH:mm:ss') })}
        </>
      );
      break;
    case 'pending':
      content = (
        <>
          <EditOutlined aria-hidden="true" /> {t('save.pending')}
        </>
      );
      break;
    case 'error':
      content = (
        <>
          <ExclamationCircleOutlined aria-hidden="true" className="icon-missing" /> {t('save.failed')}
          <Button size="small" type="link" onClick={onRetry}>
            {t('save.retry')}
          </Button>
        </>
      );
      break;
    case 'conflict':
      content = (
        <>
          <WarningOutlined aria-hidden="true" className="icon-missing" /> {t('save.conflict')}
        </>
      );
      break;
    case 'locked':
      content = (
        <>
          <WarningOutlined aria-hidden="true" className="icon-missing" /> {t('save.locked')}
        </>
      );
      break;
    default:
      content = (
        <>
          <CloudUploadOutlined aria-hidden="true" /> {t('save.upToDate')}
        </>
      );
  }
  return (
    <div
      className={`save-indicator save-${state}`}
      role="status"
      aria-live="polite"
      aria-label={t('save.label')}
    >
      {content}
    </div>
  );
}
