import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  adviseEscalation,
  stepsTakenFrom,
  verhogingen,
  type EscalationStep,
  voertuigTimeline,
} from '../../../shared/domain/escalatie';
import {
  claimForEscalation,
  situationFromDecisions,
  type EscalationFacts,
} from '../../../shared/domain/escalatie-situatie';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { downloadPdf } from '../../components/download-file';
import { signedEventAmount } from '../../components/event-amount';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { ClaimDetails } from '../../components/ClaimDetails';
import { SavedMessage } from '../../components/SavedMessage';
import { CheckboxField, TextAreaField } from '../../components/FormField';
import { QueryGate } from '../../components/QueryGate';
import { Trace } from '../betalingsonmacht/ArrangementSummary';
import {
  useAanmaningLetterMutation,
  useDecideEscalationMutation,
  useEscalationCaseQuery,
  useWaiveVerhogingMutation,
} from './escalaties-api';
import { amsterdamDate, todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';

export function EscalationCasePage() {
  const { claimId = '' } = useParams();
  const { data, error } = useEscalationCaseQuery(claimId);
  return (
    <QueryGate data={data} error={error}>
      {(view) => <EscalationCase key={claimId} view={view} />}
    </QueryGate>
  );
}

type View = ResponseOf<'escalaties.claim'>;

/** Ask the team lead to waive an aanmaning's verhoging, with a reason. */
function WaiveForm({ claimId, eventId }: { claimId: string; eventId: string }) {
  const [motivation, setMotivation] = useState('');
  const [waive, { error, isLoading, isSuccess }] = useWaiveVerhogingMutation();
  const failure = appError(error);
  if (isSuccess)
    return (
      <p role="status" className="note-form__saved">
        {t('escalaties.waiveSent')}
      </p>
    );
  return (
    <details className="waive">
      <summary>{t('escalaties.waive')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void waive({ claimId, eventId, motivation });
        }}
        noValidate
        aria-label={`${t('escalaties.waive')} ${eventId.slice(0, 8)}`}
      >
        <TextAreaField
          label={t('escalaties.waiveMotivation')}
          rows={2}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
          error={failure ? (failure.issues?.motivation ?? failure.message) : undefined}
        />
        <button type="submit" disabled={isLoading}>
          {t('escalaties.waiveSubmit')}
        </button>
      </form>
    </details>
  );
}
type TimelineItem =
  | { type: 'event'; at: string; event: View['events'][number] }
  | { type: 'decision'; at: string; decision: View['decisions'][number] };

/** The aanmaning as the person received it, rebuilt from its template. */
function AanmaningLetterButton({ eventId, kind }: { eventId: string; kind: 'eerste_aanmaning' | 'tweede_aanmaning' }) {
  const [letter, { isLoading }] = useAanmaningLetterMutation();
  return (
    <button
      type="button"
      className="button--small"
      disabled={isLoading}
      aria-label={t('letters.aanmaningLabel', { kind: t(`escalaties.eventKinds.${kind}`).toLowerCase() })}
      onClick={() =>
        void letter(eventId).then((result) => {
          if ('data' in result && result.data) downloadPdf(result.data.fileName, result.data.pdfBase64);
        })
      }
    >
      {t('letters.aanmaning')}
    </button>
  );
}

