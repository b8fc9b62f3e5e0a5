import { useMemo, useState, type FormEvent } from 'react';
import type { ParameterSetRecord } from '../../../shared/api/parameters';
import { todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';
import { nextScheduledNormUpdate } from '../../../shared/domain/beslagvrije-voet';
import { selectParameterSet } from '../../../shared/domain/parameters/parameter-set';
import {
  activeParameterSets,
  parameterDomains,
  type ParameterDomain,
} from '../../../shared/domain/parameters/registry';
import { formatDate, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { LabelledField, TextAreaField } from '../../components/FormField';
import { DateField } from '../../components/DateField';
import { QueryGate } from '../../components/QueryGate';
import { useCurrentSessionQuery } from '../session/session-api';
import { useDecideParameterSetMutation, useParameterSetsQuery, useProposeParameterSetMutation } from './parameters-api';
import { changedLeaves, fromLeaves, toLeaves, type SourcedLeaf } from './sourced-leaves';
import { TableRegion } from '../../components/TableRegion';
import { can } from '../../../shared/domain/permissions';

type Values = Record<string, unknown>;

/** The values of the set in force on `date` (or the oldest one, for a date before every set). */
function valuesInForce(domain: ParameterDomain, date: string): Values | undefined {
  const sets: readonly { id: string; validFrom: string }[] = activeParameterSets(domain);
  const set = sets.some((s) => s.validFrom <= date) ? selectParameterSet(sets, date) : sets[0];
  if (!set) return undefined;
  const { id: _id, validFrom: _from, ...values } = set as Values & { id: string; validFrom: string };
  return values;
}

/**
 * Parameter sets under four eyes: a functioneel beheerder enters a dated set (norms, verhogingen,
 * terms, thresholds, voorschot), a second beheerder approves or rejects it; approved, it reaches
 * every workplace with the next sync. Read and written live at the central API, every step audited.
 */
export function ParametersPage() {
  const session = useCurrentSessionQuery().data;
  const allowed = can(session?.user, 'manageParameters');
  const { data, error } = useParameterSetsQuery(undefined, { skip: !allowed });
  return (
    <section aria-labelledby="page-title" className="parameters-page">
      <h1 id="page-title">{t('parameters.title')}</h1>
      {!allowed ? (
        <p>{t('parameters.onlyBeheer')}</p>
      ) : (
        <>
          <p>{t('parameters.intro')}</p>
          <NormsFreshness />
          <QueryGate data={data} error={error}>
            {({ sets }) => (
              <>
                <PendingSets sets={sets.filter((s) => s.status === 'voorgesteld')} me={session?.user?.id ?? ''} />
                <ProposeForm />
                <SetHistory sets={sets} />
              </>
            )}
          </QueryGate>
        </>
      )}
    </section>
  );
}

/** Whether the BVV norms in force today are past their next scheduled update (1 January, 1 July). */
function NormsFreshness() {
  const today = todayInAmsterdam();
  const current = selectParameterSet(activeParameterSets('bvv'), today);
  const next = nextScheduledNormUpdate(current.validFrom);
  const outdated = today >= next;
  return (
    <div className={`alert ${outdated ? 'alert--warning' : 'alert--info'}`} role="status">
      {t(outdated ? 'parameters.normsOutdated' : 'parameters.normsCurrent', {
        from: formatDate(current.validFrom),
        next: formatDate(next),
      })}
    </div>
  );
}

function PendingSets({ sets, me }: { sets: readonly ParameterSetRecord[]; me: string }) {
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('parameters.pendingTitle')}</h2>
      {sets.length === 0 ? (
        <p className="empty-state">{t('parameters.nonePending')}</p>
      ) : (
        sets.map((set) => <PendingSet key={set.id} set={set} mine={set.proposedById === me} />)
      )}
    </section>
  );
}

