import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { ClaimDetails } from '../../components/ClaimDetails';
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
          <ClaimDetails claim={claim}>
            <dt>{t('claim.city')}</dt>
            <dd>{claim.city}</dd>
          </ClaimDetails>
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
