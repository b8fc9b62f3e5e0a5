import { bvvParameterSets, type BvvParameterSet } from '../domain/parameters/beslagvrije-voet-parameters';
import type { Sourced } from '../domain/parameters/parameter-set';
import type { ApprovedParameterSet } from '../domain/parameters/registry';
import type { ParameterSetWire } from '../api/parameters';

/** The first day of the half-year (1 January or 1 July) that holds `date`: when norms last changed. */
export function normPeriodStart(date: string): string {
  return `${date.slice(0, 4)}-${date.slice(5, 7) < '07' ? '01' : '07'}-01`;
}

const carriedForward = (from: string) =>
  `Demogegevens: de normen van ${from} overgenomen, niet de echte normen van deze periode`;

/**
 * Demo and test data only: the newest coded BVV norms carried forward to `validFrom`, every value
 * marked open. The norms of the current half-year were not found (docs/regels.md); a beheerder enters them.
 */
export function carriedForwardBvvSet(validFrom: string): BvvParameterSet {
  const latest = bvvParameterSets.at(-1);
  if (!latest) throw new Error('no coded BVV set');
  const open = <T>(value: Sourced<T>): Sourced<T> => ({
    value: value.value,
    source: carriedForward(latest.validFrom),
    status: 'open',
  });
  const mapValues = <K extends string, T>(record: Partial<Record<K, Sourced<T>>>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, open(v as Sourced<T>)])) as Record<K, Sourced<T>>;
  return {
    id: `bvv-${validFrom}`,
    validFrom,
    bijstandsnormen: mapValues(latest.bijstandsnormen),
    normPercentage: latest.normPercentage,
    maximumBvv: mapValues(latest.maximumBvv),
  };
}

/** The carried-forward set for the half-year holding `today`, as an approved set (tests, demo). */
export function currentDemoBvvSet(today: string): ApprovedParameterSet {
  return { domain: 'bvv', set: carriedForwardBvvSet(normPeriodStart(today)), approvedAt: `${today}T00:00:00.000Z` };
}

/** The same set as the central's demo seed approves it (Henk Kok proposes, Sanne Bakker approves). */
export function demoParameterSetWire(today: string): ParameterSetWire {
  const approvedAt = `${today}T00:00:00.000Z`;
  const { id, validFrom, ...values } = carriedForwardBvvSet(normPeriodStart(today));
  return {
    domain: 'bvv',
    values,
    id,
    validFrom,
    reason: demoParameterSetReason,
    proposedBy: 'Henk Kok',
    proposedById: 'u-hkok',
    proposedAt: approvedAt,
    approvedBy: 'Sanne Bakker',
    approvedAt,
    version: 1,
  };
}

export const demoParameterSetReason = `Demo: normen van ${bvvParameterSets.at(-1)?.validFrom ?? '—'} doorgetrokken tot de echte normen van deze periode zijn ingevoerd.`;
