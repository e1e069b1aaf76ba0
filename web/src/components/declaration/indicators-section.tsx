import { Col, Row, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_FIELDS, indicatorYears } from '../../../../domain/declaration-form.ts';
import { errorId, OTHER_INDICATORS, PERCENT_INDICATORS, TRIPLE_ROWS, type TripleRow } from './field-paths.ts';
import { NumberField, NumberInput } from './fields.tsx';
import { useDeclarationForm } from './form-context.tsx';

interface OutputRow {
  key: TripleRow;
  label: string;
}

/** 主要指标: output table (亿元, base year + the three indicator years), enterprise counts, other indicators. */
export function IndicatorsSection() {
  const { t } = useTranslation();
  const { content, setField, campaignYear, missing } = useDeclarationForm();
  const years = indicatorYears(campaignYear);
  const baseYear = years[0] - 1;
  const ind = content.indicators;

  const cellError = (path: string) => (missing.has(path) ? missing.get(path) : undefined);
  const cell = (path: string, value: unknown, rowLabel: string, yearLabel: string) => {
    const error = cellError(path);
    return (
      <div className={error ? 'cell-error' : undefined}>
        <NumberInput
          path={path}
          value={value}
          kind="money"
          invalid={!!error}
          ariaLabel={t('indicatorsForm.cell', { row: rowLabel, year: yearLabel })}
          onChange={(v) => setField(path, v)}
        />
        {error && (
          <div className="cell-error-text" id={errorId(path)}>
            {error}
          </div>
        )}
      </div>
    );
  };

  const columns: TableColumnsType<OutputRow> = [
    {
      key: 'label',
      title: t('indicatorsForm.indicator'),
      dataIndex: 'label',
      fixed: 'left',
      width: 140,
      render: (label: string) => <span className="row-label">{label}</span>,
    },
    {
      key: 'base',
      title: t('indicatorsForm.baseYear', { year: baseYear }),
      width: 125,
      render: (_, row) =>
        row.key === 'output' ? (
          cell(
            'indicators.baseYearOutput',
            ind.baseYearOutput,
            row.label,
            t('indicatorsForm.baseYear', { year: baseYear }),
          )
        ) : (
          <span aria-hidden="true">—</span>
        ),
    },
    ...years.map((year, i) => ({
      key: String(year),
      title: t('indicatorsForm.year', { year }),
      width: 125,
      render: (_: unknown, row: OutputRow) =>
        cell(`indicators.${row.key}[${i}]`, ind[row.key][i], row.label, t('indicatorsForm.year', { year })),
    })),
  ];

  const rows: OutputRow[] = TRIPLE_ROWS.map((key) => ({ key, label: t(`indicatorsForm.rows.${key}`) }));

  return (
    <div className="form-section">
      <Typography.Title level={3} className="section-heading" id="indicators-output-heading">
        {t('indicatorsForm.outputHeading')}
      </Typography.Title>
      <Table<OutputRow>
        className="indicators-table"
        aria-labelledby="indicators-output-heading"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        bordered
        scroll={{ x: 640 }}
      />

      <Typography.Title level={3} className="section-heading">
        {t('indicatorsForm.enterprisesHeading')}
      </Typography.Title>
      <Row gutter={16}>
        {ENTERPRISE_FIELDS.map((k) => (
          <Col xs={24} sm={12} lg={8} key={k}>
            <NumberField
              path={`indicators.enterprises.${k}`}
              label={t(`indicatorsForm.enterprises.${k}`)}
              kind="count"
            />
          </Col>
        ))}
      </Row>

      <Typography.Title level={3} className="section-heading">
        {t('indicatorsForm.otherHeading')}
      </Typography.Title>
      <Row gutter={16}>
        {OTHER_INDICATORS.map((k) => (
          <Col xs={24} sm={12} lg={8} key={k}>
            <NumberField
              path={`indicators.${k}`}
              label={t(`indicatorsForm.other.${k}`)}
              kind={PERCENT_INDICATORS.includes(k) ? 'percent' : 'count'}
              suffix={PERCENT_INDICATORS.includes(k) ? '%' : undefined}
            />
          </Col>
        ))}
      </Row>
    </div>
  );
}
