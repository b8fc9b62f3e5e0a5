import type { CommandReview } from '../../../shared/ipc/contract';
import { formatCents, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { useDropReviewMutation, useRedoReviewMutation, useReviewsQuery } from './reviews-api';

/** Decisions the server did not accept, each beside the server's current state: redo or drop. */
export function ConflictenPage() {
  const { data } = useReviewsQuery();
  const [drop, dropping] = useDropReviewMutation();
  const [redo, redoing] = useRedoReviewMutation();
  // One answer at a time: a second click while the first is saved would redo a note twice.
  const busy = dropping.isLoading || redoing.isLoading;
  const failure = appError(dropping.error ?? redoing.error);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('conflicten.title')}</h1>
      <p>{t('conflicten.intro')}</p>
      {failure ? (
        <p className="alert alert--error" role="alert">
          {failure.message}
        </p>
      ) : null}
      {data && data.reviews.length === 0 ? <p className="empty-state">{t('conflicten.empty')}</p> : null}
      {data?.reviews.map((review) => (
        <article key={review.commandId} className="review" aria-label={review.reason}>
          <p className="review__reason">
            <span className={`tag tag--${review.outcome}`}>{t(`conflicten.${review.outcome}`)}</span> {review.reason}
          </p>
          <div className="review__sides">
            <div className="review__side">
              <h2>{t('conflicten.mine')}</h2>
              <Mine mine={review.mine} />
            </div>
            <div className="review__side">
              <h2>{t('conflicten.theirs')}</h2>
              <Theirs theirs={review.theirs} />
            </div>
          </div>
          <div className="review__actions">
            {review.mine.type === 'AddCaseNote' ? (
              <button
                type="button"
                className="button--primary"
                disabled={busy}
                onClick={() => void redo(review.commandId)}
              >
                {t('conflicten.redo')}
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => void drop(review.commandId)}>
              {t('conflicten.drop')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}

function Mine({ mine }: { mine: CommandReview['mine'] }) {
  return (
    <dl className="details">
      <dt>{t('conflicten.decision')}</dt>
      <dd>{t(`conflicten.type.${mine.type}`)}</dd>
      {mine.type === 'AddCaseNote' ? (
        <>
          <dt>{t('conflicten.noteText')}</dt>
          <dd>{mine.text}</dd>
        </>
      ) : null}
      {mine.type === 'RecordBetalingsonmachtDecision' ? (
        <>
          <dt>{t('betalingsonmacht.decision')}</dt>
          <dd>{mine.decisionKind}</dd>
          <dt>{t('conflicten.expectedTotal')}</dt>
          <dd>{formatCents(mine.expectedTotalCents)}</dd>
        </>
      ) : null}
      {mine.type === 'Werkvoorraad' || mine.type === 'Voorschot' || mine.type === 'Regeling' ? (
        <>
          <dt>{t('conflicten.decision')}</dt>
          <dd>{t(`conflicten.action.${mine.action}`)}</dd>
        </>
      ) : null}
      {mine.type === 'DecideApproval' ? (
        <>
          <dt>{t('conflicten.approval')}</dt>
          <dd>{mine.approve ? t('teamoverzicht.approve') : t('teamoverzicht.reject')}</dd>
        </>
      ) : null}
      <dt>{t('conflicten.seenVersion')}</dt>
      <dd>{mine.baseVersion ?? '–'}</dd>
      <dt>{t('conflicten.recordedAt')}</dt>
      <dd>{formatDateTime(mine.issuedAt)}</dd>
    </dl>
  );
}

function Theirs({ theirs }: { theirs: CommandReview['theirs'] }) {
  if (theirs.claim) {
    return (
      <dl className="details">
        <dt>{t('claim.person')}</dt>
        <dd>{theirs.claim.personName}</dd>
        <dt>{t('claim.reference')}</dt>
        <dd className="mono">{theirs.claim.reference}</dd>
        <dt>{t('claim.phase')}</dt>
        <dd>{t(`claimPhase.${theirs.claim.phase}`)}</dd>
        <dt>{t('claim.outstanding')}</dt>
        <dd>{formatCents(theirs.claim.outstandingCents)}</dd>
        <dt>{t('conflicten.currentVersion')}</dt>
        <dd>{theirs.claim.version}</dd>
      </dl>
    );
  }
  if (theirs.openTotalCents !== null || theirs.arrangementStatus !== null) {
    return (
      <dl className="details">
        {theirs.personName ? (
          <>
            <dt>{t('claim.person')}</dt>
            <dd>{theirs.personName}</dd>
          </>
        ) : null}
        {theirs.openTotalCents !== null ? (
          <>
            <dt>{t('conflicten.currentTotal')}</dt>
            <dd>{formatCents(theirs.openTotalCents)}</dd>
          </>
        ) : null}
        {theirs.arrangementStatus ? (
          <>
            <dt>{t('conflicten.currentStatus')}</dt>
            <dd>{theirs.arrangementStatus}</dd>
          </>
        ) : null}
      </dl>
    );
  }
  return <p>{t('conflicten.gone')}</p>;
}
