import { useEffect, useState } from 'react';
import type { LoketRequestWire } from '../../../shared/api/loket';
import { formatDate } from '../../../shared/format';
import { appError } from '../../api/errors';
import { t } from '../../app/i18n/t';
import { downloadBlob } from '../../components/download-file';
import { useLoketDocumentMutation } from './betalingsonmacht-api';

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/**
 * The person's request from the Digitaal Loket that this assessment answers: what they asked, why
 * it came to a worker, and their documents. A document is fetched from the central API when the
 * worker opens it (never cached): a JPEG is shown here, a PDF is handed to the PDF viewer.
 */
export function LoketRequestPanel({ request, prefilled }: { request: LoketRequestWire; prefilled: boolean }) {
  const [open, result] = useLoketDocumentMutation();
  const [picture, setPicture] = useState<{ url: string; fileName: string } | null>(null);
  useEffect(() => () => (picture ? URL.revokeObjectURL(picture.url) : undefined), [picture]);
  const error = appError(result.error);

  const show = async (number: number) => {
    const answer = await open({ requestId: request.id, number });
    if (!('data' in answer) || !answer.data) return;
    const { fileName, mediaType, contentBase64 } = answer.data;
    const blob = new Blob([Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))], { type: mediaType });
    if (mediaType === 'image/jpeg') setPicture({ url: URL.createObjectURL(blob), fileName });
    else downloadBlob(fileName, blob);
  };

  return (
    <section className="loket-request" aria-labelledby="loket-request-title">
      <h2 id="loket-request-title">{t('loket.title')}</h2>
      <p>
        {t(request.kind === 'maatwerk' ? 'loket.askedMaatwerk' : 'loket.askedStandaard', {
          date: formatDate(request.submittedAt.slice(0, 10)),
        })}
      </p>
      {/* A tailored request always comes to a worker; a standard one says which rule stopped it. */}
      {request.kind === 'standaard' && request.outcomeReason ? (
        <p className="hint">{t('loket.whyWorker', { reason: request.outcomeReason })}</p>
      ) : null}
      {request.explanation ? (
        <blockquote className="loket-request__explanation">{request.explanation}</blockquote>
      ) : null}
      {prefilled ? <p className="hint">{t('loket.prefilled')}</p> : null}
      {request.documents.length ? (
        <ul className="loket-request__documents" aria-label={t('loket.documents')}>
          {request.documents.map((d) => (
            <li key={d.number}>
              <button type="button" className="link-button" onClick={() => void show(d.number)}>
                {t('loket.openDocument', { name: d.fileName })}
              </button>
              <span className="table-subline">
                {t(d.mediaType === 'image/jpeg' ? 'loket.jpeg' : 'loket.pdf', { kb: kilobytes(d.sizeBytes) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('loket.noDocuments')}</p>
      )}
      {error ? <p role="alert">{error.message}</p> : null}
      {picture ? (
        <figure className="loket-request__picture">
          <img src={picture.url} alt={t('loket.pictureAlt', { name: picture.fileName })} />
          <figcaption>
            {picture.fileName}{' '}
            <button type="button" className="link-button" onClick={() => setPicture(null)}>
              {t('loket.closePicture')}
            </button>
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
