import { useState } from 'react';
import type { AuditEntry } from '../../../shared/api/audit';
import { auditActions } from '../../../shared/api/audit';
import { formatDateTime } from '../../../shared/format';
import { t, type MessageKey } from '../../app/i18n/t';
import { LabelledField } from '../../components/FormField';
import { QueryGate } from '../../components/QueryGate';
import { useCurrentSessionQuery } from '../session/session-api';
import { useAuditLogQuery } from './auditlog-api';
import { TableRegion } from '../../components/TableRegion';
import { can } from '../../../shared/domain/permissions';

const entityLabels: Partial<Record<string, MessageKey>> = {
  victim_contact: 'auditlog.entities.victim_contact',
  change_feed: 'auditlog.entities.change_feed',
  command: 'auditlog.entities.command',
  user: 'auditlog.entities.user',
  audit_log: 'auditlog.entities.audit_log',
  parameter_set: 'auditlog.entities.parameter_set',
};

/** Who read or changed which personal data, when and why: the central audit log, newest first. */
export function AuditLogPage() {
  const session = useCurrentSessionQuery().data;
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState<(typeof auditActions)[number] | ''>('');
  /** Where the shown page starts: undefined for the newest entries. */
  const [before, setBefore] = useState<number | undefined>();
  const allowed = can(session?.user, 'readAuditLog');
  const { data, error, isFetching } = useAuditLogQuery(
    { limit: 50, ...(entity ? { entity } : {}), ...(action ? { action } : {}), ...(before ? { before } : {}) },
    { skip: !allowed },
  );

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('auditlog.title')}</h1>
      {!allowed ? (
        <p>{t('auditlog.onlyBeheer')}</p>
      ) : (
        <>
          <p>{t('auditlog.intro')}</p>
          <div className="toolbar">
            <FilterSelect
              label={t('auditlog.entity')}
              value={entity}
              options={Object.entries(entityLabels).map(([value, label]) => [value, label ? t(label) : value])}
              onChange={(value) => {
                setEntity(value);
                setBefore(undefined);
              }}
            />
            <FilterSelect
              label={t('auditlog.action')}
              value={action}
              options={auditActions.map((value) => [value, t(`auditlog.actions.${value}`)])}
              onChange={(value) => {
                setAction(value as typeof action);
                setBefore(undefined);
              }}
            />
          </div>
          <QueryGate data={data} error={error}>
            {(page) => (
              <>
                <AuditTable entries={page.entries} />
                <p className="toolbar">
                  <button
                    type="button"
                    disabled={before === undefined || isFetching}
                    onClick={() => setBefore(undefined)}
                  >
                    {t('auditlog.newest')}
                  </button>
                  <button
                    type="button"
                    disabled={page.nextBefore === null || isFetching}
                    onClick={() => setBefore(page.nextBefore ?? undefined)}
                  >
                    {t('auditlog.older')}
                  </button>
                </p>
              </>
            )}
          </QueryGate>
        </>
      )}
    </section>
  );
}

/** A filter: "Alle" or one of the options, given as [value, label]. */
function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <LabelledField
      label={label}
      control={(link) => (
        <select {...link} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('auditlog.all')}</option>
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </select>
      )}
    />
  );
}

function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p className="empty-state">{t('auditlog.empty')}</p>;
  return (
    <TableRegion label={t('auditlog.title')}>
      <table className="data-table" aria-labelledby="page-title">
        <thead>
          <tr>
            <th scope="col">{t('auditlog.columns.at')}</th>
            <th scope="col">{t('auditlog.columns.actor')}</th>
            <th scope="col">{t('auditlog.columns.action')}</th>
            <th scope="col">{t('auditlog.columns.entity')}</th>
            <th scope="col">{t('auditlog.columns.reason')}</th>
            <th scope="col">{t('auditlog.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const label = entityLabels[entry.entity];
            return (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.actorName ?? entry.actorId ?? t('auditlog.unknownActor')}</td>
                <td>{t(`auditlog.actions.${entry.action}`)}</td>
                <td>
                  {label ? t(label) : entry.entity}
                  {entry.entityId ? <span className="table-subline">{entry.entityId}</span> : null}
                </td>
                <td>{entry.reason ?? ''}</td>
                <td>{describeDetail(entry.detail)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The entry's details as a short line: `count 50, type AddCaseNote`. */
function describeDetail(detail: AuditEntry['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) =>
      typeof value === 'object'
        ? `${key} ${Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(' · ')}`
        : `${key} ${String(value)}`,
    )
    .join(', ');
}
