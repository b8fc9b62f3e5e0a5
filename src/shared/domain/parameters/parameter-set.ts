/** A dated value: which source says so, and whether that source was confirmed (the marks of docs/regels.md). */
export interface Sourced<T> {
  value: T;
  source: string;
  status: 'confirmed' | 'inferred' | 'open';
}

export interface Dated {
  /** First day (yyyy-mm-dd) this set applies. */
  validFrom: string;
  id: string;
}

/**
 * The set valid on `date`: the latest whose `validFrom` is on or before it. Adding next
 * half-year's norms is adding an entry to the table, not changing code.
 */
export function selectParameterSet<T extends Dated>(sets: readonly T[], date: string): T {
  let chosen: T | undefined;
  for (const set of sets) {
    if (set.validFrom <= date && (!chosen || set.validFrom > chosen.validFrom)) chosen = set;
  }
  if (!chosen) {
    throw new RangeError(
      `Geen parameterset geldig op ${date}; de oudste begint op ${sets.map((s) => s.validFrom).sort()[0] ?? '—'}.`,
    );
  }
  return chosen;
}
