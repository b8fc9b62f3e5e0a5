import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { Trace } from '../betalingsonmacht/ArrangementSummary';
import { useProposeVoorschotMutation } from './slachtoffers-api';

type VictimCase = ResponseOf<'slachtoffers.victim'>;

/** The schadevergoedingsmaatregel: ordered, collected, paid out; and the voorschot when it is due. */
export function CompensationPanel({ view }: { view: VictimCase }) {
  const [propose, { error, isLoading, isSuccess }] = useProposeVoorschotMutation();
  const { compensation, voorschot, payments } = view;
  if (!compensation) return <p className="empty-state">{t('compensation.none')}</p>;
  const open = payments.some((p) => p.status !== 'afgewezen');
  const failure = appError(error);
  return (
    <section aria-labelledby="compensation-title" className="breakdown">
      <h2 id="compensation-title">{t('compensation.title')}</h2>
      <dl className="details">
        <dt>{t('compensation.reference')}</dt>
        <dd className="mono">{compensation.claimReference}</dd>
        <dt>{t('compensation.judgmentFinal')}</dt>
        <dd>{formatDate(compensation.judgmentFinalOn)}</dd>
        <dt>{t('compensation.ordered')}</dt>
        <dd data-testid="svm-ordered">{formatCents(compensation.orderedCents)}</dd>
        <dt>{t('compensation.collected')}</dt>
        <dd>{formatCents(compensation.collectedCents)}</dd>
        <dt>{t('compensation.schadefonds')}</dt>
        <dd>{formatCents(compensation.schadefondsCents)}</dd>
        <dt>{t('compensation.paidOut')}</dt>
        <dd data-testid="svm-paid-out">{formatCents(compensation.paidOutCents)}</dd>
      </dl>
      {voorschot ? (
        <>
          <h3>{t('compensation.voorschot')}</h3>
          <p>{t('compensation.eligibleFrom', { date: formatDate(voorschot.eligibleFrom) })}</p>
          <details>
            <summary>{t('compensation.trace')}</summary>
            <Trace steps={voorschot.trace} />
          </details>
          {voorschot.eligible && !open ? (
            <button
              type="button"
              className="button--primary"
              disabled={isLoading}
              onClick={() => void propose(compensation.id)}
            >
              {t('compensation.propose', { amount: formatCents(voorschot.advanceCents) })}
            </button>
          ) : null}
          {isSuccess ? <p role="status">{t('compensation.proposed')}</p> : null}
          {failure ? (
            <p role="alert" className="field__error">
              {failure.message}
            </p>
          ) : null}
        </>
      ) : null}
      {payments.length ? (
        <>
          <h3>{t('compensation.payments')}</h3>
          <ul>
            {payments.map((p) => (
              <li key={p.id}>
                {t('compensation.paymentLine', {
                  amount: formatCents(p.amountCents),
                  name: p.proposedBy,
                  date: formatDateTime(p.proposedAt),
                })}{' '}
                <span className={`tag tag--status-${p.status === 'goedgekeurd' ? 'lopend' : p.status}`}>
                  {t(`compensation.status.${p.status}`)}
                </span>
                {p.pending ? <span className="tag tag--pending">{t('betalingsonmacht.notSent')}</span> : null}
                {p.approvedBy ? (
                  <span className="note__meta"> {t('compensation.approvedBy', { name: p.approvedBy })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
