import { useState } from 'react';
import { Link } from 'react-router';
import { formatCents, formatNumber } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { BulkDecisionPanel } from './BulkDecisionPanel';
import { useEscalationPageQuery } from './escalaties-api';
import { TableRegion } from '../../components/TableRegion';

const pageSize = 50;

/** The werkvoorraad with the advised next step per claim (before licence and vehicle are checked). */
export function EscalatiesPage() {
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const { data } = useEscalationPageQuery({ offset: page * pageSize, limit: pageSize });
  const total = data?.total ?? 0;
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('escalaties.title')}</h1>
      <p>{t('escalaties.intro')}</p>
      {selected.size ? <BulkDecisionPanel claimIds={[...selected]} onDone={() => setSelected(new Set())} /> : null}
      <TableRegion label={t('escalaties.title')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('escalaties.selection')}</span>
              </th>
              <th scope="col">{t('escalaties.columns.person')}</th>
              <th scope="col">{t('escalaties.columns.kind')}</th>
              <th scope="col">{t('escalaties.columns.phase')}</th>
              <th scope="col" className="numeric">
                {t('escalaties.columns.outstanding')}
              </th>
              <th scope="col">{t('escalaties.columns.advice')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    aria-label={t('escalaties.select', { reference: row.reference })}
                  />
                </td>
                <td>
                  <Link to={`/escalaties/${row.id}`}>{row.personName}</Link>
                </td>
                <td>{t(`claimKind.${row.kind}`)}</td>
                <td>{t(`claimPhase.${row.phase}`)}</td>
                <td className="numeric">{formatCents(row.outstandingCents)}</td>
                <td>{row.recommended ? t(`escalaties.steps.${row.recommended}`) : t('escalaties.noStep')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <nav className="pagination" aria-label={t('werkvoorraad.pagination')}>
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('werkvoorraad.previous')}
        </button>
        <span aria-live="polite">
          {t('werkvoorraad.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
        </span>
        <button type="button" disabled={to >= total} onClick={() => setPage(page + 1)}>
          {t('werkvoorraad.next')}
        </button>
      </nav>
    </section>
  );
}
