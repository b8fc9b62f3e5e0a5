import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { useAddNoteMutation, useClaimQuery, useNotesQuery } from './claims-api';

export function ClaimPage() {
  const { claimId = '' } = useParams();
  const { data: claim, error } = useClaimQuery(claimId);
  const { data: notes } = useNotesQuery(claimId);
  const failure = appError(error);

  return (
    <section aria-labelledby="page-title">
      <Link to="/werkvoorraad">{t('claim.back')}</Link>
      {failure ? (
        <div className="alert alert--error" role="alert">
          {failure.message}
        </div>
      ) : null}
      {claim ? (
        <>
          <h1 id="page-title">
            {claim.personName} · {t(`claimKind.${claim.kind}`)}
          </h1>
          <dl className="details" aria-label={t('claim.details')}>
            <dt>{t('claim.reference')}</dt>
            <dd className="mono">{claim.reference}</dd>
            <dt>{t('claim.bsn')}</dt>
            <dd className="mono">{claim.bsn}</dd>
            <dt>{t('claim.city')}</dt>
            <dd>{claim.city}</dd>
            <dt>{t('claim.phase')}</dt>
            <dd>{t(`claimPhase.${claim.phase}`)}</dd>
            <dt>{t('claim.original')}</dt>
            <dd>{formatCents(claim.originalCents)}</dd>
            <dt>{t('claim.outstanding')}</dt>
            <dd>{formatCents(claim.outstandingCents)}</dd>
            <dt>{t('claim.dueDate')}</dt>
            <dd>{formatDate(claim.dueDate)}</dd>
          </dl>
          <p>
            <Link className="button-link" to={`/betalingsonmacht/${claim.personId}`}>
              {t('betalingsonmacht.assess')}
            </Link>{' '}
            <Link className="button-link" to={`/escalaties/${claim.id}`}>
              {t('escalaties.open')}
            </Link>
          </p>
          <h2>{t('claim.notes')}</h2>
          <NoteForm claimId={claim.id} />
          {notes && notes.notes.length === 0 ? <p className="empty-state">{t('claim.noNotes')}</p> : null}
          <ul className="notes">
            {notes?.notes.map((note) => (
              <li key={note.id} className="note">
                <p className="note__meta">
                  {note.authorName} · {formatDateTime(note.createdAt)}
                  {note.pending ? <span className="tag tag--pending">{t('claim.pending')}</span> : null}
                </p>
                <p className="note__text">{note.text}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function NoteForm({ claimId }: { claimId: string }) {
  const [addNote, { isLoading, error, isSuccess, reset }] = useAddNoteMutation();
  const [text, setText] = useState('');
  const id = useId();
  const failure = appError(error);
  const fieldError = failure?.issues?.text ?? (failure && !failure.issues ? failure.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await addNote({ claimId, text });
    if ('data' in result) setText('');
  };

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="field__label" htmlFor={id}>
        {t('claim.newNote')}
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        maxLength={2000}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (isSuccess || error) reset();
        }}
      />
      {fieldError ? (
        <p id={`${id}-error`} className="field__error">
          {fieldError}
        </p>
      ) : null}
      <button type="submit" className="button--primary" disabled={isLoading}>
        {t('claim.addNote')}
      </button>
      {isSuccess ? (
        <p role="status" className="note-form__saved">
          {t('claim.saved')}
        </p>
      ) : null}
    </form>
  );
}