/** The claim's history and the decisions about it, oldest first. */
function timeline(view: View): TimelineItem[] {
  const items: TimelineItem[] = [
    ...view.events.map((event) => ({ type: 'event' as const, at: event.occurredOn, event })),
    ...view.decisions.map((decision) => ({
      type: 'decision' as const,
      at: amsterdamDate(decision.decidedAt),
      decision,
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

function EscalationCase({ view }: { view: ResponseOf<'escalaties.claim'> }) {
  const [facts, setFacts] = useState<EscalationFacts>({
    hasDrivingLicence: false,
    vehicle: 'geen',
    verhaalFailed: false,
  });
  const [chosen, setChosen] = useState<EscalationStep | null>(null);
  const [motivation, setMotivation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [decide, decision] = useDecideEscalationMutation();
  const today = todayInAmsterdam();
  const { claim } = view;

  // The same rules the server applies, live on what the worker has checked.
  const advice = useMemo(
    () =>
      adviseEscalation(
        claimForEscalation(claim, facts, stepsTakenFrom(view.decisions)),
        situationFromDecisions(view.personDecisions, view.personStatus, today),
        today,
      ),
    [claim, facts, view.decisions, view.personDecisions, view.personStatus, today],
  );
  const increases = useMemo(
    () =>
      verhogingen(
        claim.kind,
        claim.originalCents,
        today,
        undefined,
        claim.phase === 'eerste_aanmaning' ? claim.outstandingCents : undefined,
      ),
    [claim.kind, claim.originalCents, claim.phase, claim.outstandingCents, today],
  );
  const step = chosen && advice.allowed.some((a) => a.step === chosen) ? chosen : advice.recommended;
  const motivationError = submitted && motivation.trim().length < 10 ? t('escalaties.motivationTooShort') : undefined;
  const serverError = appError(decision.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!step || motivation.trim().length < 10) return;
    await decide({ claimId: claim.id, step, facts, motivation: motivation.trim() });
  };

  return (
    <section aria-labelledby="page-title">
      <Link to="/escalaties">{t('escalaties.back')}</Link>
      <h1 id="page-title">{t('escalaties.caseTitle', { name: claim.personName })}</h1>
      <ClaimDetails claim={claim}>
        <dt>{t('escalaties.afterFirst')}</dt>
        <dd>{formatCents(increases.totalAfterFirstCents)}</dd>
        <dt>{t('escalaties.afterSecond')}</dt>
        <dd>{formatCents(increases.totalAfterSecondCents)}</dd>
      </ClaimDetails>

      <div className="assessment__columns">
        <div>
          <h2>{t('escalaties.history')}</h2>
          <ol className="timeline" aria-label={t('escalaties.history')}>
            {timeline(view).map((item) =>
              item.type === 'event' ? (
                <li key={item.event.id} className="timeline__event">
                  <span className="timeline__date">{formatDate(item.event.occurredOn)}</span>{' '}
                  <strong>{t(`escalaties.eventKinds.${item.event.kind}`)}</strong>
                  {item.event.amountCents ? (
                    <span className="timeline__amount"> {signedEventAmount(item.event)}</span>
                  ) : null}
                  {item.event.kind === 'stap' || item.event.kind === 'verhoging_kwijtgescholden' ? (
                    <span> — {item.event.description}</span>
                  ) : null}
                  {item.event.kind === 'eerste_aanmaning' || item.event.kind === 'tweede_aanmaning' ? (
                    <AanmaningLetterButton eventId={item.event.id} kind={item.event.kind} />
                  ) : null}
                  {item.event.kind.endsWith('aanmaning') && item.event.amountCents > 0 ? (
                    <WaiveForm claimId={view.claim.id} eventId={item.event.id} />
                  ) : null}
                </li>
              ) : (
                <li key={item.decision.id} className="arrangement">
                  <p className="arrangement__head">
                    <strong>{t(`escalaties.steps.${item.decision.step}`)}</strong>{' '}
                    <span className={`tag tag--status-${item.decision.status}`}>
                      {t(`escalaties.status.${item.decision.status}`)}
                    </span>
                    {item.decision.pending ? (
                      <span className="tag tag--pending">{t('betalingsonmacht.notSent')}</span>
                    ) : null}
                  </p>
                  <p className="note__meta">
                    {t('betalingsonmacht.decidedBy', {
                      name: item.decision.decidedBy,
                      date: formatDateTime(item.decision.decidedAt),
                    })}
                    {item.decision.approvedBy
                      ? ` · ${t('betalingsonmacht.approvedBy', { name: item.decision.approvedBy })}`
                      : ''}
                  </p>
                  <p>{item.decision.motivation}</p>
                  {item.decision.step === 'buitengebruikstelling_voertuig' && item.decision.status === 'vastgelegd' ? (
                    <p className="hint" data-testid="voertuig-status">
                      {voertuigTimeline(amsterdamDate(item.decision.decidedAt), today).text}
                    </p>
                  ) : null}
                </li>
              ),
            )}
          </ol>
        </div>

        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('escalaties.decision')}>
          <fieldset>
            <legend>{t('escalaties.facts')}</legend>
            <CheckboxField
              label={t('escalaties.licence')}
              checked={facts.hasDrivingLicence}
              onChange={(hasDrivingLicence) => setFacts({ ...facts, hasDrivingLicence })}
            />
            <CheckboxField
              label={t('escalaties.verhaalFailed')}
              checked={facts.verhaalFailed}
              onChange={(verhaalFailed) => setFacts({ ...facts, verhaalFailed })}
            />
            <div className="radios" role="radiogroup" aria-label={t('escalaties.vehicle')}>
              {(['geen', 'eigen', 'van_derde'] as const).map((v) => (
                <label key={v} className="check">
                  <input
                    type="radio"
                    name="vehicle"
                    checked={facts.vehicle === v}
                    onChange={() => setFacts({ ...facts, vehicle: v })}
                  />
                  {t(`escalaties.vehicles.${v}`)}
                </label>
              ))}
            </div>
          </fieldset>

          <section className="breakdown" aria-labelledby="advice-title" aria-live="polite">
            <h2 id="advice-title">{t('escalaties.advice')}</h2>
            <p data-testid="recommended">
              {advice.recommended
                ? t('escalaties.recommended', { step: t(`escalaties.steps.${advice.recommended}`) })
                : t('escalaties.noRecommendation')}
            </p>
            {advice.blocked.length ? (
              <>
                <h3>{t('escalaties.blocked')}</h3>
                <ul className="blocked">
                  {advice.blocked.map((b) => (
                    <li key={b.step}>
                      <strong>{t(`escalaties.steps.${b.step}`)}</strong>: {b.reasons.join(' ')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <details>
              <summary>{t('betalingsonmacht.trace')}</summary>
              <Trace steps={advice.trace} />
            </details>
          </section>

          {advice.allowed.length ? (
            <fieldset>
              <legend>{t('escalaties.allowed')}</legend>
              <div className="radios" role="radiogroup" aria-label={t('escalaties.step')}>
                {advice.allowed.map((a) => (
                  <label key={a.step} className="check">
                    <input type="radio" name="step" checked={step === a.step} onChange={() => setChosen(a.step)} />
                    {t(`escalaties.steps.${a.step}`)}
                    {a.duration
                      ? ` (${'days' in a.duration ? t('escalaties.days', { days: a.duration.days }) : t('escalaties.weeks', { weeks: a.duration.weeks })})`
                      : ''}
                    {a.requiresApproval ? ` — ${t('escalaties.approval')}` : ''}
                  </label>
                ))}
              </div>
              <TextAreaField
                label={t('escalaties.motivation')}
                rows={3}
                value={motivation}
                onChange={(e) => setMotivation(e.target.value)}
                error={motivationError}
              />
              {serverError ? (
                <p className="alert alert--error" role="alert">
                  {serverError.message}
                </p>
              ) : null}
              <button type="submit" className="button--primary" disabled={decision.isLoading}>
                {t('escalaties.submit')}
              </button>
              {decision.isSuccess ? <SavedMessage>{t('escalaties.saved')}</SavedMessage> : null}
            </fieldset>
          ) : null}
        </form>
      </div>
    </section>
  );
}
