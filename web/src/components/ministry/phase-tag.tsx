import { Tag } from 'antd';
import { PANEL_PHASE_LABELS, type PanelPhase } from '../../../../domain/panels.ts';
import { useLanguage } from '../../i18n/index.ts';

export const PHASE_COLORS: Record<PanelPhase, string> = {
  scoring: 'processing',
  revealed: 'warning',
  final: 'success',
};

export function PhaseTag({ phase }: { phase: PanelPhase }) {
  const lang = useLanguage();
  return <Tag color={PHASE_COLORS[phase]}>{PANEL_PHASE_LABELS[phase][lang === 'en' ? 'en' : 'zh']}</Tag>;
}
