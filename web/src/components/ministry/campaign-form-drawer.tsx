import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_STATUSES, type Campaign } from '../../../../domain/campaigns.ts';
import { MUNICIPALITY_UNIT_CODES } from '../../../../domain/city-tier.ts';
import { AGGREGATION_LABELS, AGGREGATIONS, SCORING_AREAS } from '../../../../domain/scoring.ts';
import { UNIT_KIND_KEYS, UNITS } from '../../../../domain/units.ts';
import { ApiError } from '../../api/client.ts';
import { declarationKeys } from '../../api/declaration-queries.ts';
import { ministryApi } from '../../api/ministry.ts';
import { invalidateMinistryViews } from '../../api/ministry-queries.ts';
import { useLanguage } from '../../i18n/index.ts';
import { NARROW_SCREEN, useMediaQuery } from '../use-media-query.ts';
import {
  type CampaignFormValues,
  campaignPatch,
  campaignToValues,
  fieldErrorsOf,
  newCampaignValues,
  valuesToCampaign,
} from './campaign-form.ts';
import { errorText } from './query-error.tsx';

// Dates live in the form as 'YYYY-MM-DD'; the picker shows them as dayjs.
const dateProps = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** Create (campaign null) or edit a campaign; the server's validation errors land on their fields. */
export function CampaignFormDrawer({
  open,
  campaign,
  nextYear,
  onClose,
}: {
  open: boolean;
  campaign: Campaign | null;
  nextYear: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [form] = Form.useForm<CampaignFormValues>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const customWeights = Form.useWatch(['rules', 'customWeights'], form);
  const weights = Form.useWatch(['rules', 'scoringWeights'], form) as (number | null)[] | undefined;
  const weightSum = (weights ?? []).reduce<number>((a, b) => a + (b ?? 0), 0);
  const editing = campaign !== null;

  const submit = async (values: CampaignFormValues) => {
    setSaving(true);
    setGeneral([]);
    try {
      const body = valuesToCampaign(values);
      if (campaign) await ministryApi.updateCampaign(campaign.year, campaignPatch(body));
      else await ministryApi.createCampaign(body);
      void queryClient.invalidateQueries({ queryKey: declarationKeys.campaigns });
      invalidateMinistryViews(queryClient);
      void message.success(t('ministry.campaigns.saved', { year: body.year }));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        const { fields, general: rest } = fieldErrorsOf(err.details, i18n.language.startsWith('zh'));
        // The paths come from the server as strings; fieldErrorsOf keeps only those naming a field here.
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setGeneral(rest.length ? rest : fields.length ? [] : [errorText(err, { withDetails: false })]);
        if (fields[0]) form.scrollToField(fields[0].name);
      } else {
        setGeneral([t('ministry.campaigns.saveFailed', { message: errorText(err) })]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={narrow ? '100%' : 640}
      destroyOnHidden
      title={
        editing
          ? t('ministry.campaigns.editTitle', { year: campaign.year })
          : t('ministry.campaigns.newTitle')
      }
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()}>
          {t('ministry.campaigns.save')}
        </Button>
      }
    >
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        name="campaign"
        onFinish={(v) => void submit(v)}
        initialValues={campaign ? campaignToValues(campaign) : newCampaignValues(nextYear)}
        scrollToFirstError
      >
        <Form.Item
          name="year"
          label={t('ministry.campaigns.fields.year')}
          rules={[{ required: true, message: t('ministry.campaigns.required') }]}
        >
          <InputNumber min={2022} max={2100} precision={0} disabled={editing} />
        </Form.Item>
        <Form.Item
          name="noticeNo"
          label={t('ministry.campaigns.fields.noticeNo')}
          extra={t('ministry.campaigns.noticeNoHint')}
          rules={[{ required: true, whitespace: true, message: t('ministry.campaigns.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="status" label={t('ministry.campaigns.fields.status')}>
          <Radio.Group
            optionType="button"
            options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`review.campaignStatus.${s}`) }))}
          />
        </Form.Item>
        <div className="form-grid">
          {(['noticeDate', 'opensAt', 'countyDeadline', 'unitDeadline'] as const).map((f) => (
            <Form.Item key={f} name={f} label={t(`ministry.campaigns.fields.${f}`)} {...dateProps}>
              <DatePicker className="full-width" />
            </Form.Item>
          ))}
        </div>
        <fieldset className="form-fieldset">
          <legend>{t('ministry.campaigns.quotas')}</legend>
          <div className="form-grid">
            {UNIT_KIND_KEYS.map((k) => (
              <Form.Item
                key={k}
                name={['quotas', k]}
                label={t(`kinds.${k}`)}
                rules={[{ required: true, message: t('ministry.campaigns.required') }]}
              >
                <InputNumber min={0} max={100} precision={0} />
              </Form.Item>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <Form.Item
            name="standardsVersion"
            label={t('ministry.campaigns.fields.standardsVersion')}
            rules={[{ required: true, whitespace: true, message: t('ministry.campaigns.required') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="formVersion"
            label={t('ministry.campaigns.fields.formVersion')}
            rules={[{ required: true, whitespace: true, message: t('ministry.campaigns.required') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="annualReportDue"
            label={t('ministry.campaigns.fields.annualReportDue')}
            extra={t('ministry.campaigns.annualReportHint')}
            rules={[{ required: true, pattern: /^\d{2}-\d{2}$/, message: t('ministry.campaigns.monthDay') }]}
          >
            <Input maxLength={5} placeholder="03-31" />
          </Form.Item>
        </div>
        <fieldset className="form-fieldset">
          <legend>{t('ministry.campaigns.rules')}</legend>
          <Form.Item name={['rules', 'onePerSubSector']} valuePropName="checked">
            <Checkbox>{t('ministry.campaigns.fields.onePerSubSector')}</Checkbox>
          </Form.Item>
          <Form.Item
            name={['rules', 'scoringAggregation']}
            label={t('ministry.campaigns.fields.aggregation')}
          >
            <Select
              options={AGGREGATIONS.map((a) => ({
                value: a,
                label: AGGREGATION_LABELS[a][lang === 'en' ? 'en' : 'zh'],
              }))}
            />
          </Form.Item>
          <Space align="center">
            <Form.Item name={['rules', 'customWeights']} valuePropName="checked" noStyle>
              <Switch id="custom-weights" />
            </Form.Item>
            <label htmlFor="custom-weights">{t('ministry.campaigns.fields.customWeights')}</label>
          </Space>
          {/* The weights stay in the form when switched off so switching back keeps them. */}
          <Form.Item name={['rules', 'scoringWeights']} hidden={!customWeights} className="weights-item">
            <WeightsInputs />
          </Form.Item>
          {customWeights && (
            <Typography.Text type={weightSum === 100 ? 'secondary' : 'danger'} aria-live="polite">
              {t('ministry.campaigns.weightSum', { sum: weightSum })}
            </Typography.Text>
          )}
          <CityTierInputs />
        </fieldset>
        <div className="form-grid">
          <Form.Item name="listNoticeNo" label={t('ministry.campaigns.fields.listNoticeNo')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="identifiedCount" label={t('ministry.campaigns.fields.identifiedCount')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </div>
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('ministry.campaigns.invalid')}
            description={
              <ul className="plain-list">
                {general.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={saving}
          className="form-submit"
        >
          {t('ministry.campaigns.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** Eight weights, one per standards area, edited as one form value. */
function WeightsInputs({
  value,
  onChange,
  id,
}: {
  value?: (number | null)[];
  onChange?: (v: (number | null)[]) => void;
  id?: string;
}) {
  const lang = useLanguage();
  const list = value ?? [];
  return (
    <ol className="weights-list" id={id}>
      {SCORING_AREAS.map((area, i) => {
        const inputId = `weight-${area.area}`;
        return (
          <li key={area.area}>
            <label htmlFor={inputId}>{lang === 'en' ? area.en : area.zh}</label>
            <InputNumber
              id={inputId}
              min={0}
              max={100}
              value={list[i] ?? null}
              onChange={(v) =>
                onChange?.(SCORING_AREAS.map((_, j) => (j === i ? (v ?? null) : (list[j] ?? null))))
              }
            />
          </li>
        );
      })}
    </ol>
  );
}

/** The city tier (domain/city-tier.ts): which provinces have each city put forward at most N first. */
function CityTierInputs() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const provinces = UNITS.filter((u) => u.kind === 'provincial' && !MUNICIPALITY_UNIT_CODES.includes(u.code));
  return (
    <div className="city-tier-inputs" style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('cityTier.config.title')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('cityTier.config.help')}</Typography.Paragraph>
      <Form.List name={['rules', 'cityTier']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'unitCode']} label={t('cityTier.config.unit')}>
                  <Select
                    style={{ minWidth: 180 }}
                    showSearch
                    optionFilterProp="label"
                    options={provinces.map((u) => ({
                      value: u.code,
                      label: lang === 'en' ? u.nameEn : u.name,
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'perCity']} label={t('cityTier.config.perCity')}>
                  <InputNumber min={1} max={50} precision={0} />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t('cityTier.config.remove')}</Button>
              </Space>
            ))}
            <div>
              <Button type="dashed" onClick={() => add({ unitCode: null, perCity: 1 })}>
                {t('cityTier.config.add')}
              </Button>
            </div>
          </>
        )}
      </Form.List>
    </div>
  );
}
