import { Link, useParams } from 'react-router';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { QueryGate } from '../../components/QueryGate';
import { taskRoute } from '../werkvoorraad/task-route';
import { Trace } from '../betalingsonmacht/ArrangementSummary';
import { usePersonViewQuery, useVorderingenoverzichtMutation } from './personen-api';
import { downloadPdf } from '../../components/download-file';
import { TableRegion } from '../../components/TableRegion';

type PersonView = ResponseOf<'persons.view'>;

/** Everything about one person in one place: claims of CJIB and partners, arrangements, tasks. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { data, error } = usePersonViewQuery(personId);
  return (
    <QueryGate data={data} error={error}>
      {(view) => <PersonContent view={view} />}
    </QueryGate>
  );
}

function ClaimsTable({ claims, caption }: { claims: PersonView['claims']; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('person.reference')}</th>
            <th scope="col">{t('person.kind')}</th>
            <th scope="col">{t('person.phase')}</th>
            <th scope="col" className="numeric">
              {t('person.outstanding')}
            </th>
            <th scope="col">{t('person.dueDate')}</th>
            <th scope="col">{t('person.escalation')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.id}>
              <td className="mono">
                {c.partner ? c.reference : <Link to={`/werkvoorraad/${c.id}`}>{c.reference}</Link>}
              </td>
              <td>{t(`claimKind.${c.kind}`)}</td>
              <td>{t(`claimPhase.${c.phase}`)}</td>
              <td className="numeric">{formatCents(c.outstandingCents)}</td>
              <td>{formatDate(c.dueDate)}</td>
              <td>
                {c.lastStep
                  ? `${t(`escalaties.steps.${c.lastStep}`)} (${t(`escalaties.status.${c.lastStepStatus ?? 'vastgelegd'}`)})`
                  : t('person.noStep')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function PersonContent({ view }: { view: PersonView }) {
  const { person } = view;
  const cjib = view.claims.filter((c) => !c.partner);
  const partner = view.claims.filter((c) => c.partner);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('person.title', { name: person.displayName })}</h1>
      {person.deceasedOn ? (
        <p className="alert alert--error">{t('person.deceased', { date: formatDate(person.deceasedOn) })}</p>
      ) : null}
      {person.moratoriumUntil ? (
        <p className="alert">{t('person.moratorium', { date: formatDate(person.moratoriumUntil) })}</p>
      ) : null}
      <div className="two-columns">
        <section aria-labelledby="person-details">
          <h2 id="person-details">{t('person.details')}</h2>
          <dl className="details">
            <dt>{t('person.bsn')}</dt>
            <dd className="mono">{person.bsn}</dd>
            <dt>{t('person.birthDate')}</dt>
            <dd>{formatDate(person.birthDate)}</dd>
            <dt>{t('person.city')}</dt>
            <dd>{person.city}</dd>
            <dt>{t('person.postalAddress')}</dt>
            <dd>
              {person.streetAddress && person.postcode
                ? `${person.streetAddress}, ${person.postcode} ${person.city}`
                : t('person.postalAddressUnknown')}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="person-totals">
          <h2 id="person-totals">{t('person.totals')}</h2>
          <dl className="details">
            <dt>{t('person.cjibTotal')}</dt>
            <dd data-testid="cjib-total">{formatCents(view.totals.cjibCents)}</dd>
            <dt>{t('person.partnerTotal')}</dt>
            <dd data-testid="partner-total">{formatCents(view.totals.partnerCents)}</dd>
          </dl>
          <Link to={`/betalingsonmacht/${person.id}`}>{t('person.assess')}</Link>
          <OverviewButton personId={person.id} />
        </section>
      </div>

      <h2>{t('person.claims')}</h2>
      <ClaimsTable claims={cjib} caption={t('person.cjibClaims')} />
      {partner.length ? (
        <ClaimsTable claims={partner} caption={t('person.partnerClaims')} />
      ) : (
        <p className="empty-state">{t('person.noPartnerClaims')}</p>
      )}

      <RijkPreview rijk={view.rijk} />

      <h2>{t('person.arrangements')}</h2>
      {view.arrangements.length ? (
        <TableRegion label={t('person.arrangements')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('person.decision')}</th>
                <th scope="col">{t('person.status')}</th>
                <th scope="col" className="numeric">
                  {t('person.total')}
                </th>
                <th scope="col" className="numeric">
                  {t('person.bvv')}
                </th>
                <th scope="col" className="numeric">
                  {t('person.capacity')}
                </th>
                <th scope="col">{t('person.decidedAt')}</th>
                <th scope="col" className="numeric">
                  {t('person.behind')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.arrangements.map((a) => (
                <tr key={a.id}>
                  <td>{t(`betalingsonmacht.decisionKind.${a.kind}`)}</td>
                  <td>{t(`betalingsonmacht.status.${a.status}`)}</td>
                  <td className="numeric">{formatCents(a.totalCents)}</td>
                  <td className="numeric">{a.bvvCents === null ? '–' : formatCents(a.bvvCents)}</td>
                  <td className="numeric">{formatCents(a.afloscapaciteitCents)}</td>
                  <td>{formatDateTime(a.decidedAt)}</td>
                  <td className={a.behindCents ? 'numeric field__error' : 'numeric'}>
                    {a.behindCents === null ? '–' : formatCents(a.behindCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="empty-state">{t('person.noArrangements')}</p>
      )}

      {view.loketRequests.length ? (
        <>
          <h2>{t('person.loketRequests')}</h2>
          <TableRegion label={t('person.loketRequests')}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('person.submittedAt')}</th>
                  <th scope="col">{t('person.requestKind')}</th>
                  <th scope="col">{t('person.outcome')}</th>
                  <th scope="col" className="numeric">
                    {t('person.documents')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.loketRequests.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.submittedAt)}</td>
                    <td>{t(`person.loketKind.${r.kind}`)}</td>
                    <td>
                      {t(`person.loketOutcome.${r.outcome}`)}
                      {r.outcomeReason ? <span className="table-subline">{r.outcomeReason}</span> : null}
                    </td>
                    <td className="numeric">{r.documents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : null}

      <h2>{t('person.openTasks')}</h2>
      {view.openTasks.length ? (
        <ul>
          {view.openTasks.map((task) => (
            <li key={task.id}>
              <Link to={taskRoute(task)}>{t(`taskKind.${task.kind}`)}</Link> — {formatDate(task.dueDate)} —{' '}
              {t('person.assignee')}: {task.assigneeName ?? t('queue.unassigned')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t('person.noTasks')}</p>
      )}
      <p className="hint">{t('person.victimNote')}</p>
    </section>
  );
}

/** One Betalingsregeling Rijk over every participating creditor, as it would be today. */
function RijkPreview({ rijk }: { rijk: PersonView['rijk'] }) {
  const first = (creditor: string) => rijk.firstInstalment?.perCreditor.find((p) => p.creditor === creditor);
  return (
    <section aria-labelledby="person-rijk">
      <h2 id="person-rijk">{t('person.rijk.title')}</h2>
      <p>{t('person.rijk.intro')}</p>
      {rijk.shares.length === 0 ? (
        <p className="empty-state">{t('person.rijk.nothingOpen')}</p>
      ) : (
        <>
          {rijk.eligible ? (
            <p>{t('person.rijk.eligible', { total: formatCents(rijk.totalCents), months: rijk.maxMonths })}</p>
          ) : (
            <div className="alert">
              <p>{t('person.rijk.notEligible')}</p>
              <ul>
                {rijk.refusals.map((refusal) => (
                  <li key={refusal}>{refusal}</li>
                ))}
              </ul>
            </div>
          )}
          <TableRegion label={t('person.rijk.caption')}>
            <table className="data-table" data-testid="rijk-table">
              <caption>{t('person.rijk.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('person.rijk.creditor')}</th>
                  <th scope="col" className="numeric">
                    {t('person.rijk.claimCount')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('person.rijk.owed')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('person.rijk.firstInstalment')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rijk.shares.map((share) => (
                  <tr key={share.creditor}>
                    <th scope="row">{share.creditor}</th>
                    <td className="numeric">{share.claimCount}</td>
                    <td className="numeric">{formatCents(share.owedCents)}</td>
                    <td className="numeric">
                      {rijk.firstInstalment ? formatCents(first(share.creditor)?.amountCents ?? 0) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('person.rijk.total')}</th>
                  <td className="numeric">{rijk.shares.reduce((sum, s) => sum + s.claimCount, 0)}</td>
                  <td className="numeric">{formatCents(rijk.totalCents)}</td>
                  <td className="numeric" data-testid="rijk-first-instalment">
                    {rijk.firstInstalment ? formatCents(rijk.firstInstalment.amountCents) : '–'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableRegion>
        </>
      )}
      {rijk.outside.length ? (
        <p className="hint">
          {t('person.rijk.outside', {
            creditors: rijk.outside.map((o) => `${o.creditor} (${formatCents(o.owedCents)})`).join(', '),
          })}
        </p>
      ) : null}
      <details>
        <summary>{t('betalingsonmacht.trace')}</summary>
        <Trace steps={rijk.trace} />
      </details>
    </section>
  );
}

/** The vorderingenoverzicht for the person, made in the app as a PDF. */
function OverviewButton({ personId }: { personId: string }) {
  const [overview, { isLoading }] = useVorderingenoverzichtMutation();
  const download = async () => {
    const result = await overview(personId);
    if ('data' in result && result.data) downloadPdf(result.data.fileName, result.data.pdfBase64);
  };
  return (
    <p>
      <button type="button" disabled={isLoading} onClick={() => void download()}>
        {t('person.overviewPdf')}
      </button>
    </p>
  );
}
