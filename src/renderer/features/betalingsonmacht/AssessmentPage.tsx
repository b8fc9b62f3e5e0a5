import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  arrangementAlreadyOpen,
  assess,
  decisionKinds,
  evaluateDecision,
} from '../../../shared/domain/betalingsonmacht-besluit';
import { formatCents, formatDate } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { t, type MessageKey } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { CheckboxField, FormField, LabelledField, TextAreaField } from '../../components/FormField';
import { QueryGate } from '../../components/QueryGate';
import { DateField } from '../../components/DateField';
import { SavedMessage } from '../../components/SavedMessage';
import { jointScope, type CreditorShare } from '../../../shared/domain/betalingsregeling-rijk';
import { ArrangementSummary, Schedule, Trace } from './ArrangementSummary';
import {
  emptyForm,
  formFromDeclaration,
  toBvvInput,
  toChoice,
  type AssessmentForm,
  type FieldErrors,
} from './assessment-form';
import { useDecideMutation, usePersonOverviewQuery, useSaveDraftMutation } from './betalingsonmacht-api';
import { LoketRequestPanel } from './LoketRequestPanel';
import { todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';

const draftDelayMs = 600;

export function AssessmentPage() {
  const { personId = '' } = useParams();
  const { data, error } = usePersonOverviewQuery(personId);
  // Keyed by person: a new person starts from their own draft, not the previous form.
  return (
    <QueryGate data={data} error={error}>
      {(overview) => <Assessment key={personId} overview={overview} />}
    </QueryGate>
  );
}

type Overview = ResponseOf<'betalingsonmacht.person'>;

function Assessment({ overview }: { overview: Overview }) {
  const today = todayInAmsterdam();
  const [form, setForm] = useState<AssessmentForm>(() =>
    overview.draft === null && overview.loketRequest
      ? formFromDeclaration(overview.loketRequest.declared, today)
      : restoreDraft(overview.draft, today),
  );
  const [touched, setTouched] = useState(false);
  const [saveDraft, draftState] = useSaveDraftMutation();
  const [decide, decision] = useDecideMutation();
  const timer = useRef<number | undefined>(undefined);
  const personId = overview.person.id;

  // An interrupted assessment is kept as a draft in the local database.
  useEffect(() => {
    if (!touched) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveDraft({ personId, draft: JSON.stringify(form) }), draftDelayMs);
    return () => window.clearTimeout(timer.current);
  }, [form, touched, personId, saveDraft]);

  const update = <K extends keyof AssessmentForm>(key: K, value: AssessmentForm[K]) => {
    setTouched(true);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const bvv = useMemo(() => toBvvInput(form), [form]);
  const assessment = useMemo(() => (bvv.input ? assess(bvv.input, overview.facts) : null), [bvv.input, overview.facts]);
  const choice = useMemo(() => toChoice(form), [form]);
  const outcome = useMemo(
    () => (bvv.input && choice.choice ? evaluateDecision(bvv.input, overview.facts, choice.choice) : null),
    [bvv.input, choice.choice, overview.facts],
  );
  const [submitted, setSubmitted] = useState(false);
  const errors: FieldErrors = { ...bvv.errors, ...(submitted ? choice.errors : {}) };
  const serverError = appError(decision.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!bvv.input || !choice.choice || !outcome?.allowed) return;
    await decide({ personId, bvvInput: bvv.input, choice: choice.choice, documents: form.documents });
  };

  const arrangedTotal = overview.facts.claims
    .filter((c) => !c.outsideArrangement)
    .reduce((s, c) => s + c.outstandingCents, 0);
  const outside = new Set(overview.facts.claims.filter((c) => c.outsideArrangement).map((c) => c.id));
  const shares = creditorShares(overview, todayInAmsterdam());
  const running = arrangementAlreadyOpen(overview.arrangements.map((a) => a.status)) !== null;

  return (
    <section aria-labelledby="page-title" className="assessment">
      <Link to="/werkvoorraad">{t('claim.back')}</Link>
      <h1 id="page-title">{t('betalingsonmacht.assessmentOf', { name: overview.person.displayName })}</h1>

      <div className="assessment__columns">
        <div>
          <h2>{t('betalingsonmacht.person')}</h2>
          <dl className="details">
            <dt>{t('claim.bsn')}</dt>
            <dd className="mono">{overview.person.bsn}</dd>
            <dt>{t('betalingsonmacht.birthDate')}</dt>
            <dd>{formatDate(overview.person.birthDate)}</dd>
            <dt>{t('claim.city')}</dt>
            <dd>{overview.person.city}</dd>
          </dl>
          {overview.loketRequest ? (
            <LoketRequestPanel request={overview.loketRequest} prefilled={overview.draft === null} />
          ) : null}
          <h2>{t('betalingsonmacht.claims')}</h2>
          <div className="table-scroll" role="region" aria-label={t('betalingsonmacht.claims')} tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('claim.reference')}</th>
                  <th scope="col">{t('betalingsonmacht.kindAndPhase')}</th>
                  <th scope="col" className="numeric">
                    {t('claim.outstanding')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.claims.map((c) => (
                  <tr key={c.id}>
                    <td className="mono">{c.reference}</td>
                    <td>
                      {t(`claimKind.${c.kind}`)}
                      <span className="table-subline">
                        {t(`claimPhase.${c.phase}`)}
                        {outside.has(c.id) ? ` · ${t('betalingsonmacht.outsideArrangement')}` : ''}
                      </span>
                    </td>
                    <td className="numeric">{formatCents(c.outstandingCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('betalingsonmacht.arrangedTotal')}
                  </th>
                  <td className="numeric">{formatCents(arrangedTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {overview.arrangements.length ? (
            <>
              <h2>{t('betalingsonmacht.earlier')}</h2>
              {overview.arrangements.map((a) => (
                <ArrangementSummary key={a.id} arrangement={a} pending={a.pending} />
              ))}
            </>
          ) : null}
        </div>

        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('betalingsonmacht.household')}>
          <fieldset>
            <legend>{t('betalingsonmacht.household')}</legend>
            <DateField
              label={t('betalingsonmacht.peildatum')}
              error={errors.peildatum}
              value={form.peildatum}
              onChange={(v) => update('peildatum', v)}
            />
            <Select
              label={t('betalingsonmacht.livingSituation')}
              value={form.livingSituation}
              options={['alleenstaand', 'alleenstaande_ouder', 'paar', 'paar_met_kind'] as const}
              prefix="betalingsonmacht.living"
              onChange={(v) => update('livingSituation', v)}
            />
            <Select
              label={t('betalingsonmacht.ageGroup')}
              value={form.ageGroup}
              options={['18_20', '21_tot_pgl', 'pgl'] as const}
              prefix="betalingsonmacht.age"
              onChange={(v) => update('ageGroup', v)}
            />
            <Select
              label={t('betalingsonmacht.incomeGroup')}
              value={form.incomeGroup}
              options={['volledige_toeslagen', 'gedeeltelijke_toeslagen', 'geen_toeslagen'] as const}
              prefix="betalingsonmacht.income"
              onChange={(v) => update('incomeGroup', v)}
            />
            <Money
              label={t('betalingsonmacht.netIncome')}
              value={form.netIncome}
              error={errors.netIncome}
              onChange={(v) => update('netIncome', v)}
            />
            <Money
              label={t('betalingsonmacht.otherIncome')}
              value={form.otherIncome}
              error={errors.otherIncome}
              onChange={(v) => update('otherIncome', v)}
            />
            <Select
              label={t('betalingsonmacht.holidayPaid')}
              value={form.holidayPaid}
              options={['geen', 'maandelijks', 'jaarlijks'] as const}
              prefix="betalingsonmacht.holiday"
              onChange={(v) => update('holidayPaid', v)}
            />
            {form.holidayPaid !== 'geen' ? (
              <Money
                label={t('betalingsonmacht.holidayAmount')}
                value={form.holidayAmount}
                error={errors.holidayAmount}
                onChange={(v) => update('holidayAmount', v)}
              />
            ) : null}
            <CheckboxField
              label={t('betalingsonmacht.resident')}
              checked={form.residentOfNetherlands}
              onChange={(v) => update('residentOfNetherlands', v)}
            />
            <CheckboxField
              label={t('betalingsonmacht.withheld')}
              checked={form.informationWithheld}
              onChange={(v) => update('informationWithheld', v)}
            />
          </fieldset>

          <fieldset>
            <legend>{t('betalingsonmacht.documents')}</legend>
            {(Object.keys(form.documents) as (keyof AssessmentForm['documents'])[]).map((key) => (
              <CheckboxField
                key={key}
                label={`${t(`betalingsonmacht.document.${key}`)} — ${form.documents[key] ? t('betalingsonmacht.received') : t('betalingsonmacht.missing')}`}
                checked={form.documents[key]}
                onChange={(v) => update('documents', { ...form.documents, [key]: v })}
              />
            ))}
          </fieldset>

          <fieldset>
            <legend>{t('betalingsonmacht.corrections')}</legend>
            <p className="hint">{t('betalingsonmacht.correctionsIntro')}</p>
            {form.corrections.map((c, i) => (
              <div key={i} className="correction">
                <Select
                  label={t('betalingsonmacht.topic')}
                  value={c.topic}
                  options={
                    [
                      'compensatie_gedeeltelijke_toeslagen',
                      'kostendelers',
                      'woonkosten',
                      'zorgpremie_zorgtoeslag',
                      'kindgebonden_budget',
                      'partnerinkomen',
                      'verblijf_in_instelling',
                      'overig',
                    ] as const
                  }
                  prefix="betalingsonmacht.topics"
                  onChange={(v) =>
                    update(
                      'corrections',
                      form.corrections.map((x, j) => (j === i ? { ...x, topic: v } : x)),
                    )
                  }
                />
                <Money
                  label={t('betalingsonmacht.amount')}
                  value={c.amount}
                  error={errors[`corrections.${i}.amount`]}
                  onChange={(v) =>
                    update(
                      'corrections',
                      form.corrections.map((x, j) => (j === i ? { ...x, amount: v } : x)),
                    )
                  }
                />
                <Text
                  label={t('betalingsonmacht.reason')}
                  value={c.reason}
                  error={errors[`corrections.${i}.reason`]}
                  onChange={(v) =>
                    update(
                      'corrections',
                      form.corrections.map((x, j) => (j === i ? { ...x, reason: v } : x)),
                    )
                  }
                />
                <button
                  type="button"
                  onClick={() =>
                    update(
                      'corrections',
                      form.corrections.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('betalingsonmacht.removeCorrection')}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => update('corrections', [...form.corrections, { topic: 'overig', amount: '0', reason: '' }])}
            >
              {t('betalingsonmacht.addCorrection')}
            </button>
            <CheckboxField
              label={t('betalingsonmacht.override')}
              checked={form.overrideEnabled}
              onChange={(v) => update('overrideEnabled', v)}
            />
            {form.overrideEnabled ? (
              <>
                <Money
                  label={t('betalingsonmacht.overrideAmount')}
                  value={form.overrideAmount}
                  error={errors.overrideAmount}
                  onChange={(v) => update('overrideAmount', v)}
                />
                <Text
                  label={t('betalingsonmacht.overrideReason')}
                  value={form.overrideReason}
                  error={errors.overrideReason}
                  onChange={(v) => update('overrideReason', v)}
                />
              </>
            ) : null}
          </fieldset>

          <section className="breakdown" aria-labelledby="breakdown-title" aria-live="polite">
            <h2 id="breakdown-title">{t('betalingsonmacht.breakdown')}</h2>
            {assessment ? (
              <>
                {assessment.trace.some((step) => step.rule === 'bvv.normen-verouderd') ? (
                  <p className="alert alert--warning" data-testid="norms-outdated">
                    {t('betalingsonmacht.normsOutdated')}
                  </p>
                ) : null}
                <dl className="details details--large">
                  <dt>{t('betalingsonmacht.monthlyIncome')}</dt>
                  <dd>{formatCents(assessment.bvv.monthlyIncomeCents)}</dd>
                  <dt>{t('betalingsonmacht.bvv')}</dt>
                  <dd data-testid="bvv">
                    {assessment.bvv.bvvCents === null
                      ? t('betalingsonmacht.noBvv')
                      : formatCents(assessment.bvv.bvvCents)}
                  </dd>
                  <dt>{t('betalingsonmacht.capacity')}</dt>
                  <dd data-testid="capacity">{formatCents(assessment.bvv.afloscapaciteitCents)}</dd>
                </dl>
                <h3>{t('betalingsonmacht.proposal')}</h3>
                <p data-testid="proposal">
                  {assessment.proposal.kind === 'niet_aflosbaar' || assessment.proposal.kind === 'niets_open'
                    ? t(`betalingsonmacht.proposalKind.${assessment.proposal.kind}`)
                    : t(`betalingsonmacht.proposalKind.${assessment.proposal.kind}`, {
                        months: assessment.proposal.months,
                        amount: formatCents(assessment.proposal.instalmentCents),
                      })}
                </p>
                {!assessment.standard.eligible ? (
                  <p>{t('betalingsonmacht.standardRefused', { reasons: assessment.standard.refusals.join(' ') })}</p>
                ) : null}
                <details>
                  <summary>{t('betalingsonmacht.trace')}</summary>
                  <Trace steps={assessment.trace} />
                </details>
              </>
            ) : (
              <p>{t('betalingsonmacht.fixErrors')}</p>
            )}
          </section>

          <fieldset>
            <legend>{t('betalingsonmacht.decision')}</legend>
            <div role="radiogroup" aria-label={t('betalingsonmacht.decision')} className="radios">
              {decisionKinds.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="radio"
                    name="decisionKind"
                    value={kind}
                    checked={form.decisionKind === kind}
                    onChange={() => update('decisionKind', kind)}
                  />
                  {t(`betalingsonmacht.decisionKind.${kind}`)}
                </label>
              ))}
            </div>
            {form.decisionKind === 'standaard' ? (
              <Text
                label={t('betalingsonmacht.months')}
                value={form.months}
                error={errors.months}
                inputMode="numeric"
                onChange={(v) => update('months', v)}
              />
            ) : null}
            {form.decisionKind === 'persoonlijk' ? (
              <Money
                label={t('betalingsonmacht.instalment')}
                value={form.instalment}
                error={errors.instalment}
                onChange={(v) => update('instalment', v)}
              />
            ) : null}
            {form.decisionKind === 'noodstop' ? (
              <CheckboxField
                label={t('betalingsonmacht.withDebtHelp')}
                checked={form.withDebtHelp}
                onChange={(v) => update('withDebtHelp', v)}
              />
            ) : null}
            <DateField
              label={t('betalingsonmacht.firstDueDate')}
              error={errors.firstDueDate}
              value={form.firstDueDate}
              onChange={(v) => update('firstDueDate', v)}
            />
            <TextAreaField
              label={t('betalingsonmacht.motivation')}
              error={errors.motivation}
              rows={3}
              value={form.motivation}
              onChange={(e) => update('motivation', e.target.value)}
            />
            {outcome && !outcome.allowed ? (
              <p className="field__error" role="alert">
                {t('betalingsonmacht.notAllowed', { reason: outcome.reason })}
              </p>
            ) : null}
            {outcome?.allowed && outcome.instalments.length ? (
              <Schedule instalments={outcome.instalments} shares={shares} />
            ) : null}
            {outcome?.allowed && outcome.requiresApproval ? (
              <p className="alert">{t('betalingsonmacht.needsApproval')}</p>
            ) : null}
            {serverError ? (
              <p className="alert alert--error" role="alert">
                {serverError.message}
              </p>
            ) : null}
            <button type="submit" className="button--primary" disabled={decision.isLoading || running}>
              {t('betalingsonmacht.submit')}
            </button>
            {decision.isSuccess ? <SavedMessage>{t('betalingsonmacht.saved')}</SavedMessage> : null}
            {draftState.isSuccess && !decision.isSuccess ? (
              <p className="hint">{t('betalingsonmacht.draftSaved')}</p>
            ) : null}
          </fieldset>
        </form>
      </div>
    </section>
  );
}

function restoreDraft(draft: string | null, today: string): AssessmentForm {
  if (!draft) return emptyForm(today);
  try {
    return { ...emptyForm(today), ...(JSON.parse(draft) as Partial<AssessmentForm>) };
  } catch {
    return emptyForm(today);
  }
}

function Text({
  label,
  value,
  error,
  onChange,
  inputMode,
}: {
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (v: string) => void;
  inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <FormField
      label={label}
      error={error}
      type="text"
      value={value}
      inputMode={inputMode}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function Money(props: { label: string; value: string; error?: string | undefined; onChange: (v: string) => void }) {
  return <Text {...props} inputMode="decimal" />;
}

function Select<V extends string>({
  label,
  value,
  options,
  prefix,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly V[];
  prefix: string;
  onChange: (v: V) => void;
}) {
  return (
    <LabelledField
      label={label}
      control={(link) => (
        <select {...link} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`${prefix}.${o}` as MessageKey)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** The creditors of the joint arrangement and what each is owed, from the claims the screen shows. */
function creditorShares(overview: ResponseOf<'betalingsonmacht.person'>, peildatum: string): CreditorShare[] {
  const kinds = new Map(overview.claims.map((c) => [c.id, c.kind]));
  const claims = overview.facts.claims.flatMap((c) => {
    const kind = kinds.get(c.id);
    return kind ? [{ ...c, kind }] : [];
  });
  return jointScope(claims, peildatum).value.shares;
}
