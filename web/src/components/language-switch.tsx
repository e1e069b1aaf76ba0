import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, useLanguage } from '../i18n/index.ts';

/** Rendered once per page (header), so the fixed id is unique. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor="language-switch" className="visually-hidden">
        {t('lang.label')}
      </label>
      <Select
        id="language-switch"
        value={lang}
        variant="borderless"
        popupMatchSelectWidth={false}
        prefix={<GlobalOutlined aria-hidden="true" />}
        onChange={(value) => void setLanguage(value)}
        options={LANGUAGES.map((value) => ({
          value,
          label: <span lang={value}>{value === 'en' ? t('lang.en') : t('lang.zh')}</span>,
        }))}
      />
    </div>
  );
}
