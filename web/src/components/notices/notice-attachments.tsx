import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeAttachmentDto } from '../../../../domain/ministry-contract.ts';
import { noticeAttachmentUrl } from '../../api/public.ts';
import { errorText } from '../ministry/query-error.tsx';
import { invalidateNotices, noticesApi } from './notices-api.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.ofd';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A notice's attachments: upload with progress, download, remove. Only the notice's author gets here. */
export function NoticeAttachments({
  noticeId,
  initial,
}: {
  noticeId: string;
  initial: NoticeAttachmentDto[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [attachments, setAttachments] = useState(initial);
  // Files still uploading (or failed); finished ones move to `attachments`.
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);

  const remove = async (a: NoticeAttachmentDto) => {
    setRemoving(a.id);
    try {
      await noticesApi.removeAttachment(noticeId, a.id);
      setAttachments((list) => list.filter((x) => x.id !== a.id));
      invalidateNotices(queryClient);
      message.success(t('notices.attachments.removed'));
    } catch (err) {
      message.error(t('notices.failed', { message: errorText(err) }));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <div className="notice-attachments">
      <Typography.Title level={3} className="notice-attachments-title" style={{ fontSize: 16 }}>
        {t('notices.attachments.title')}
      </Typography.Title>
      <List
        size="small"
        dataSource={attachments}
        locale={{ emptyText: t('notices.attachments.none') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t('notices.attachments.removeConfirm', { name: a.filename })}
                onConfirm={() => remove(a)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  loading={removing === a.id}
                  aria-label={`${t('notices.attachments.remove')} ${a.filename}`}
                >
                  {t('notices.attachments.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <PaperClipOutlined aria-hidden />{' '}
            <a
              href={noticeAttachmentUrl(noticeId, a.id)}
              aria-label={t('notices.attachments.download', { name: a.filename })}
            >
              {a.filename}
            </a>{' '}
            <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text>
          </List.Item>
        )}
      />
      <Upload
        accept={ACCEPT}
        multiple
        fileList={pending}
        onChange={({ fileList }) => setPending(fileList.filter((f) => f.status !== 'done'))}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const f = file as File;
          const handle = noticesApi.upload(noticeId, f, (percent) => onProgress?.({ percent }));
          handle.done.then(
            (created) => {
              setAttachments((list) => [...list, created]);
              invalidateNotices(queryClient);
              message.success(t('notices.attachments.uploaded', { name: created.filename }));
              onSuccess?.(created);
            },
            (err: unknown) => {
              message.error(t('notices.failed', { message: errorText(err) }));
              onError?.(err instanceof Error ? err : new Error(String(err)));
            },
          );
          return { abort: () => handle.abort() };
        }}
      >
        <Button icon={<UploadOutlined />}>{t('notices.attachments.upload')}</Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('notices.attachments.uploadHelp')}
      </Typography.Paragraph>
    </div>
  );
}
