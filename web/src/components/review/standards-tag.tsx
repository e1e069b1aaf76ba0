import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StandardsOverall } from '../../../../domain/standards.ts';
import { OVERALL_COLORS } from '../declaration/side-panel.tsx';

/** The overall standards result as the county's side panel names it; a dash while not known. */
export function StandardsTag({ overall, loading }: { overall: StandardsOverall | null; loading?: boolean }) {
  const { t } = useTranslation();
  if (!overall)
    return loading ? (
      <span className="muted">{t('review.loadingDetail')}</span>
    ) : (
      <span aria-hidden="true">—</span>
    );
  return <Tag color={OVERALL_COLORS[overall]}>{t(`side.overallResult.${overall}`)}</Tag>;
}
