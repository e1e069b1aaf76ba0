import { Checkbox, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describedBy, errorId, fieldId } from './field-paths.ts';
import { useDeclarationForm } from './form-context.tsx';

const PLEDGES = ['noSeriousIncidents', 'materialsAuthentic'] as const;

/** 承诺: the negative-list and authenticity pledges, each with its full text. */
export function PledgeSection() {
  const { t } = useTranslation();
  const { content, setField, missing } = useDeclarationForm();
  return (
    <div className="form-section">
      <Typography.Title level={3} className="section-heading">
        {t('pledge.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pledge.intro')}</Typography.Paragraph>
      {PLEDGES.map((key) => {
        const path = `integrityPledge.${key}`;
        const error = missing.get(path);
        return (
          <Form.Item
            key={key}
            validateStatus={error ? 'error' : undefined}
            help={error && <span id={errorId(path)}>{error}</span>}
            className="pledge-item"
          >
            <Checkbox
              id={fieldId(path)}
              checked={content.integrityPledge[key]}
              aria-invalid={!!error || undefined}
              aria-describedby={describedBy(path, error)}
              onChange={(e) => setField(path, e.target.checked)}
            >
              {t(`pledge.${key}`)}
            </Checkbox>
          </Form.Item>
        );
      })}
    </div>
  );
}
