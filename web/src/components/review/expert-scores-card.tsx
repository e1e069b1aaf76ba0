import { UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_LABELS } from '../../../../domain/scoring.ts';
import { ApiError } from '../../api/client.ts';
import { type ExpertStatus, expertApi, type ScoreSheetRow } from '../../api/expert.ts';
import { expertKeys, useExpertAccounts, useScoreSheet } from '../../api/expert-queries.ts';
import { useLanguage } from '../../i18n/index.ts';

const STATUS_COLORS: Record<ExpertStatus, string> = {
  pending: 'default',
  scored: 'green',
  conflict: 'orange',
};

/** 专家评分: invite experts, their status and totals, and the aggregate with its rule in words. */
export function ExpertScoresCard({ declarationId }: { declarationId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sheet = useScoreSheet(declarationId);
  const accounts = useExpertAccounts();
  const [picked, setPicked] = useState<string[]>([]);
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const invite = async () => {
    if (picked.length === 0) return;
    setInviting(true);
    setError(null);
    try {
      const updated = await expertApi.invite(declarationId, picked);
      queryClient.setQueryData(expertKeys.scores(declarationId), updated);
      setPicked([]);
      void message.success(t('scoring.invited'));
    } catch (err) {
      setError(t('scoring.inviteFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setInviting(false);
    }
  };

  const invitedIds = new Set(sheet.data?.experts.map((e) => e.expert.id) ?? []);
  const notAvailable =
    accounts.isError && accounts.error instanceof ApiError && accounts.error.status === 404;

  return (
    <div className="stack">
      <div>
        <label htmlFor="invite-experts" className="stat-label">
          {t('scoring.invite')}
        </label>
        {accounts.isError ? (
          <Alert
            type="warning"
            showIcon
            message={
              notAvailable
                ? t('scoring.expertsUnavailable')
                : t('errors.loadFailed', { message: accounts.error.message })
            }
          />
        ) : (
          <Space.Compact className="full-width invite-row">
            <Select
              id="invite-experts"
              mode="multiple"
              className="full-width"
              loading={accounts.isPending}
              placeholder={t('scoring.invitePlaceholder')}
              value={picked}
              onChange={setPicked}
              optionFilterProp="label"
              options={(accounts.data?.items ?? []).map((e) => ({
                value: e.id,
                label: e.displayName,
                disabled: invitedIds.has(e.id),
              }))}
            />
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              loading={inviting}
              disabled={picked.length === 0}
              onClick={() => void invite()}
            >
              {t('scoring.inviteButton')}
            </Button>
          </Space.Compact>
        )}
        {error && <Alert type="error" showIcon message={error} role="alert" />}
      </div>

      {sheet.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('errors.loadFailed', { message: sheet.error.message })}
          action={<Button onClick={() => void sheet.refetch()}>{t('errors.retry')}</Button>}
        />
      ) : (
        <>
          <Table<ScoreSheetRow>
            rowKey="assignmentId"
            size="small"
            loading={sheet.isPending}
            dataSource={sheet.data?.experts ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('scoring.noExperts') }}
            columns={[
              { key: 'expert', title: t('scoring.cols.expert'), render: (_, r) => r.expert.displayName },
              {
                key: 'status',
                title: t('scoring.cols.status'),
                render: (_, r) => (
                  <Tag color={STATUS_COLORS[r.status]}>{t(`scoring.status.${r.status}`)}</Tag>
                ),
              },
              {
                key: 'total',
                title: t('scoring.cols.total'),
                align: 'right',
                render: (_, r) => (r.total === null ? '—' : r.total.toFixed(2)),
              },
              {
                key: 'comment',
                title: t('scoring.cols.comment'),
                render: (_, r) =>
                  r.status === 'conflict'
                    ? t('scoring.conflictReason', { reason: r.conflictReason ?? '' })
                    : r.comment || '—',
              },
            ]}
          />
          {sheet.data && (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('scoring.aggregate')}>
                <strong className="aggregate-value">
                  {sheet.data.aggregate.value === null
                    ? t('scoring.noScores')
                    : sheet.data.aggregate.value.toFixed(2)}
                </strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('scoring.method')}>
                {AGGREGATION_LABELS[sheet.data.aggregate.method][lang === 'en' ? 'en' : 'zh']}
                {sheet.data.aggregate.method === 'trimmed_mean' &&
                  sheet.data.aggregate.value !== null &&
                  sheet.data.aggregate.dropped.length === 0 && (
                    <Typography.Text type="secondary"> {t('scoring.tooFewToTrim')}</Typography.Text>
                  )}
              </Descriptions.Item>
              <Descriptions.Item label={t('scoring.dropped')}>
                {sheet.data.aggregate.dropped.length > 0
                  ? sheet.data.aggregate.dropped.map((d) => d.toFixed(2)).join(lang === 'en' ? ', ' : '、')
                  : t('scoring.noneDropped')}
              </Descriptions.Item>
              <Descriptions.Item label={t('scoring.weights')}>
                {sheet.data.weights.join(' / ')}
              </Descriptions.Item>
            </Descriptions>
          )}
        </>
      )}
    </div>
  );
}
