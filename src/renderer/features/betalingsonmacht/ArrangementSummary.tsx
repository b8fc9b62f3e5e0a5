import type { ArrangementWire } from '../../../shared/api/entities';
import {
  arrangementPaymentReference,
  divideInstalments,
  type CreditorShare,
} from '../../../shared/domain/betalingsregeling-rijk';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import { downloadPdf } from '../../components/download-file';
import { t } from '../../app/i18n/t';
import { useLetterMutation } from './betalingsonmacht-api';
import { PausePanel } from './PausePanel';
import { TableRegion } from '../../components/TableRegion';

/** One decision with its status, schedule and stored rule trace. */
export function ArrangementSummary({
  arrangement,
  pending,
  scheduleFolded = false,
}: {
  arrangement: ArrangementWire;
  pending?: boolean;
  /** On an approval card: the schedule behind a summary line, so the decision itself stays in view. */
  scheduleFolded?: boolean;
}) {
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
      <dl className="details">
        <dt>{t('betalingsonmacht.monthlyIncome')}</dt>
        <dd>{formatCents(arrangement.assessment.monthlyIncomeCents)}</dd>
        <dt>{t('betalingsonmacht.bvv')}</dt>
        <dd>
          {arrangement.assessment.bvvCents === null
            ? t('betalingsonmacht.noBvv')
            : formatCents(arrangement.assessment.bvvCents)}
        </dd>
        <dt>{t('betalingsonmacht.capacity')}</dt>
        <dd>{formatCents(arrangement.assessment.afloscapaciteitCents)}</dd>
        {arrangement.instalments.length > 0 && arrangement.status !== 'afgewezen' ? (
          <>
            <dt>{t('betalingsonmacht.paymentReference')}</dt>
            <dd className="mono">{arrangementPaymentReference(arrangement.id)}</dd>
          </>
        ) : null}
        {arrangement.pauseUntil ? (
          <>
            <dt>{t('betalingsonmacht.pauseUntil')}</dt>
            <dd>{formatDate(arrangement.pauseUntil)}</dd>
          </>
        ) : null}
      </dl>
      <p>{arrangement.motivation}</p>
      {arrangement.endedOn ? (
        <p className={arrangement.honouredExactly ? 'hint' : 'field__error'}>
          {t('betalingsonmacht.ended', {
            date: formatDate(arrangement.endedOn),
            how: t(arrangement.honouredExactly ? 'betalingsonmacht.honoured' : 'betalingsonmacht.notHonoured'),
          })}
        </p>
      ) : null}
      {arrangement.approvalNote ? <p className="note__meta">{arrangement.approvalNote}</p> : null}
      {arrangement.pauses.map((p) => (
        <p key={p.from} className="note__meta">
          {t('pauze.recorded', { months: p.months, date: formatDate(p.from), name: p.recordedBy, reason: p.reason })}
        </p>
      ))}
      {arrangement.instalments.length ? (
        scheduleFolded ? (
          <details>
            <summary>
              {t('betalingsonmacht.scheduleFolded', {
                count: arrangement.instalments.length,
                amount: formatCents(arrangement.instalments[0]?.amountCents ?? 0),
              })}
            </summary>
            <Schedule instalments={arrangement.instalments} />
          </details>
        ) : (
          <Schedule instalments={arrangement.instalments} />
        )
      ) : null}
      {arrangement.status === 'lopend' && !pending ? <PausePanel arrangement={arrangement} /> : null}
      {arrangement.status !== 'ter_goedkeuring' && !pending ? <LetterButton arrangementId={arrangement.id} /> : null}
    </div>
  );
}

function LetterButton({ arrangementId }: { arrangementId: string }) {
  const [letter, { isLoading }] = useLetterMutation();
  const download = async () => {
    const result = await letter(arrangementId);
    if ('data' in result && result.data) downloadPdf(result.data.fileName, result.data.pdfBase64);
  };
  return (
    <button type="button" disabled={isLoading} onClick={() => void download()}>
      {t('betalingsonmacht.letter')}
    </button>
  );
}

/**
 * The instalments; with the creditors of a Betalingsregeling Rijk, each instalment also divided
 * over them (one column per creditor), as the joint arrangement pays them.
 */
export function Schedule({
  instalments,
  shares = [],
}: {
  instalments: ArrangementWire['instalments'];
  shares?: readonly CreditorShare[];
}) {
  const total = instalments.reduce((sum, i) => sum + i.amountCents, 0);
  const divided = shares.length > 1 ? divideInstalments(instalments, shares) : null;
  const creditorTotal = (index: number) =>
    (divided ?? []).reduce((sum, i) => sum + (i.perCreditor[index]?.amountCents ?? 0), 0);
  return (
    <TableRegion label={t('betalingsonmacht.schedule')}>
      <table className="data-table schedule">
        <caption>{t('betalingsonmacht.schedule')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('betalingsonmacht.number')}</th>
            <th scope="col">{t('betalingsonmacht.dueDate')}</th>
            {divided
              ? shares.map((share) => (
                  <th key={share.creditor} scope="col" className="numeric">
                    {share.creditor}
                  </th>
                ))
              : null}
            <th scope="col" className="numeric">
              {t('betalingsonmacht.columns.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {instalments.map((i, row) => (
            <tr key={i.number}>
              <td>{i.number}</td>
              <td>{formatDate(i.dueDate)}</td>
              {divided?.[row]?.perCreditor.map((p) => (
                <td key={p.creditor} className="numeric">
                  {formatCents(p.amountCents)}
                </td>
              ))}
              <td className="numeric">{formatCents(i.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('betalingsonmacht.total')}
            </th>
            {divided
              ? shares.map((share, index) => (
                  <td key={share.creditor} className="numeric">
                    {formatCents(creditorTotal(index))}
                  </td>
                ))
              : null}
            <td className="numeric">{formatCents(total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

type TraceStepView = {
  rule: string;
  text: string;
  unconfirmed?: boolean | undefined;
  source?: { label: string; url?: string | undefined } | undefined;
};

/** Only official texts are linked; anything else a stored trace says is shown as plain text. */
const isOfficialText = (url: string) => /^https:\/\/wetten\.overheid\.nl\//.test(url);

export function Trace({ steps }: { steps: readonly TraceStepView[] }) {
  return (
    <ol className="trace">
      {steps.map((s, index) => (
        <li
          key={`${s.rule}-${index}`}
          className={s.unconfirmed ? 'trace__step trace__step--unconfirmed' : 'trace__step'}
        >
          {s.text}
          {s.unconfirmed ? <span className="tag tag--pending">{t('betalingsonmacht.unconfirmed')}</span> : null}
          {s.source ? (
            <span className="trace__source">
              {t('betalingsonmacht.traceSource')}{' '}
              {s.source.url && isOfficialText(s.source.url) ? (
                <a href={s.source.url} target="_blank" rel="noreferrer noopener">
                  {s.source.label}
                </a>
              ) : (
                s.source.label
              )}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
