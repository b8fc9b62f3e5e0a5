import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { formatCents, formatDateTime } from '../../../shared/format';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { ArrangementSummary, Trace } from '../betalingsonmacht/ArrangementSummary';
import { useArrangementsQuery, useDecideApprovalMutation } from '../betalingsonmacht/betalingsonmacht-api';
import { useDecideEscalationApprovalMutation, useEscalationDecisionsQuery } from '../escalaties/escalaties-api';
import { useCurrentSessionQuery } from '../session/session-api';
import { useDecideVoorschotMutation, useVoorschotApprovalsQuery } from '../slachtofferinformatie/slachtoffers-api';
import { can } from '../../../shared/domain/permissions';

type Arrangement = ResponseOf<'arrangements.list'>['arrangements'][number];
type EscalationDecision = ResponseOf<'escalaties.list'>['decisions'][number];
type VoorschotApproval = ResponseOf<'voorschot.approvals'>['payments'][number];

/** Told when a card's decision went through: the page says so and moves focus to the next card. */
const DecisionDone = createContext<(approved: boolean, label: string, next: HTMLElement | null) => void>(
  () => undefined,
);

function EscalationApprovalItem({ decision }: { decision: EscalationDecision }) {
  const [decideApproval, { error, isLoading }] = useDecideEscalationApprovalMutation();
  return (
    <ApprovalCard
      label={`${decision.personName}: ${t(`escalaties.steps.${decision.step}`)}`}
      heading={
        <>
          <Link to={`/escalaties/${decision.claimId}`}>{decision.personName}</Link> ·{' '}
          {t(`escalaties.steps.${decision.step}`)} · <span className="mono">{decision.claimReference}</span>
        </>
      }
      body={
        <>
          <p className="note__meta">
            {t('betalingsonmacht.decidedBy', { name: decision.decidedBy, date: formatDateTime(decision.decidedAt) })}
          </p>
          <p>{decision.motivation}</p>
        </>
      }
      trace={decision.trace}
      error={appError(error)}
      busy={isLoading}
      onDecide={async (approve, note) => 'data' in (await decideApproval({ decisionId: decision.id, approve, note }))}
    />
  );
}

function VoorschotApprovalItem({ payment }: { payment: VoorschotApproval }) {
  const [decide, { error, isLoading }] = useDecideVoorschotMutation();
  return (
    <ApprovalCard
      label={t('compensation.approvalLabel', { name: payment.victimName })}
      heading={
        <>
          {payment.victimName} · {formatCents(payment.amountCents)} ·{' '}
          <span className="mono">{payment.claimReference}</span>
        </>
      }
      body={
        <p className="note__meta">
          {t('compensation.proposedBy', { name: payment.proposedBy, date: formatDateTime(payment.proposedAt) })}
        </p>
      }
      trace={payment.trace}
      error={appError(error)}
      busy={isLoading}
      onDecide={async (approve, note) => 'data' in (await decide({ paymentId: payment.id, approve, note }))}
    />
  );
}

/** The team lead's four-eyes queue: decisions of others waiting for approval. */
export function TeamoverzichtPage() {
  const { data: session } = useCurrentSessionQuery();
  const [message, setMessage] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const onDone = useCallback((approved: boolean, label: string, next: HTMLElement | null) => {
    setMessage(t(approved ? 'teamoverzicht.approved' : 'teamoverzicht.rejected', { label }));
    (next ?? title.current)?.focus();
  }, []);
  const isTeamleider = can(session?.user, 'approveDecisions');
  const { data } = useArrangementsQuery({ status: 'ter_goedkeuring' }, { skip: !isTeamleider });
  const { data: escalations } = useEscalationDecisionsQuery({ status: 'ter_goedkeuring' }, { skip: !isTeamleider });
  const { data: voorschotten } = useVoorschotApprovalsQuery(undefined, { skip: !isTeamleider });
  const nothingWaiting =
    data?.arrangements.length === 0 && escalations?.decisions.length === 0 && voorschotten?.payments.length === 0;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" ref={title} tabIndex={-1}>
        {t('teamoverzicht.title')}
      </h1>
      <div role="status">{message ? <p className="alert alert--info">{message}</p> : null}</div>
      {!isTeamleider ? (
        <p>{t('teamoverzicht.onlyTeamleider')}</p>
      ) : (
        <>
          <DecisionDone.Provider value={onDone}>
            <h2>{t('teamoverzicht.approvals')}</h2>
            <p>{t('teamoverzicht.approvalsIntro')}</p>
            {nothingWaiting ? <p className="empty-state">{t('teamoverzicht.noApprovals')}</p> : null}
            {escalations?.decisions.length ? <h3>{t('teamoverzicht.escalationApprovals')}</h3> : null}
            {escalations?.decisions.map((d) => (
              <EscalationApprovalItem key={d.id} decision={d} />
            ))}
            {data?.arrangements.length ? <h3>{t('teamoverzicht.arrangementApprovals')}</h3> : null}
            {data?.arrangements.map((a) => (
              <ApprovalItem key={a.id} arrangement={a} />
            ))}
            {voorschotten?.payments.length ? <h3>{t('compensation.approvalsTitle')}</h3> : null}
            {voorschotten?.payments.map((p) => (
              <VoorschotApprovalItem key={p.id} payment={p} />
            ))}
          </DecisionDone.Provider>
        </>
      )}
    </section>
  );
}

