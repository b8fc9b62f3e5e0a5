import { useMemo, useState, type FormEvent } from 'react';
import type { ArrangementWire } from '../../../shared/api/entities';
import { todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';
import { pauseInstalments } from '../../../shared/domain/betalingsregeling-rijk';
import { activeParameterSets } from '../../../shared/domain/parameters/registry';
import { selectParameterSet } from '../../../shared/domain/parameters/parameter-set';
import { formatDate } from '../../../shared/format';
import { appError } from '../../api/errors';
import { t } from '../../app/i18n/t';
import { LabelledField, TextAreaField } from '../../components/FormField';
import { usePauseMutation } from './betalingsonmacht-api';

/**
 * The pauzeknop on a running arrangement: the person asked for an aflossingspauze; the worker picks
 * the first instalment that moves and for how long, sees the new plan's end before saving, and the
 * same rules (length, once per twelve months) decide here and again on the server.
 */
export function PausePanel({ arrangement }: { arrangement: ArrangementWire }) {
  const today = todayInAmsterdam();
  const upcoming = arrangement.instalments.filter((i) => i.dueDate >= today);
  const maxMonths = selectParameterSet(activeParameterSets('rijksincasso'), today).pauseMaxMonths.value;
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(upcoming[0]?.dueDate ?? '');
  const [months, setMonths] = useState(1);
  const [reason, setReason] = useState('');
  const [pause, result] = usePauseMutation();
  const preview = useMemo(
    () =>
      pauseInstalments(arrangement.instalments, {
        from,
        months,
        earlierPauses: arrangement.pauses.map((p) => p.from),
        today,
      }).value,
    [arrangement, from, months, today],
  );
  const error = appError(result.error);
  if (!upcoming.length) return null;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('pauze.open')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!preview.allowed) return;
    const answer = await pause({ arrangementId: arrangement.id, from, months, reason });
    if ('data' in answer) setOpen(false);
  };
  const last = preview.plan.at(-1);
  return (
    <form className="pause-panel" onSubmit={(e) => void submit(e)} aria-labelledby={`pause-${arrangement.id}`}>
      <h3 id={`pause-${arrangement.id}`}>{t('pauze.title')}</h3>
      <LabelledField
        label={t('pauze.from')}
        control={(link) => (
          <select {...link} value={from} onChange={(e) => setFrom(e.target.value)}>
            {upcoming.map((i) => (
              <option key={i.number} value={i.dueDate}>
                {t('pauze.instalment', { number: i.number, date: formatDate(i.dueDate) })}
              </option>
            ))}
          </select>
        )}
      />
      <LabelledField
        label={t('pauze.months')}
        control={(link) => (
          <select {...link} value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {Array.from({ length: maxMonths }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {t(m === 1 ? 'pauze.oneMonth' : 'pauze.nMonths', { months: m })}
              </option>
            ))}
          </select>
        )}
      />
      <TextAreaField
        label={t('pauze.reason')}
        value={reason}
        rows={2}
        error={error?.issues?.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <p role="status" className={preview.allowed ? 'hint' : 'field__error'}>
        {preview.allowed && last
          ? t('pauze.preview', { months, date: formatDate(last.dueDate) })
          : preview.refusals.join(' ')}
      </p>
      <p className="hint">{t('pauze.unconfirmed')}</p>
      {error && !error.issues?.reason ? <p role="alert">{error.message}</p> : null}
      <div className="pause-panel__actions">
        <button type="submit" disabled={!preview.allowed || result.isLoading}>
          {t('pauze.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('pauze.cancel')}
        </button>
      </div>
    </form>
  );
}
