import { useId, useState } from 'react';
import { escalationSteps, type EscalationStep } from '../../../shared/domain/escalatie';
import type { EscalationFacts } from '../../../shared/domain/escalatie-situatie';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { CheckboxField, LabelledField, TextAreaField } from '../../components/FormField';
import { useBulkEscalationMutation } from './escalaties-api';
import { TableRegion } from '../../components/TableRegion';

type Results = ResponseOf<'escalaties.bulk'>['results'];

/**
 * One step for a selection of claims: a preview first (each claim checked on its own), then the
 * decisions for the claims that pass, with the ones that fail reported and their reasons.
 */
export function BulkDecisionPanel({ claimIds, onDone }: { claimIds: string[]; onDone: () => void }) {
  const [step, setStep] = useState<EscalationStep>('eerste_aanmaning');
  const [facts, setFacts] = useState<EscalationFacts>({
    hasDrivingLicence: false,
    vehicle: 'geen',
    verhaalFailed: false,
  });
  const [motivation, setMotivation] = useState('');
  const [preview, setPreview] = useState<Results | null>(null);
  const [outcome, setOutcome] = useState<Results | null>(null);
  const [run, { error, isLoading }] = useBulkEscalationMutation();
  const id = useId();
  const failure = appError(error);

  const go = async (asPreview: boolean) => {
    const result = await run({ claimIds, step, facts, motivation, preview: asPreview });
    if (!('data' in result) || !result.data) return;
    if (asPreview) setPreview(result.data.results);
    else {
      setOutcome(result.data.results);
      setPreview(null);
      onDone();
    }
  };
  const changed = () => {
    setPreview(null);
    setOutcome(null);
  };
  const passing = preview?.filter((r) => r.ok).length ?? 0;

  return (
    <section className="breakdown bulk" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('escalaties.bulk.title', { count: claimIds.length })}</h2>
      <div className="toolbar">
        <LabelledField
          label={t('escalaties.step')}
          control={(link) => (
            <select
              {...link}
              value={step}
              onChange={(e) => {
                setStep(e.target.value as EscalationStep);
                changed();
              }}
            >
              {escalationSteps.map((s) => (
                <option key={s} value={s}>
                  {t(`escalaties.steps.${s}`)}
                </option>
              ))}
            </select>
          )}
        />
        <CheckboxField
          label={t('escalaties.verhaalFailed')}
          checked={facts.verhaalFailed}
          onChange={(verhaalFailed) => {
            setFacts({ ...facts, verhaalFailed });
            changed();
          }}
        />
        <CheckboxField
          label={t('escalaties.licence')}
          checked={facts.hasDrivingLicence}
          onChange={(hasDrivingLicence) => {
            setFacts({ ...facts, hasDrivingLicence });
            changed();
          }}
        />
      </div>
      <TextAreaField
        label={t('escalaties.motivation')}
        rows={2}
        value={motivation}
        onChange={(e) => {
          setMotivation(e.target.value);
          changed();
        }}
        error={failure ? (failure.issues?.motivation ?? failure.message) : undefined}
        invalid={Boolean(failure?.issues?.motivation)}
      />
      <div className="review__actions">
        <button type="button" disabled={isLoading} onClick={() => void go(true)}>
          {t('escalaties.bulk.preview')}
        </button>
        <button
          type="button"
          className="button--primary"
          disabled={isLoading || !preview || passing === 0}
          onClick={() => void go(false)}
        >
          {t('escalaties.bulk.record', { count: passing })}
        </button>
      </div>
      {preview ? <ResultTable results={preview} caption={t('escalaties.bulk.previewCaption')} /> : null}
      {outcome ? (
        <div role="status">
          <p>
            {t('escalaties.bulk.done', {
              ok: outcome.filter((r) => r.ok).length,
              failed: outcome.filter((r) => !r.ok).length,
            })}
          </p>
          <ResultTable results={outcome} caption={t('escalaties.bulk.resultCaption')} />
        </div>
      ) : null}
    </section>
  );
}

function ResultTable({ results, caption }: { results: Results; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('escalaties.columns.person')}</th>
            <th scope="col">{t('claim.reference')}</th>
            <th scope="col">{t('escalaties.bulk.result')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.claimId}>
              <td>{r.personName}</td>
              <td className="mono">{r.reference}</td>
              <td>
                {r.ok
                  ? t(r.requiresApproval ? 'escalaties.bulk.okApproval' : 'escalaties.bulk.ok')
                  : `${t('escalaties.bulk.failed')}: ${r.reason ?? ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