function PendingSet({ set, mine }: { set: ParameterSetRecord; mine: boolean }) {
  const [note, setNote] = useState('');
  const [decide, result] = useDecideParameterSetMutation();
  const error = appError(result.error);
  const changes = changedLeaves(valuesInForce(set.domain, set.validFrom), set.values);
  const headingId = `set-${set.id}`;
  return (
    <article className="panel parameter-set" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('parameters.setHeading', { domain: t(`parameters.domains.${set.domain}`), from: formatDate(set.validFrom) })}
      </h3>
      <p>
        {t('parameters.proposedBy', { name: set.proposedBy, at: formatDateTime(set.proposedAt) })}
        <br />
        {set.reason}
      </p>
      <ChangesTable changes={changes} label={t('parameters.changesCaption')} />
      {mine ? (
        <p className="hint">{t('parameters.ownProposal')}</p>
      ) : (
        <>
          <TextAreaField
            label={t('parameters.decisionNote')}
            value={note}
            rows={2}
            error={error?.issues?.note}
            onChange={(e) => setNote(e.target.value)}
          />
          {error && !error.issues?.note ? (
            <p role="alert" className="field__error">
              {error.message}
            </p>
          ) : null}
          <div className="toolbar">
            <button
              type="button"
              className="button--primary"
              disabled={result.isLoading}
              onClick={() => void decide({ id: set.id, approve: true, note })}
            >
              {t('parameters.approve')}
            </button>
            <button
              type="button"
              disabled={result.isLoading}
              onClick={() => void decide({ id: set.id, approve: false, note })}
            >
              {t('parameters.reject')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

function ChangesTable({ changes, label }: { changes: ReturnType<typeof changedLeaves>; label: string }) {
  if (changes.length === 0) return <p className="hint">{t('parameters.noChanges')}</p>;
  const show = (leaf: SourcedLeaf | undefined) =>
    leaf ? `${leaf.value} (${t(`parameters.statuses.${leaf.status}`)})` : '—';
  return (
    <TableRegion label={label}>
      <table className="data-table">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parameters.columns.field')}</th>
            <th scope="col">{t('parameters.columns.before')}</th>
            <th scope="col">{t('parameters.columns.after')}</th>
            <th scope="col">{t('parameters.columns.source')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">{change.path}</th>
              <td>{show(change.before)}</td>
              <td>{show(change.after)}</td>
              <td>{change.after?.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function ProposeForm() {
  const [open, setOpen] = useState(false);
  const [domain, setDomain] = useState<ParameterDomain>('bvv');
  const [validFrom, setValidFrom] = useState(() => nextScheduledNormUpdate(todayInAmsterdam()));
  const [reason, setReason] = useState('');
  const base = useMemo(() => valuesInForce(domain, validFrom), [domain, validFrom]);
  const [leaves, setLeaves] = useState<SourcedLeaf[] | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [propose, result] = useProposeParameterSetMutation();
  const error = appError(result.error);
  const shown = leaves ?? (base ? toLeaves(base) : []);

  if (!open) {
    return (
      <p>
        <button type="button" className="button--primary" onClick={() => setOpen(true)}>
          {t('parameters.newSet')}
        </button>
      </p>
    );
  }
  const edit = (path: string, change: Partial<SourcedLeaf>) =>
    setLeaves(shown.map((leaf) => (leaf.path === path ? { ...leaf, ...change } : leaf)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = fromLeaves(shown);
    if (!read.ok) {
      setUnreadable(read.path);
      return;
    }
    setUnreadable(null);
    const answer = await propose({ domain, validFrom, reason, values: read.values } as Parameters<typeof propose>[0]);
    if ('data' in answer) {
      setOpen(false);
      setLeaves(null);
      setReason('');
    }
  };
  return (
    <form className="panel parameter-form" onSubmit={(e) => void submit(e)} aria-labelledby="propose-title">
      <h2 id="propose-title">{t('parameters.newSet')}</h2>
      <div className="toolbar">
        <LabelledField
          label={t('parameters.domain')}
          control={(link) => (
            <select
              {...link}
              value={domain}
              onChange={(e) => {
                setDomain(e.target.value as ParameterDomain);
                setLeaves(null);
              }}
            >
              {parameterDomains.map((d) => (
                <option key={d} value={d}>
                  {t(`parameters.domains.${d}`)}
                </option>
              ))}
            </select>
          )}
        />
        <DateField
          label={t('parameters.validFrom')}
          value={validFrom}
          error={error?.issues?.validFrom}
          onChange={(v) => {
            setValidFrom(v);
            setLeaves(null);
          }}
        />
      </div>
      <p className="hint">{t('parameters.prefilled')}</p>
      <TableRegion label={t('parameters.valuesCaption')}>
        <table className="data-table parameter-values">
          <caption>{t('parameters.valuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parameters.columns.field')}</th>
              <th scope="col">{t('parameters.columns.value')}</th>
              <th scope="col">{t('parameters.columns.source')}</th>
              <th scope="col">{t('parameters.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((leaf) => (
              <tr key={leaf.path}>
                <th scope="row">{leaf.path}</th>
                <td>
                  <input
                    aria-label={t('parameters.valueOf', { field: leaf.path })}
                    aria-invalid={unreadable === leaf.path || undefined}
                    value={leaf.value}
                    inputMode={leaf.kind === 'number' ? 'decimal' : 'text'}
                    onChange={(e) => edit(leaf.path, { value: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('parameters.sourceOf', { field: leaf.path })}
                    value={leaf.source}
                    onChange={(e) => edit(leaf.path, { source: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('parameters.statusOf', { field: leaf.path })}
                    value={leaf.status}
                    onChange={(e) => edit(leaf.path, { status: e.target.value as SourcedLeaf['status'] })}
                  >
                    {(['confirmed', 'inferred', 'open'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`parameters.statuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <TextAreaField
        label={t('parameters.reason')}
        value={reason}
        rows={2}
        error={error?.issues?.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {unreadable ? (
        <p role="alert" className="field__error">
          {t('parameters.unreadable', { field: unreadable })}
        </p>
      ) : null}
      {error && !error.issues?.reason && !error.issues?.validFrom ? (
        <p role="alert" className="field__error">
          {error.message}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="submit" className="button--primary" disabled={result.isLoading}>
          {t('parameters.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('parameters.cancel')}
        </button>
      </div>
    </form>
  );
}

function SetHistory({ sets }: { sets: readonly ParameterSetRecord[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('parameters.historyTitle')}</h2>
      <p className="hint">{t('parameters.codedHint')}</p>
      <TableRegion label={t('parameters.historyTitle')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('parameters.columns.domain')}</th>
              <th scope="col">{t('parameters.columns.validFrom')}</th>
              <th scope="col">{t('parameters.columns.state')}</th>
              <th scope="col">{t('parameters.columns.proposed')}</th>
              <th scope="col">{t('parameters.columns.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.id}>
                <td>{t(`parameters.domains.${set.domain}`)}</td>
                <td>{formatDate(set.validFrom)}</td>
                <td>{t(`parameters.states.${set.status}`)}</td>
                <td>
                  {set.proposedBy}
                  <span className="table-subline">{set.reason}</span>
                </td>
                <td>
                  {set.decidedBy && set.decidedAt ? `${set.decidedBy}, ${formatDateTime(set.decidedAt)}` : '—'}
                  {set.decisionNote ? <span className="table-subline">{set.decisionNote}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
