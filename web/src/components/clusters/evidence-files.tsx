import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClusterFile, clusterApi } from '../../api/clusters.ts';
import { formatBytes } from '../declaration/format.ts';
import { errorText } from '../ministry/query-error.tsx';

/** A cluster's evidence files as download links, with an upload button when `upload` is given. */
export function EvidenceFiles({
  clusterId,
  files,
  upload,
  label,
}: {
  clusterId: string;
  files: readonly ClusterFile[];
  upload?: (file: File) => Promise<unknown>;
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <div className="cluster-files">
      {files.length === 0 ? (
        <Typography.Text type="secondary">{t('cl.noFiles')}</Typography.Text>
      ) : (
        <ul className="cluster-file-list">
          {files.map((f) => (
            <li key={f.id}>
              <PaperClipOutlined aria-hidden="true" />{' '}
              <a href={clusterApi.fileUrl(clusterId, f.id)} target="_blank" rel="noreferrer">
                {f.filename}
              </a>{' '}
              <Typography.Text type="secondary">({formatBytes(f.size)})</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {upload && (
        <Space>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              setBusy(true);
              upload(file)
                .then(() => message.success(t('cl.uploaded', { name: file.name })))
                .catch((err) => message.error(t('cl.failed', { message: errorText(err) })))
                .finally(() => setBusy(false));
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden="true" />} loading={busy}>
              {label ?? t('cl.addFile')}
            </Button>
          </Upload>
        </Space>
      )}
    </div>
  );
}
