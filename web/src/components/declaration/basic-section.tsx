import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPERATOR_KINDS } from '../../../../domain/declaration-form.ts';
import { describedBy, fieldId } from './field-paths.ts';
import { FieldItem, NumberField, SelectField, TextField } from './fields.tsx';
import { useDeclarationForm } from './form-context.tsx';
import { IndustrySelect } from './industry-select.tsx';

const MAX_CONTACTS = 5;

export function BasicSection() {
  const { t } = useTranslation();
  const { content, setField, editable, missing } = useDeclarationForm();
  const contacts = content.contacts;

  return (
    <div className="form-section">
      <Typography.Title level={3} className="section-heading">
        {t('fields.basicHeading')}
      </Typography.Title>
      <TextField
        path="clusterName"
        label={t('fields.clusterName')}
        maxLength={100}
        placeholder={t('fields.clusterNameHint')}
      />
      <TextField
        path="zoneName"
        label={t('fields.zoneName')}
        maxLength={100}
        extra={t('fields.zoneNameHint')}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField path="leadingIndustry.name" label={t('fields.leadingIndustryName')} maxLength={50} />
        </Col>
        <Col xs={24} md={12}>
          <FieldItem path="leadingIndustry.industryCode" label={t('fields.industryCode')}>
            <IndustrySelect
              id={fieldId('leadingIndustry.industryCode')}
              value={content.leadingIndustry.industryCode}
              invalid={missing.has('leadingIndustry.industryCode')}
              describedBy={describedBy(
                'leadingIndustry.industryCode',
                missing.get('leadingIndustry.industryCode'),
              )}
              onChange={(code, industry) => {
                setField('leadingIndustry.industryCode', code);
                if (industry && !content.leadingIndustry.name)
                  setField('leadingIndustry.name', industry.name);
              }}
            />
          </FieldItem>
        </Col>
        <Col xs={24} md={12}>
          <TextField path="leadingIndustry.subSector" label={t('fields.subSector')} maxLength={100} />
        </Col>
        <Col xs={24} md={12}>
          <NumberField
            path="landAreaKm2"
            label={t('fields.landAreaKm2')}
            kind="area"
            suffix={t('fields.km2')}
          />
        </Col>
      </Row>

      <Typography.Title level={3} className="section-heading">
        {t('fields.operatorHeading')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField path="operator.name" label={t('fields.operatorName')} maxLength={100} />
        </Col>
        <Col xs={24} md={12}>
          <SelectField
            path="operator.kind"
            label={t('fields.operatorKind')}
            placeholder={t('fields.select')}
            options={OPERATOR_KINDS.map((k) => ({ value: k, label: t(`operatorKinds.${k}`) }))}
          />
        </Col>
        <Col xs={24}>
          <TextField path="operator.contact" label={t('fields.operatorContact')} maxLength={100} />
        </Col>
      </Row>

      <Typography.Title level={3} className="section-heading">
        {t('fields.contactsHeading')}
      </Typography.Title>
      {missing.has('contacts') && (
        <Typography.Paragraph type="danger" role="alert">
          {missing.get('contacts')}
        </Typography.Paragraph>
      )}
      {contacts.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fields.noContacts')} />
      )}
      {contacts.map((_, i) => (
        <Card
          // Contacts have no ids of their own; their position is their identity in the form.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          size="small"
          className="repeat-card"
          title={<h4 className="card-heading">{t('fields.contact', { n: i + 1 })}</h4>}
          extra={
            editable && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('fields.removeContact', { n: i + 1 })}
                onClick={() =>
                  setField(
                    'contacts',
                    contacts.filter((__, j) => j !== i),
                  )
                }
              />
            )
          }
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField
                path={`contacts[${i}].name`}
                label={t('fields.contactName')}
                maxLength={50}
                nullable={false}
                autoComplete="name"
              />
            </Col>
            <Col xs={24} md={12}>
              <TextField
                path={`contacts[${i}].title`}
                label={t('fields.contactTitle')}
                maxLength={50}
                nullable={false}
                autoComplete="organization-title"
              />
            </Col>
            <Col xs={24} md={12}>
              <TextField
                path={`contacts[${i}].phone`}
                label={t('fields.contactPhone')}
                maxLength={40}
                nullable={false}
                autoComplete="tel"
              />
            </Col>
            <Col xs={24} md={12}>
              <TextField
                path={`contacts[${i}].email`}
                label={t('fields.contactEmail')}
                maxLength={100}
                nullable={false}
                autoComplete="email"
              />
            </Col>
          </Row>
        </Card>
      ))}
      {editable && contacts.length < MAX_CONTACTS && (
        <Button
          id={fieldId('contacts')}
          icon={<PlusOutlined />}
          onClick={() => setField('contacts', [...contacts, { name: '', title: '', phone: '', email: '' }])}
        >
          {t('fields.addContact')}
        </Button>
      )}
    </div>
  );
}
