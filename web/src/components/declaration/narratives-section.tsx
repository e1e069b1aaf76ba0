import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { NARRATIVE_KEYS } from '../../../../domain/declaration-form.ts';
import { describedBy, errorId, fieldId } from './field-paths.ts';
import { useDeclarationForm } from './form-context.tsx';

const MAX_CHARS = 20_000;

/** 发展情况: one text per area of the standards, with a character count. */
export function NarrativesSection() {
  const { t } = useTranslation();
  const { content, setField, missing } = useDeclarationForm();
  return (
    <div className="form-section">
      {NARRATIVE_KEYS.map((key) => {
        const path = `narratives.${key}`;
        const error = missing.get(path);
        return (
          <Form.Item
            key={key}
            label={<span className="narrative-title">{t(`narratives.${key}.title`)}</span>}
            htmlFor={fieldId(path)}
            extra={t(`narratives.${key}.hint`)}
            validateStatus={error ? 'error' : undefined}
            help={error && <span id={errorId(path)}>{error}</span>}
          >
            <Input.TextArea
              id={fieldId(path)}
              value={content.narratives[key]}
              autoSize={{ minRows: 4, maxRows: 16 }}
              maxLength={MAX_CHARS}
              showCount={{ formatter: ({ count }) => t('narratives.chars', { count }) }}
              aria-invalid={!!error || undefined}
              aria-describedby={describedBy(path, error)}
              onChange={(e) => setField(path, e.target.value)}
            />
          </Form.Item>
        );
      })}
    </div>
  );
}
