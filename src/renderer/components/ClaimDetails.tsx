import type { ReactNode } from 'react';
import { formatCents, formatDate } from '../../shared/format';
import type { ClaimDetail } from '../../shared/ipc/contract';
import { t } from '../app/i18n/t';

/** The facts of one claim as a definition list; screens add their own rows after them. */
export function ClaimDetails({ claim, children }: { claim: ClaimDetail; children?: ReactNode }) {
  return (
    <dl className="details" aria-label={t('claim.details')}>
      <dt>{t('claim.kind')}</dt>
      <dd>{t(`claimKind.${claim.kind}`)}</dd>
      <dt>{t('claim.reference')}</dt>
      <dd className="mono">{claim.reference}</dd>
      <dt>{t('claim.bsn')}</dt>
      <dd className="mono">{claim.bsn}</dd>
      <dt>{t('claim.phase')}</dt>
      <dd>{t(`claimPhase.${claim.phase}`)}</dd>
      <dt>{t('claim.original')}</dt>
      <dd>{formatCents(claim.originalCents)}</dd>
      <dt>{t('claim.outstanding')}</dt>
      <dd>{formatCents(claim.outstandingCents)}</dd>
      <dt>{t('claim.dueDate')}</dt>
      <dd>{formatDate(claim.dueDate)}</dd>
      {children}
    </dl>
  );
}
