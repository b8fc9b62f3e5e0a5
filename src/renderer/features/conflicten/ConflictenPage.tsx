import { formatCents, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { useDropReviewMutation, useRedoReviewMutation, useReviewsQuery } from './reviews-api';

/** Decisions the server did not accept, each beside the server's current state: redo or drop. */
export function ConflictenPage() {
  const { data } = useReviewsQuery();
  const [drop] = useDropReviewMutation();
  const [redo] = useRedoReviewMutation();

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('conflicten.title')}</h1>
      <p>{t('conflicten.intro')}</p>
      {data && data.reviews.length === 0 ? <p className="empty-state">{t('conflicten.empty')}</p> : null}
      {data?.reviews.map((review) => (
        <article key={review.commandId} className="review" aria-label={review.reason}>
          <p className="review__reason">
            <span className={`tag tag--${review.outcome}`}>{t(`conflicten.${review.outcome}`)}</span> {review.reason}
          </p>
          <div className="review__sides">
            <div className="review__side">
              <h2>{t('conflicten.mine')}</h2>
              <dl className="details">
                <dt>{t('conflicten.noteText')}</dt>
                <dd>{review.mine.text}</dd>
                <dt>{t('conflicten.seenVersion')}</dt>
                <dd>{review.mine.baseVersion ?? '–'}</dd>
                <dt>{t('conflicten.recordedAt')}</dt>
                <dd>{formatDateTime(review.mine.issuedAt)}</dd>
              </dl>
            </div>
            <div className="review__side">
              <h2>{t('conflicten.theirs')}</h2>
              {review.theirs ? (
                <dl className="details">
                  <dt>{t('claim.person')}</dt>
                  <dd>{review.theirs.personName}</dd>
                  <dt>{t('claim.reference')}</dt>
                  <dd className="mono">{review.theirs.reference}</dd>
                  <dt>{t('claim.phase')}</dt>
                  <dd>{t(`claimPhase.${review.theirs.phase}`)}</dd>
                  <dt>{t('claim.outstanding')}</dt>
                  <dd>{formatCents(review.theirs.outstandingCents)}</dd>
                  <dt>{t('conflicten.currentVersion')}</dt>
                  <dd>{review.theirs.version}</dd>
                </dl>
              ) : (
                <p>{t('conflicten.gone')}</p>
              )}
            </div>
          </div>
          <div className="review__actions">
            <button type="button" className="button--primary" onClick={() => void redo(review.commandId)}>
              {t('conflicten.redo')}
            </button>
            <button type="button" onClick={() => void drop(review.commandId)}>
              {t('conflicten.drop')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
