import type { ReactNode } from 'react';
import { t } from '../app/i18n/t';

/**
 * A data table that may be wider than a narrow screen (400 % zoom): it scrolls sideways inside this
 * region instead of the whole page (WCAG 1.4.10). The region is named ("Tabel: …", distinct from the
 * section it sits in) and takes focus, so keyboard users can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={t('app.tableRegion', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
