import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FORM_SECTIONS, type FormSectionKey } from '../../../domain/declaration-form.ts';
import { ApiError } from '../api/client.ts';
import { useDeclaration } from '../api/declaration-queries.ts';
import { type Assignment, expertApi } from '../api/expert.ts';
import { expertKeys, useAssignments } from '../api/expert-queries.ts';
import { useSession } from '../api/queries.ts';
import { PeerScoresCard } from '../components/expert/peer-scores-card.tsx';
import { ScoreForm } from '../components/expert/score-form.tsx';
import { PhaseTag } from '../components/ministry/phase-tag.tsx';
import { errorText } from '../components/ministry/query-error.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { ReadOnlyDeclaration } from '../components/review/readonly-declaration.tsx';

/** One assignment: the declaration read-only beside the score form and the conflict-of-interest button. */
export default function ExpertAssignmentPage() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams();
  const role = useSession().data?.user.role;
  const assignments = useAssignments(role === 'expert');

  if (role !== 'expert')
    return <Result status="403" title={<h1 className="result-title">{t('expert.forbidden')}</h1>} />;
  if (assignments.isPending) return <PageLoading />;
  const assignment = assignments.data?.items.find((a) => a.assignmentId === assignmentId);
  if (!assignment)
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('expert.notFound')}</h1>}
        extra={<Link to="/expert">{t('expert.back')}</Link>}
      />
    );
  return <AssignmentView key={assignmentId} assignment={assignment} />;
}

function AssignmentView({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useDeclaration(assignment.declarationId);
  const [section, setSection] = useState<FormSectionKey>(FORM_SECTIONS[0].key);
  const [savedTotal, setSavedTotal] = useState<number | null>(assignment.scored ? assignment.total : null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [declaring, setDeclaring] = useState(false);

  const declareConflict = async () => {
    if (!reason.trim()) {
      setReasonError(true);
      return;
    }
    setDeclaring(true);
    try {
      await expertApi.declareConflict(assignment.assignmentId, reason.trim());
      void message.success(t('expert.conflictDone'));
      void queryClient.invalidateQueries({ queryKey: expertKeys.assignments });
      void navigate('/expert');
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setDeclaring(false);
    }
  };

  const title = assignment.clusterName || t('review.untitled');
  return (
    <section aria-labelledby="assignment-title" className="page declaration-page review-decl-page">
      <Link to="/expert" className="back-link">
        <ArrowLeftOutlined aria-hidden="true" /> {t('expert.back')}
      </Link>
      <header className="decl-header">
        <div className="decl-heading">
          <Typography.Title level={1} id="assignment-title" className="page-title">
            {title}
          </Typography.Title>
          <div className="decl-meta">
            <span>{t('expert.meta', { year: assignment.campaignYear, county: assignment.countyName })}</span>
            {assignment.panelName && (
              <span>
                {' '}
                · {t('expertPanel.panel', { name: assignment.panelName })}{' '}
                {assignment.phase && <PhaseTag phase={assignment.phase} />}
              </span>
            )}
          </div>
        </div>
        {assignment.saveKind !== 'locked' && (
          <div className="decl-actions">
            <Button danger icon={<StopOutlined />} onClick={() => setConflictOpen(true)}>
              {t('expert.conflict')}
            </Button>
          </div>
        )}
      </header>
      <div className="review-layout">
        <div className="decl-main">
          <Typography.Title level={2} className="step-title">
            {t('review.declaration')}
          </Typography.Title>
          {query.isPending ? (
            <PageLoading />
          ) : query.isError ? (
            <Alert
              type="error"
              showIcon
              message={
                query.error instanceof ApiError && query.error.status === 404
                  ? t('expert.notFound')
                  : t('errors.loadFailed', { message: errorText(query.error) })
              }
            />
          ) : (
            <ReadOnlyDeclaration
              declaration={query.data}
              section={section}
              onSection={setSection}
              label={t('review.sections')}
            />
          )}
        </div>
        <aside className="review-side" aria-label={t('expert.scoreTitle')}>
          {assignment.phase && (
            <Alert
              type={
                assignment.phase === 'final' ? 'info' : assignment.phase === 'revealed' ? 'warning' : 'info'
              }
              showIcon
              message={t(`expertPanel.phaseNote.${assignment.phase}`)}
            />
          )}
          {assignment.initialTotal !== null &&
            assignment.initialTotal !== undefined &&
            assignment.initialTotal !== assignment.total && (
              <Typography.Text type="secondary" className="side-note">
                {t('expertPanel.initialTotal', { total: assignment.initialTotal.toFixed(2) })}
              </Typography.Text>
            )}
          <ScoreForm
            key={assignment.saveKind ?? 'free'}
            saveKind={assignment.saveKind ?? 'free'}
            savedRevisionReason={assignment.revisionReason ?? null}
            assignmentId={assignment.assignmentId}
            savedTotal={savedTotal}
            savedScores={assignment.scores}
            savedComment={assignment.comment}
            weights={assignment.weights}
            onSaved={(r) => {
              setSavedTotal(r.total);
              void queryClient.invalidateQueries({ queryKey: expertKeys.assignments });
              void queryClient.invalidateQueries({ queryKey: expertKeys.peers(assignment.assignmentId) });
            }}
          />
          {assignment.panelId && assignment.phase && assignment.phase !== 'scoring' && (
            <PeerScoresCard assignmentId={assignment.assignmentId} />
          )}
        </aside>
      </div>
      <Modal
        open={conflictOpen}
        title={t('expert.conflictTitle')}
        okText={t('expert.conflictConfirm')}
        okButtonProps={{ danger: true, loading: declaring }}
        cancelText={t('expert.cancel')}
        onOk={() => void declareConflict()}
        onCancel={() => setConflictOpen(false)}
      >
        <Space direction="vertical" className="full-width">
          <Alert type="warning" showIcon message={t('expert.conflictWarning')} />
          <label htmlFor="conflict-reason">{t('expert.conflictReason')}</label>
          <Input.TextArea
            id="conflict-reason"
            rows={3}
            maxLength={500}
            value={reason}
            status={reasonError ? 'error' : undefined}
            aria-invalid={reasonError}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(false);
            }}
          />
          {reasonError && <Typography.Text type="danger">{t('expert.conflictRequired')}</Typography.Text>}
        </Space>
      </Modal>
    </section>
  );
}
