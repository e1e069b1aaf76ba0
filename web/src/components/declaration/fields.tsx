// Controls bound to a content path. Each has a visible label tied to it (htmlFor/id) and shows the
// missing-item error for its path once a submission was attempted (antd announces it with role=alert).
import { Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { getAtPath } from './content-patch.ts';
import { describedBy, errorId, fieldId } from './field-paths.ts';
import { useDeclarationForm } from './form-context.tsx';

export type NumberKind = 'money' | 'count' | 'percent' | 'area';

const NUMBER_LIMITS: Record<NumberKind, { max: number; precision: number; step: number }> = {
  money: { max: 1_000_000, precision: 2, step: 0.01 },
  count: { max: 10_000_000, precision: 0, step: 1 },
  percent: { max: 100, precision: 2, step: 0.1 },
  area: { max: 100_000, precision: 2, step: 0.1 },
};

/** Props for a number input of a kind: 亿元 with 2 decimals, whole counts, percentages 0–100, km². */
export function numberProps(kind: NumberKind) {
  const { max, precision, step } = NUMBER_LIMITS[kind];
  return { min: 0, max, precision, step };
}

export function FieldItem({
  path,
  label,
  extra,
  children,
  className,
}: {
  path: string;
  label: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { missing } = useDeclarationForm();
  const error = missing.get(path);
  return (
    <Form.Item
      label={label}
      htmlFor={fieldId(path)}
      extra={extra}
      className={className}
      validateStatus={error ? 'error' : undefined}
      help={error && <span id={errorId(path)}>{error}</span>}
    >
      {children}
    </Form.Item>
  );
}

export function TextField({
  path,
  label,
  maxLength,
  placeholder,
  extra,
  nullable = true,
  autoComplete,
}: {
  path: string;
  label: string;
  maxLength: number;
  placeholder?: string;
  extra?: ReactNode;
  /** Empty text is stored as null (nullable fields) or as '' (text fields that are never null). */
  nullable?: boolean;
  autoComplete?: string;
}) {
  const { content, setField, missing } = useDeclarationForm();
  const value = getAtPath(content, path);
  return (
    <FieldItem path={path} label={label} extra={extra}>
      <Input
        id={fieldId(path)}
        value={typeof value === 'string' ? value : ''}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={missing.has(path) || undefined}
        aria-describedby={describedBy(path, missing.get(path))}
        onChange={(e) => setField(path, e.target.value === '' && nullable ? null : e.target.value)}
      />
    </FieldItem>
  );
}

export function NumberField({
  path,
  label,
  kind,
  suffix,
}: {
  path: string;
  label: string;
  kind: NumberKind;
  suffix?: string;
}) {
  const { content, setField, missing } = useDeclarationForm();
  const value = getAtPath(content, path);
  return (
    <FieldItem path={path} label={label}>
      <NumberInput
        path={path}
        value={value}
        kind={kind}
        suffix={suffix}
        invalid={missing.has(path)}
        onChange={(v) => setField(path, v)}
      />
    </FieldItem>
  );
}

/** A bare number input for a path (the indicators table labels it with aria-label). */
export function NumberInput({
  path,
  value,
  kind,
  onChange,
  ariaLabel,
  suffix,
  invalid,
}: {
  path: string;
  value: unknown;
  kind: NumberKind;
  onChange: (value: number | null) => void;
  ariaLabel?: string;
  suffix?: string;
  invalid?: boolean;
}) {
  return (
    <InputNumber<number>
      id={fieldId(path)}
      className="number-input"
      value={typeof value === 'number' ? value : null}
      {...numberProps(kind)}
      suffix={suffix}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? errorId(path) : undefined}
      status={invalid ? 'error' : undefined}
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
    />
  );
}

export function SelectField<T extends string>({
  path,
  label,
  options,
  placeholder,
}: {
  path: string;
  label: string;
  options: { value: T; label: string }[];
  placeholder?: string;
}) {
  const { content, setField, missing } = useDeclarationForm();
  const value = getAtPath(content, path);
  return (
    <FieldItem path={path} label={label}>
      <Select<T>
        id={fieldId(path)}
        value={(value as T | null) ?? undefined}
        options={options}
        placeholder={placeholder}
        allowClear
        aria-invalid={missing.has(path) || undefined}
        aria-describedby={describedBy(path, missing.get(path))}
        onChange={(v) => setField(path, v ?? null)}
      />
    </FieldItem>
  );
}