function ApprovalItem({ arrangement }: { arrangement: Arrangement }) {
  const [decideApproval, { error, isLoading }] = useDecideApprovalMutation();
  return (
    <ApprovalCard
      label={`${arrangement.personName}: ${t(`betalingsonmacht.decisionKind.${arrangement.kind}`)}`}
      heading={
        <>
          <Link to={`/betalingsonmacht/${arrangement.personId}`}>{arrangement.personName}</Link> ·{' '}
          {formatCents(arrangement.totalCents)}
        </>
      }
      body={<ArrangementSummary arrangement={arrangement} pending={arrangement.pending} scheduleFolded />}
      trace={arrangement.assessment.trace}
      error={appError(error)}
      busy={isLoading}
      onDecide={async (approve, note) =>
        'data' in (await decideApproval({ arrangementId: arrangement.id, approve, note }))
      }
    />
  );
}

/** One decision waiting for a second person: what was decided, why, and approve or reject. */
function ApprovalCard(props: {
  label: string;
  heading: ReactNode;
  body: ReactNode;
  trace: readonly { rule: string; text: string; unconfirmed?: boolean | undefined }[];
  error: AppErrorShape | null;
  busy: boolean;
  /** Resolves true once the backend took the decision. */
  onDecide: (approve: boolean, note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const done = useContext(DecisionDone);
  const noteId = useId();
  const confirmId = useId();
  const card = useRef<HTMLElement>(null);

  const decide = async (approve: boolean) => {
    if (props.busy) return;
    // Where the keyboard goes next, worked out before this card leaves the list.
    const cards = [...document.querySelectorAll<HTMLElement>('article.review')];
    const index = card.current ? cards.indexOf(card.current) : -1;
    const next = cards[index + 1] ?? cards[index - 1] ?? null;
    setConfirming(false);
    if (await props.onDecide(approve, note)) done(approve, props.label, next);
    else card.current?.focus();
  };
  const cancel = () => {
    setConfirming(false);
    card.current?.focus();
  };

  return (
    <article
      ref={card}
      className="review"
      aria-label={props.label}
      tabIndex={0}
      onKeyDown={(event) => {
        // Keyboard first: g asks to approve the decision in focus (Enter confirms), j/k move on.
        if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
        const cards = [...document.querySelectorAll<HTMLElement>('article.review')];
        const index = cards.indexOf(event.currentTarget);
        if (event.key === 'g' && !props.busy) setConfirming(true);
        else if (event.key === 'j') cards[index + 1]?.focus();
        else if (event.key === 'k') cards[index - 1]?.focus();
        else return;
        event.preventDefault();
      }}
    >
      <h3>{props.heading}</h3>
      {props.body}
      <details>
        <summary>{t('teamoverzicht.trace')}</summary>
        <Trace steps={props.trace} />
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
          aria-invalid={props.error?.issues?.note ? true : undefined}
        />
        {props.error ? (
          <p className="field__error" role="alert">
            {props.error.issues?.note ?? props.error.message}
          </p>
        ) : null}
      </div>
      {confirming ? (
        <div
          className="review__confirm"
          role="group"
          aria-labelledby={confirmId}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            cancel();
          }}
        >
          <p id={confirmId}>
            <strong>{t('teamoverzicht.confirmQuestion', { label: props.label })}</strong>
          </p>
          <div className="review__actions">
            <button
              type="button"
              className="button--primary"
              autoFocus
              disabled={props.busy}
              onClick={() => void decide(true)}
            >
              {t('teamoverzicht.confirmApprove')}
            </button>
            <button type="button" onClick={cancel}>
              {t('teamoverzicht.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="review__actions">
          <button
            type="button"
            className="button--primary"
            disabled={props.busy}
            aria-keyshortcuts="g"
            onClick={() => setConfirming(true)}
          >
            {t('teamoverzicht.approve')} <kbd aria-hidden="true">g</kbd>
          </button>
          <button type="button" disabled={props.busy} onClick={() => void decide(false)}>
            {t('teamoverzicht.reject')}
          </button>
        </div>
      )}
    </article>
  );
}
