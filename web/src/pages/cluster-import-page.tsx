import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clusterApi, type ImportResult } from '../api/clusters.ts';
import { invalidateClusterViews } from '../api/clusters-queries.ts';
import { useSession } from '../api/queries.ts';
import { errorText } from '../components/ministry/query-error.tsx';
import { formatDate } from '../components/review/review-format.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/clusters/clusters.css';

/** 导入已认定名单: the ministry uploads a published list (CSV or .xlsx, sent as is; the server reads both) and sees what came of each row. */
export default function ClusterImportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const role = useSession().data?.user.role;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  if (role !== 'ministry' && role !== 'admin')
    return <Result status="403" title={<h1 className="result-title">{t('cl.ministryOnly')}</h1>} />;

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const res = await clusterApi.importList(file);
      setResult(res);
      invalidateClusterViews(queryClient);
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title" className="page cluster-page">
      <Typography.Title level={1} id="import-title" className="page-title">
        {t('cl.import.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cl.import.intro')}</Typography.Paragraph>
      <Card size="small" className="report-card">
        <Space wrap>
          <label htmlFor="import-file">{t('cl.import.choose')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
          <Button
            type="primary"
            icon={<UploadOutlined aria-hidden="true" />}
            disabled={!file}
            loading={busy}
            onClick={() => void upload()}
          >
            {t('cl.import.upload')}
          </Button>
        </Space>
      </Card>
      {result && (
        <div className="import-result">
          <Alert
            type={result.unresolved.length ? 'warning' : 'success'}
            showIcon
            role="status"
            className="section-gap"
            message={t('cl.import.result', {
              rows: result.rows,
              // An XLSX has no text encoding to speak of; a CSV's tells whether it was read as GB18030.
              encoding: result.format === 'xlsx' ? 'XLSX' : `CSV ${result.encoding}`,
              imported: result.imported,
              present: result.alreadyPresent.length,
              unresolved: result.unresolved.length,
            })}
          />
          <Space wrap className="section-gap">
            <Statistic title={t('cl.import.imported')} value={result.imported} />
            <Statistic title={t('cl.import.alreadyPresent')} value={result.alreadyPresent.length} />
            <Statistic title={t('cl.import.unresolved')} value={result.unresolved.length} />
          </Space>
          <Tabs
            items={[
              {
                key: 'unresolved',
                label: `${t('cl.import.unresolved')} (${result.unresolved.length})`,
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.row}-${r.code}`}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={result.unresolved}
                    columns={[
                      { key: 'row', title: t('cl.import.row'), dataIndex: 'row' },
                      {
                        key: 'reason',
                        title: t('cl.import.reason'),
                        render: (_, r) => (
                          <div>
                            <strong>{t(`cl.import.codes.${r.code}`)}</strong>
                            <div className="small-note">{r.reason}</div>
                          </div>
                        ),
                      },
                      {
                        key: 'candidates',
                        title: t('cl.import.candidates'),
                        render: (_, r) =>
                          r.candidates?.length
                            ? r.candidates.map((c) => `${c.name} (${c.code}, ${c.level})`).join('；')
                            : '—',
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'imported',
                label: `${t('cl.import.imported')} (${result.items.length})`,
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={result.items}
                    columns={[
                      { key: 'row', title: t('cl.import.row'), dataIndex: 'row' },
                      {
                        key: 'name',
                        title: t('cl.list.cols.name'),
                        render: (_, r) => <Link to={`/clusters/${r.id}`}>{r.name}</Link>,
                      },
                      { key: 'year', title: t('cl.list.cols.year'), dataIndex: 'year' },
                      {
                        key: 'county',
                        title: t('cl.detail.fields.county'),
                        render: (_, r) => `${r.countyName} (${r.divisionCode})`,
                      },
                      {
                        key: 'valid',
                        title: t('cl.list.cols.validity'),
                        render: (_, r) => (
                          <span className="nowrap">
                            {t('cl.validity', {
                              from: formatDate(r.validFrom, lang),
                              to: formatDate(r.validTo, lang),
                            })}{' '}
                            · {t(`cl.import.basis.${r.validityBasis}`)}
                          </span>
                        ),
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'present',
                label: `${t('cl.import.alreadyPresent')} (${result.alreadyPresent.length})`,
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.row}-${r.id}`}
                    pagination={false}
                    dataSource={result.alreadyPresent}
                    columns={[
                      { key: 'row', title: t('cl.import.row'), dataIndex: 'row' },
                      {
                        key: 'name',
                        title: t('cl.list.cols.name'),
                        render: (_, r) => <Link to={`/clusters/${r.id}`}>{r.name}</Link>,
                      },
                      { key: 'year', title: t('cl.list.cols.year'), dataIndex: 'year' },
                    ]}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </section>
  );
}
