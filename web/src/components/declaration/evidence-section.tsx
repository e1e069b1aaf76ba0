import {
  CloseOutlined,
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Progress, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_CATEGORIES } from '../../../../domain/declaration-form.ts';
import { ApiError } from '../../api/client.ts';
import {
  type Attachment,
  type Declaration,
  declarationsApi,
  declarationUrls,
  type UploadHandle,
  uploadAttachment,
} from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';
import { fieldId } from './field-paths.ts';
import { useDeclarationForm } from './form-context.tsx';
import { formatBytes, formatDateTime } from './format.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.ofd';

interface Upload {
  key: number;
  category: string;
  name: string;
  percent: number;
  handle: UploadHandle;
}

/** 佐证材料: per category, the files attached (download, delete) and uploads with progress and cancel. */
export function EvidenceSection({
  declaration,
  onChanged,
}: {
  declaration: Declaration;
  /** Called with the declaration as the server has it after an upload or a deletion. */
  onChanged: (declaration: Declaration) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const { missing } = useDeclarationForm();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(1);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const canUpload = declaration.allowedActions.includes('upload');
  const canDelete = declaration.allowedActions.includes('delete_attachment');

  const refresh = async () => {
    try {
      onChanged(await declarationsApi.get(declaration.id));
    } catch {
      // The list refreshes with the next save or reload.
    }
  };

  const uploadErrorText = (err: unknown) => {
    if (err instanceof ApiError && err.status === 413) return t('evidence.tooLarge');
    if (err instanceof ApiError && err.status === 415) return t('evidence.unsupported');
    return err instanceof Error ? err.message : String(err);
  };

  const start = (category: string, files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = nextKey.current++;
      const handle = uploadAttachment(declaration.id, category, file, (percent) =>
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, percent } : u))),
      );
      setUploads((list) => [...list, { key, category, name: file.name, percent: 0, handle }]);
      handle.done
        .then(async () => {
          void message.success(t('evidence.uploaded', { name: file.name }));
          await refresh();
        })
        .catch((err: unknown) => {
          if (err instanceof DOMException && err.name === 'AbortError')
            void message.info(t('evidence.cancelled', { name: file.name }));
          else void message.error(t('evidence.failed', { name: file.name, message: uploadErrorText(err) }));
        })
        .finally(() => setUploads((list) => list.filter((u) => u.key !== key)));
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await declarationsApi.deleteAttachment(declaration.id, a.id);
      void message.success(t('evidence.deleted', { name: a.filename }));
      await refresh();
    } catch (err) {
      void message.error(
        t('evidence.deleteFailed', { message: err instanceof Error ? err.message : String(err) }),
      );
    }
  };

  return (
    <div className="form-section">
      <Typography.Paragraph type="secondary">{t('evidence.intro')}</Typography.Paragraph>
      {EVIDENCE_CATEGORIES.map((cat) => {
        const label = lang === 'en' ? cat.en : cat.zh;
        const files = declaration.attachments.filter((a) => a.category === cat.key);
        const pending = uploads.filter((u) => u.category === cat.key);
        const path = `attachments.${cat.key}`;
        const error = missing.get(path);
        const headingId = `evidence-${cat.key}-heading`;
        return (
          <Card
            key={cat.key}
            size="small"
            className={`evidence-card${error ? ' evidence-card-error' : ''}`}
            title={
              <h4 className="card-heading" id={headingId}>
                {label}{' '}
                <Tag color={cat.required ? 'red' : 'default'} bordered={false}>
                  {cat.required ? t('side.required') : t('side.optional')}
                </Tag>
              </h4>
            }
            extra={
              canUpload && (
                <>
                  <input
                    ref={(el) => {
                      if (el) inputs.current.set(cat.key, el);
                      else inputs.current.delete(cat.key);
                    }}
                    type="file"
                    multiple
                    accept={ACCEPT}
                    hidden
                    data-category={cat.key}
                    aria-label={t('evidence.uploadTo', { category: label })}
                    onChange={(e) => {
                      start(cat.key, e.target.files);
                      e.target.value = '';
                    }}
                  />
                  <Button
                    id={fieldId(path)}
                    icon={<UploadOutlined />}
                    aria-label={t('evidence.uploadTo', { category: label })}
                    onClick={() => inputs.current.get(cat.key)?.click()}
                  >
                    {t('evidence.upload')}
                  </Button>
                </>
              )
            }
          >
            {error && (
              <Typography.Paragraph type="danger" role="alert" className="evidence-error">
                {error}
              </Typography.Paragraph>
            )}
            {files.length === 0 && pending.length === 0 && (
              <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>
            )}
            {files.length > 0 && (
              <ul className="file-list" aria-label={t('evidence.files', { category: label })}>
                {files.map((a) => (
                  <li key={a.id} className="file-row">
                    <PaperClipOutlined aria-hidden="true" />
                    <a
                      className="file-name"
                      href={declarationUrls.attachment(declaration.id, a.id)}
                      download={a.filename}
                    >
                      {a.filename}
                    </a>
                    <span className="file-meta">
                      {t('evidence.uploadedMeta', {
                        size: formatBytes(a.size),
                        at: formatDateTime(a.uploadedAt),
                      })}
                    </span>
                    <span className="file-actions">
                      <Button
                        type="text"
                        size="small"
                        icon={<DownloadOutlined />}
                        href={declarationUrls.attachment(declaration.id, a.id)}
                        aria-label={t('evidence.downloadNamed', { name: a.filename })}
                      />
                      {canDelete && (
                        <Popconfirm
                          title={t('evidence.deleteConfirm', { name: a.filename })}
                          okText={t('evidence.delete')}
                          cancelText={t('form.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove(a)}
                        >
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('evidence.deleteNamed', { name: a.filename })}
                          />
                        </Popconfirm>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {pending.map((u) => (
              <div key={u.key} className="upload-row" aria-live="polite">
                <span className="file-name">{t('evidence.uploading', { name: u.name })}</span>
                <Progress
                  percent={u.percent}
                  size="small"
                  aria-label={t('evidence.uploading', { name: u.name })}
                />
                <Button
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={t('evidence.cancelNamed', { name: u.name })}
                  onClick={() => u.handle.abort()}
                >
                  {t('evidence.cancel')}
                </Button>
              </div>
            ))}
          </Card>
        );
      })}
    </div>
  );
}
