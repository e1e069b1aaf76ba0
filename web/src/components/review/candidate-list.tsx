import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StandardsOverall } from '../../../../domain/standards.ts';
import { useLanguage } from '../../i18n/index.ts';
import { standardsItemName } from '../declaration/standards-format.ts';
import type { AddCheck } from './ranking.ts';
import { StandardsTag } from './standards-tag.tsx';

export interface Candidate {
  id: string;
  clusterName: string;
  countyName: string;
  overall: StandardsOverall | null;
  check: AddCheck;
}

/** Accepted declarations not on the list, each with its standards result and why it can or cannot be added. */
export function CandidateList({
  candidates,
  quota,
  readOnly,
  onAdd,
}: {
  candidates: Candidate[];
  quota: number;
  readOnly: boolean;
  onAdd: (candidate: Candidate) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (candidates.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommend.noCandidates')} />;
  // Chinese sentences follow each other without a space.
  const gap = lang === 'en' ? ' ' : '';
  const names = (codes: string[]) =>
    codes.map((c) => standardsItemName(c, t, lang)).join(lang === 'en' ? ', ' : '、');

  return (
    <ul className="candidate-list">
      {candidates.map((c) => {
        const whyId = `why-${c.id}`;
        const { check } = c;
        let why: string | null = null;
        if (!check.addable) {
          why =
            check.reason === 'quota'
              ? t('recommend.why.quota', { quota })
              : t(`recommend.why.${check.reason}`);
          if (check.failedItems.length)
            why += `${gap}${t('recommend.failedItems', { items: names(check.failedItems) })}`;
        } else if (check.needsJustification) {
          why = `${t('recommend.failedItems', { items: names(check.failedItems) })}${gap}${t('recommend.willNeedJustification')}`;
        }
        return (
          <li key={c.id} className="candidate">
            <div className="candidate-main">
              <Link to={`/review/${encodeURIComponent(c.id)}`} className="candidate-name">
                {c.clusterName}
              </Link>
              <div className="candidate-meta">
                <span>{c.countyName}</span>
                <StandardsTag overall={c.overall} loading />
              </div>
              {why && (
                <Typography.Text
                  id={whyId}
                  type={check.addable ? 'warning' : 'secondary'}
                  className="candidate-why"
                >
                  {why}
                </Typography.Text>
              )}
            </div>
            <Button
              icon={<PlusOutlined />}
              disabled={readOnly || !check.addable}
              aria-label={t('recommend.addNamed', { name: c.clusterName })}
              aria-describedby={why ? whyId : undefined}
              onClick={() => onAdd(c)}
            >
              {t('recommend.add')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
