import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORING_AREAS, weightedTotal } from '../../../../domain/scoring.ts';
import { expertApi, type ScoreResult } from '../../api/expert.ts';
import { useLanguage } from '../../i18n/index.ts';
import { errorText } from '../ministry/query-error.tsx';

/** Eight area scores (0–100), the live weighted total under the default weights, a comment, save. */
export function ScoreForm({
  assignmentId,
  savedTotal,
  savedScores,
  savedComment,
  weights,
  onSaved,
  saveKind = 'free',
  savedRevisionReason = null,
}: {
  assignmentId: string;
  savedTotal: number | null;
  savedScores: number[] | null;
  savedComment: string | null;
  weights: readonly number[];
  onSaved: (result: ScoreResult) => void;
  /** 'revision' asks for a reason (after a panel's reveal); 'locked' shows the saved scores read-only. */
  saveKind?: 'free' | 'revision' | 'locked';
  savedRevisionReason?: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const [scores, setScores] = useState<(number | null)[]>(() =>
    SCORING_AREAS.map((_, i) => savedScores?.[i] ?? null),
  );
  const [comment, setComment] = useState(savedComment ?? '');
  const [revisionReason, setRevisionReason] = useState('');
  const locked = saveKind === 'locked';
  const revision = saveKind === 'revision';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = scores.every((s) => s !== null);
  const total = weightedTotal(
    scores.map((s) => s ?? 0),
    weights,
  );

  const save = async () => {
    if (!complete) {
      setError(t('expert.incomplete'));
      return;
    }
    if (revision && !revisionReason.trim()) {
      setError(t('expertPanel.reasonRequired'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = await expertApi.saveScore(
        assignmentId,
        scores as number[],
        comment.trim(),
        revision ? revisionReason.trim() : undefined,
      );
      setRevisionReason('');
      void message.success(t('expert.saved', { total: result.total }));
      onSaved(result);
    } catch (err) {
      setError(t('expert.saveFailed', { message: errorText(err) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      className="score-form"
      title={<h2 className="card-heading">{t('expert.scoreTitle')}</h2>}
    >
      <Typography.Paragraph type="secondary" className="side-note">
        {t('expert.defaultWeights')}
      </Typography.Paragraph>
      {savedTotal !== null && (
        <Alert type="success" showIcon message={t('expert.savedTotal', { total: savedTotal })} />
      )}
      <ol className="score-areas">
        {SCORING_AREAS.map((area, i) => {
          const id = `score-area-${area.area}`;
          return (
            <li key={area.area} className="score-area">
              <label htmlFor={id}>
                {lang === 'en' ? area.en : area.zh}
                <Typography.Text type="secondary">
                  {' '}
                  · {t('expert.weight', { weight: weights[i] })}
                </Typography.Text>
              </label>
              <InputNumber
                id={id}
                min={0}
                max={100}
                precision={1}
                disabled={locked}
                value={scores[i]}
                placeholder="0–100"
                onChange={(v) => setScores((list) => list.map((s, j) => (j === i ? (v ?? null) : s)))}
              />
            </li>
          );
        })}
      </ol>
      <div className="score-total" aria-live="polite">
        {t('expert.liveTotal')}: <strong>{total.toFixed(2)}</strong>
      </div>
      <label htmlFor="score-comment" className="stat-label">
        {t('expert.comment')}
      </label>
      <Input.TextArea
        id="score-comment"
        rows={4}
        maxLength={2000}
        showCount
        disabled={locked}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {savedRevisionReason && (
        <Typography.Paragraph type="secondary" className="side-note">
          {t('expertPanel.lastReason', { reason: savedRevisionReason })}
        </Typography.Paragraph>
      )}
      {revision && (
        <>
          <label htmlFor="revision-reason" className="stat-label">
            {t('expertPanel.reason')}
          </label>
          <Input.TextArea
            id="revision-reason"
            rows={3}
            maxLength={2000}
            value={revisionReason}
            aria-required="true"
            aria-describedby="revision-reason-hint"
            onChange={(e) => setRevisionReason(e.target.value)}
          />
          <Typography.Text type="secondary" id="revision-reason-hint" className="side-note">
            {t('expertPanel.reasonHint')}
          </Typography.Text>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {locked ? (
        <Alert type="info" showIcon message={t('expertPanel.locked')} />
      ) : (
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          {revision ? t('expertPanel.saveRevision') : t('expert.save')}
        </Button>
      )}
    </Card>
  );
}
