import type { ArrangementWire } from '../../../shared/api/entities';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';

/** One decision with its status, schedule and stored rule trace. */
export function ArrangementSummary({ arrangement, pending }: { arrangement: ArrangementWire; pending?: boolean }) {
  return (
    <div className="arrangement">
      <p className="arrangement__head">
        <strong>{t(`betalingsonmacht.decisionKind.${arrangement.kind}`)}</strong>{' '}
        <span className={`tag tag--status-${arrangement.status}`}>
          {t(`betalingsonmacht.status.${arrangement.status}`)}
        </span>
        {pending ? <span className="tag tag--pending">{t('betalingsonmacht.notSent')}</span> : null}
      </p>
      <p className="note__meta">
        {t('betalingsonmacht.decidedBy', { name: arrangement.decidedBy, date: formatDateTime(arrangement.decidedAt) })}
        {arrangement.approvedBy ? ` · ${t('betalingsonmacht.approvedBy', { name: arrangement.approvedBy })}` : ''}
      </p>
      <p>{arrangement.motivation}</p>
      {arrangement.approvalNote ? <p className="note__meta">{arrangement.approvalNote}</p> : null}
      {arrangement.instalments.length ? <Schedule instalments={arrangement.instalments} /> : null}
    </div>
  );
}

export function Schedule({ instalments }: { instalments: ArrangementWire['instalments'] }) {
  const total = instalments.reduce((sum, i) => sum + i.amountCents, 0);
  return (
    <table className="data-table schedule">
      <caption>{t('betalingsonmacht.schedule')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('betalingsonmacht.number')}</th>
          <th scope="col">{t('betalingsonmacht.dueDate')}</th>
          <th scope="col" className="numeric">
            {t('claim.outstanding')}
          </th>
        </tr>
      </thead>
      <tbody>
        {instalments.map((i) => (
          <tr key={i.number}>
            <td>{i.number}</td>
            <td>{formatDate(i.dueDate)}</td>
            <td className="numeric">{formatCents(i.amountCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('betalingsonmacht.total')}
          </th>
          <td className="numeric">{formatCents(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function Trace({
  steps,
}: {
  steps: readonly { rule: string; text: string; unconfirmed?: boolean | undefined }[];
}) {
  return (
    <ol className="trace">
      {steps.map((s, index) => (
        <li
          key={`${s.rule}-${index}`}
          className={s.unconfirmed ? 'trace__step trace__step--unconfirmed' : 'trace__step'}
        >
          {s.text}
          {s.unconfirmed ? <span className="tag tag--pending">{t('betalingsonmacht.unconfirmed')}</span> : null}
        </li>
      ))}
    </ol>
  );
}
