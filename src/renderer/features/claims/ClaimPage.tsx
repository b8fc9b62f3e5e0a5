import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { ClaimDetails } from '../../components/ClaimDetails';
import { signedEventAmount } from '../../components/event-amount';
import { TextAreaField } from '../../components/FormField';
import { useAddNoteMutation, useClaimHistoryQuery, useClaimQuery, useNotesQuery } from './claims-api';
import { TableRegion } from '../../components/TableRegion';

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
          <ClaimHistory claimId={claim.id} />
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
  const failure = appError(error);
  const fieldError = failure?.issues?.text ?? (failure && !failure.issues ? failure.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await addNote({ claimId, text });
    if ('data' in result) setText('');
  };

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextAreaField
        label={t('claim.newNote')}
        rows={3}
        value={text}
        maxLength={2000}
        error={fieldError}
        onChange={(e) => {
          setText(e.target.value);
          if (isSuccess || error) reset();
        }}
      />
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

/** What happened to the claim so far: how the amount owed came about, oldest first. */
function ClaimHistory({ claimId }: { claimId: string }) {
  const { data } = useClaimHistoryQuery(claimId);
  if (!data) return null;
  return (
    <>
      <h2 id="claim-history">{t('claim.history')}</h2>
      {data.events.length === 0 ? (
        <p className="empty-state">{t('claim.noHistory')}</p>
      ) : (
        <TableRegion label={t('claim.history')}>
          <table className="data-table" aria-labelledby="claim-history">
            <thead>
              <tr>
                <th scope="col">{t('claim.historyDate')}</th>
                <th scope="col">{t('claim.historyEvent')}</th>
                <th scope="col" className="numeric">
                  {t('claim.historyAmount')}
                </th>
                <th scope="col">{t('claim.historyDescription')}</th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDate(event.occurredOn)}</td>
                  <td>{t(`escalaties.eventKinds.${event.kind}`)}</td>
                  <td className="numeric">{event.amountCents ? signedEventAmount(event) : ''}</td>
                  <td>{event.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
