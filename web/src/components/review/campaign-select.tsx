import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../api/declarations.ts';
import { FilterField } from '../reference/filter-field.tsx';

/** Picks the campaign year the unit's screens show. */
export function CampaignSelect({
  campaigns,
  year,
  onChange,
  disabled,
}: {
  campaigns: readonly Campaign[];
  year: number | undefined;
  onChange: (year: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const options = [...campaigns]
    .sort((a, b) => b.year - a.year)
    .map((c) => ({
      value: c.year,
      label: t('review.campaignOption', { year: c.year, status: t(`review.campaignStatus.${c.status}`) }),
    }));
  return (
    <FilterField id="campaign-year" label={t('review.campaign')}>
      <Select<number>
        id="campaign-year"
        className="filter-select"
        value={year}
        options={options}
        onChange={onChange}
        disabled={disabled}
      />
    </FilterField>
  );
}
