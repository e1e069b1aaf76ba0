import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_INDICATORS } from '../../../../domain/declaration-form.ts';
import { describedBy, errorId, fieldId } from './field-paths.ts';
import { useDeclarationForm } from './form-context.tsx';

const MAX_TARGETS = 50;
type Target = { indicator: (typeof PLAN_INDICATORS)[number]; year: number; value: number };

/** 三年发展规划: numeric targets (indicator, year, value) and the measures. */
export function PlanSection() {
  const { t } = useTranslation();
  const { content, setField, editable, campaignYear, missing } = useDeclarationForm();
  const targets = content.developmentPlan.targets;
  const setTargets = (next: Target[]) => setField('developmentPlan.targets', next);
  const change = (i: number, patch: Partial<Target>) =>
    setTargets(targets.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const targetsError = missing.get('developmentPlan.targets');
  const measuresError = missing.get('developmentPlan.measures');

  return (
    <div className="form-section">
      <Typography.Title level={3} className="section-heading" id="plan-targets-heading">
        {t('plan.targetsHeading')}
      </Typography.Title>
      {targetsError && (
        <Typography.Paragraph type="danger" role="alert">
          {targetsError}
        </Typography.Paragraph>
      )}
      {targets.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noTargets')} />
      )}
      {targets.length > 0 && (
        <div className="plan-target plan-target-head" aria-hidden="true">
          <span />
          <span>{t('plan.indicator')}</span>
          <span>{t('plan.year')}</span>
          <span>{t('plan.value')}</span>
          <span />
        </div>
      )}
      {targets.length > 0 && (
        <ol className="plan-targets" aria-labelledby="plan-targets-heading">
          {targets.map((target, i) => {
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: targets have no ids; position is identity
              <li key={i} className="plan-target">
                <span className="plan-target-n" aria-hidden="true">
                  {n}
                </span>
                <Select
                  id={fieldId(`developmentPlan.targets[${i}].indicator`)}
                  className="plan-target-indicator"
                  aria-label={`${t('plan.target', { n })} · ${t('plan.indicator')}`}
                  value={target.indicator}
                  options={PLAN_INDICATORS.map((k) => ({ value: k, label: t(`plan.indicators.${k}`) }))}
                  onChange={(indicator) => change(i, { indicator })}
                />
                <InputNumber<number>
                  id={fieldId(`developmentPlan.targets[${i}].year`)}
                  className="plan-target-year"
                  aria-label={`${t('plan.target', { n })} · ${t('plan.year')}`}
                  value={target.year}
                  min={campaignYear}
                  max={campaignYear + 5}
                  precision={0}
                  onChange={(year) => typeof year === 'number' && change(i, { year })}
                />
                <InputNumber<number>
                  id={fieldId(`developmentPlan.targets[${i}].value`)}
                  className="plan-target-value"
                  aria-label={`${t('plan.target', { n })} · ${t('plan.value')}`}
                  value={target.value}
                  min={0}
                  precision={2}
                  onChange={(value) => change(i, { value: typeof value === 'number' ? value : 0 })}
                />
                {editable && (
                  <Button
                    type="text"
                    danger
                    className="plan-target-remove"
                    icon={<DeleteOutlined />}
                    aria-label={t('plan.removeTarget', { n })}
                    onClick={() => setTargets(targets.filter((_, j) => j !== i))}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {editable && targets.length < MAX_TARGETS && (
        <Button
          id={fieldId('developmentPlan.targets')}
          icon={<PlusOutlined />}
          onClick={() => setTargets([...targets, { indicator: 'output', year: campaignYear + 2, value: 0 }])}
        >
          {t('plan.addTarget')}
        </Button>
      )}

      <Form.Item
        className="plan-measures"
        label={t('plan.measures')}
        htmlFor={fieldId('developmentPlan.measures')}
        extra={t('plan.measuresHint')}
        validateStatus={measuresError ? 'error' : undefined}
        help={measuresError && <span id={errorId('developmentPlan.measures')}>{measuresError}</span>}
      >
        <Input.TextArea
          id={fieldId('developmentPlan.measures')}
          value={content.developmentPlan.measures}
          autoSize={{ minRows: 6, maxRows: 20 }}
          maxLength={20_000}
          showCount={{ formatter: ({ count }) => t('narratives.chars', { count }) }}
          aria-invalid={!!measuresError || undefined}
          aria-describedby={describedBy('developmentPlan.measures', measuresError)}
          onChange={(e) => setField('developmentPlan.measures', e.target.value)}
        />
      </Form.Item>
    </div>
  );
}
