import { useState } from 'react';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatCents } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { ArrangementSummary, Trace } from '../betalingsonmacht/ArrangementSummary';
import { useArrangementsQuery, useDecideApprovalMutation } from '../betalingsonmacht/betalingsonmacht-api';
import { useCurrentSessionQuery } from '../session/session-api';

type Arrangement = ResponseOf<'arrangements.list'>['arrangements'][number];

/** The team lead's four-eyes queue: decisions of others waiting for approval. */
export function TeamoverzichtPage() {
  const { data: session } = useCurrentSessionQuery();
  const isTeamleider = session?.user?.role === 'teamleider';
  const { data } = useArrangementsQuery({ status: 'ter_goedkeuring' }, { skip: !isTeamleider });

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('teamoverzicht.title')}</h1>
      {!isTeamleider ? (
        <p>{t('teamoverzicht.onlyTeamleider')}</p>
      ) : (
        <>
          <h2>{t('teamoverzicht.approvals')}</h2>
          <p>{t('teamoverzicht.approvalsIntro')}</p>
          {data && data.arrangements.length === 0 ? (
            <p className="empty-state">{t('teamoverzicht.noApprovals')}</p>
          ) : null}
          {data?.arrangements.map((a) => (
            <ApprovalItem key={a.id} arrangement={a} />
          ))}
        </>
      )}
    </section>
  );
}

function ApprovalItem({ arrangement }: { arrangement: Arrangement }) {
  const [note, setNote] = useState('');
  const [decideApproval, { error, isLoading }] = useDecideApprovalMutation();
  const failure = appError(error);
  const noteId = `note-${arrangement.id}`;
  return (
    <article
      className="review"
      aria-label={`${arrangement.personName}: ${t(`betalingsonmacht.decisionKind.${arrangement.kind}`)}`}
    >
      <h3>
        <Link to={`/betalingsonmacht/${arrangement.personId}`}>{arrangement.personName}</Link> ·{' '}
        {formatCents(arrangement.totalCents)}
      </h3>
      <ArrangementSummary arrangement={arrangement} pending={arrangement.pending} />
      <details>
        <summary>{t('teamoverzicht.trace')}</summary>
        <Trace steps={arrangement.assessment.trace} />
      </details>
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          {t('teamoverzicht.note')}
        </label>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={failure?.issues?.note ? true : undefined}
        />
        {failure ? (
          <p className="field__error" role="alert">
            {failure.issues?.note ?? failure.message}
          </p>
        ) : null}
      </div>
      <div className="review__actions">
        <button
          type="button"
          className="button--primary"
          disabled={isLoading}
          onClick={() => void decideApproval({ arrangementId: arrangement.id, approve: true, note })}
        >
          {t('teamoverzicht.approve')}
        </button>
        <button
          type="button"
          disabled={isLoading}
          onClick={() => void decideApproval({ arrangementId: arrangement.id, approve: false, note })}
        >
          {t('teamoverzicht.reject')}
        </button>
      </div>
    </article>
  );
}
