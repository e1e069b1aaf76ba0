import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_FIGURES } from '../../../../domain/annual-report.ts';
import {
  CULTIVATION_AREA_KEYS,
  type CultivationArea,
  PLAN_INDICATOR_KEYS,
  PLAN_TARGET_INDICATORS,
  type PlanIndicator,
} from '../../../../domain/cluster-plan.ts';
import { type CultivationPlan, type CultivationPlanContent, clusterApi } from '../../api/clusters.ts';
import { invalidateClusterViews, usePlan } from '../../api/clusters-queries.ts';
import { formatNumber, useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../declaration/format.ts';
import { errorText, QueryError } from '../ministry/query-error.tsx';
import { PageLoading } from '../page-loading.tsx';

const STATE_COLORS = {
  achieved: 'green',
  not_achieved: 'red',
  no_report: 'orange',
  future: 'default',
} as const;

/** The plan's indicator names, from the report figures they are measured by. */
export function indicatorName(key: PlanIndicator, lang: string): string {
  const f = REPORT_FIGURES.find((x) => x.key === key);
  return f ? `${lang === 'en' ? f.en : f.zh} (${f.unit})` : key;
}

const AREA_LABELS: Record<CultivationArea, { zh: string; en: string }> = {
  leading_industry: { zh: '做强主导产业', en: 'Leading-industry strength' },
  innovation: { zh: '提升创新能力', en: 'Innovation' },
  digital: { zh: '推进数字化升级', en: 'Digital upgrade' },
  green: { zh: '推动绿色低碳转型', en: 'Green and low-carbon transformation' },
  openness: { zh: '深化开放合作', en: 'Open cooperation (incl. Belt and Road)' },
  governance: { zh: '提升治理和服务水平', en: 'Governance and services' },
};
export const areaName = (a: CultivationArea, lang: string) =>
  lang === 'en' ? AREA_LABELS[a].en : AREA_LABELS[a].zh;

/** The cultivation plan: six areas with goals and measures, numeric targets by year and their progress. */
export function PlanTab({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const plan = usePlan(clusterId);
  const [editing, setEditing] = useState(false);
  if (plan.isPending) return <PageLoading />;
  if (plan.isError) return <QueryError error={plan.error} retry={() => void plan.refetch()} />;
  return (
    <div className="cluster-tab">
      <Typography.Paragraph type="secondary">{t('cl.plan.intro')}</Typography.Paragraph>
      {editing ? (
        <PlanForm plan={plan.data} clusterId={clusterId} onDone={() => setEditing(false)} />
      ) : (
        <PlanView
          plan={plan.data}
          onEdit={plan.data.allowedActions.includes('edit') ? () => setEditing(true) : undefined}
        />
      )}
    </div>
  );
}

function PlanView({ plan, onEdit }: { plan: CultivationPlan; onEdit?: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const c = plan.content;
  return (
    <>
      <Space wrap className="action-bar">
        <Typography.Text type="secondary">
          {plan.updatedAt
            ? t('cl.plan.savedAt', { time: formatDateTime(plan.updatedAt) })
            : t('cl.plan.neverSaved')}
        </Typography.Text>
        {c.startYear && (
          <Typography.Text>
            {t('cl.plan.period')}: {c.startYear}–{c.endYear ?? ''}
          </Typography.Text>
        )}
        {onEdit && (
          <Button icon={<EditOutlined aria-hidden="true" />} onClick={onEdit}>
            {t('cl.plan.edit')}
          </Button>
        )}
      </Space>
      <Card size="small" title={t('cl.plan.byArea')} className="report-card">
        <Row gutter={[16, 16]}>
          {plan.byArea.map((a) => {
            const text = c.areas[a.area];
            return (
              <Col xs={24} md={12} key={a.area}>
                <Typography.Title level={4} className="area-title">
                  {areaName(a.area, lang)}
                </Typography.Title>
                <Progress
                  percent={a.targets ? Math.round((a.achieved / a.targets) * 100) : 0}
                  size="small"
                  aria-label={areaName(a.area, lang)}
                />
                <Typography.Text type="secondary" className="small-note">
                  {t('cl.plan.areaSummary', a)}
                </Typography.Text>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'g',
                      label: t('cl.plan.goals'),
                      children: <span className="pre-wrap">{text.goals || '—'}</span>,
                    },
                    {
                      key: 'm',
                      label: t('cl.plan.measures'),
                      children: <span className="pre-wrap">{text.measures || '—'}</span>,
                    },
                  ]}
                />
              </Col>
            );
          })}
        </Row>
      </Card>
      <Card size="small" title={t('cl.plan.progress')} className="report-card">
        <Table
          size="small"
          rowKey={(p) => `${p.indicator}-${p.year}`}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={plan.progress}
          locale={{ emptyText: <Empty description={t('cl.plan.noTargets')} /> }}
          columns={[
            {
              key: 'indicator',
              title: t('cl.plan.indicator'),
              render: (_, p) => indicatorName(p.indicator, lang),
            },
            { key: 'area', title: '', render: (_, p) => <Tag>{areaName(p.area, lang)}</Tag> },
            { key: 'year', title: t('cl.plan.year'), dataIndex: 'year' },
            {
              key: 'value',
              title: t('cl.plan.target'),
              align: 'right',
              render: (_, p) => formatNumber(p.value, lang),
            },
            {
              key: 'actual',
              title: t('cl.plan.actual'),
              align: 'right',
              render: (_, p) => formatNumber(p.actual, lang),
            },
            {
              key: 'percent',
              title: t('cl.plan.percent'),
              align: 'right',
              render: (_, p) => (p.percent === null ? '—' : `${p.percent}%`),
            },
            {
              key: 'state',
              title: t('cl.plan.progress'),
              render: (_, p) => <Tag color={STATE_COLORS[p.state]}>{t(`cl.plan.state.${p.state}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}

function PlanForm({
  plan,
  clusterId,
  onDone,
}: {
  plan: CultivationPlan;
  clusterId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<CultivationPlanContent>(plan.content);
  const [busy, setBusy] = useState(false);
  const thisYear = new Date().getFullYear();
  const setArea = (area: CultivationArea, field: 'goals' | 'measures', value: string) =>
    setContent((c) => ({ ...c, areas: { ...c.areas, [area]: { ...c.areas[area], [field]: value } } }));
  const setTarget = (i: number, patch: Partial<CultivationPlanContent['targets'][number]>) =>
    setContent((c) => ({ ...c, targets: c.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  const save = async () => {
    setBusy(true);
    try {
      await clusterApi.savePlan(clusterId, plan.version, content);
      invalidateClusterViews(queryClient, clusterId);
      message.success(t('cl.saved'));
      onDone();
    } catch (err) {
      message.error(t('cl.failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" component="div" className="plan-form">
      <Card size="small" title={t('cl.plan.period')} className="report-card">
        <Space wrap>
          <Form.Item label={t('cl.plan.startYear')} htmlFor="plan-start">
            <InputNumber<number>
              id="plan-start"
              min={2000}
              max={2100}
              value={content.startYear}
              onChange={(v) => setContent((c) => ({ ...c, startYear: v ?? null }))}
            />
          </Form.Item>
          <Form.Item label={t('cl.plan.endYear')} htmlFor="plan-end">
            <InputNumber<number>
              id="plan-end"
              min={2000}
              max={2100}
              value={content.endYear}
              onChange={(v) => setContent((c) => ({ ...c, endYear: v ?? null }))}
            />
          </Form.Item>
        </Space>
      </Card>
      {CULTIVATION_AREA_KEYS.map((area) => (
        <Card key={area} size="small" title={areaName(area, lang)} className="report-card">
          <Row gutter={16}>
            {(['goals', 'measures'] as const).map((field) => (
              <Col xs={24} md={12} key={field}>
                <Form.Item label={t(`cl.plan.${field}`)} htmlFor={`plan-${area}-${field}`}>
                  <Input.TextArea
                    id={`plan-${area}-${field}`}
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    value={content.areas[area][field]}
                    onChange={(e) => setArea(area, field, e.target.value)}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      <Card size="small" title={t('cl.plan.targets')} className="report-card">
        {content.targets.map((target, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: targets have no id; each row is controlled by its position
          <Space key={`${i}-${target.indicator}`} wrap align="end" className="target-row">
            <Form.Item label={t('cl.plan.indicator')} htmlFor={`plan-target-${i}-indicator`}>
              <Select<PlanIndicator>
                id={`plan-target-${i}-indicator`}
                className="target-indicator"
                value={target.indicator}
                onChange={(v) => setTarget(i, { indicator: v })}
                options={PLAN_INDICATOR_KEYS.map((k) => ({
                  value: k,
                  label: `${indicatorName(k, lang)} · ${areaName(PLAN_TARGET_INDICATORS[k], lang)}`,
                }))}
              />
            </Form.Item>
            <Form.Item label={t('cl.plan.year')} htmlFor={`plan-target-${i}-year`}>
              <InputNumber<number>
                id={`plan-target-${i}-year`}
                min={2000}
                max={2100}
                value={target.year}
                onChange={(v) => setTarget(i, { year: v ?? target.year })}
              />
            </Form.Item>
            <Form.Item label={t('cl.plan.target')} htmlFor={`plan-target-${i}-value`}>
              <InputNumber<number>
                id={`plan-target-${i}-value`}
                value={target.value}
                onChange={(v) => setTarget(i, { value: v ?? 0 })}
              />
            </Form.Item>
            <Form.Item>
              <Button
                icon={<DeleteOutlined aria-hidden="true" />}
                aria-label={t('cl.plan.removeTarget')}
                onClick={() => setContent((c) => ({ ...c, targets: c.targets.filter((_, j) => j !== i) }))}
              />
            </Form.Item>
          </Space>
        ))}
        <Button
          icon={<PlusOutlined aria-hidden="true" />}
          onClick={() =>
            setContent((c) => ({
              ...c,
              targets: [...c.targets, { indicator: 'output', year: c.startYear ?? thisYear, value: 0 }],
            }))
          }
        >
          {t('cl.plan.addTarget')}
        </Button>
      </Card>
      <Space className="action-bar">
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('cl.save')}
        </Button>
        <Button onClick={onDone}>{t('cl.cancel')}</Button>
      </Space>
    </Form>
  );
}
