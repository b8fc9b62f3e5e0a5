import { afterEach, describe, expect, it } from 'vitest';
import { computeBeslagvrijeVoet } from '../beslagvrije-voet';
import { singleOnBijstand2025 } from '../beslagvrije-voet.examples';
import { bvvParameterSets, type BvvParameterSet } from './beslagvrije-voet-parameters';
import {
  activeParameterSets,
  codedParameterSets,
  installApprovedParameterSets,
  mergeParameterSets,
  type ApprovedParameterSet,
} from './registry';

const coded2025 = bvvParameterSets.at(-1) as BvvParameterSet;
const withNorm = (id: string, validFrom: string, cents: number): BvvParameterSet => ({
  ...coded2025,
  id,
  validFrom,
  bijstandsnormen: {
    ...coded2025.bijstandsnormen,
    alleenstaand_21_pgl: { value: cents, source: 'test', status: 'confirmed' },
  },
});
const approved = (set: BvvParameterSet, approvedAt: string): ApprovedParameterSet => ({
  domain: 'bvv',
  set,
  approvedAt,
});

afterEach(() => installApprovedParameterSets([]));

describe('parameter registry', () => {
  it('adds approved sets to the coded ones, ordered by start date, other domains untouched', () => {
    const merged = mergeParameterSets(codedParameterSets, [
      approved(withNorm('a', '2026-01-01', 140000), '2026-01-02T10:00:00Z'),
    ]);
    expect(merged.bvv.map((s) => s.id)).toEqual(['bvv-2024-07', 'bvv-2025-01', 'a']);
    expect(merged.regeling.map((s) => s.id)).toEqual(codedParameterSets.regeling.map((s) => s.id));
  });

  it('an approved set starting the same day replaces the earlier one: the latest approval wins', () => {
    const merged = mergeParameterSets(codedParameterSets, [
      approved(withNorm('second', '2026-01-01', 141000), '2026-01-03T09:00:00Z'),
      approved(withNorm('first', '2026-01-01', 140000), '2026-01-02T09:00:00Z'),
      approved(withNorm('correction', '2025-01-01', 134600), '2026-01-02T09:00:00Z'),
    ]);
    expect(merged.bvv.map((s) => s.id)).toEqual(['bvv-2024-07', 'correction', 'second']);
  });

  it('the domain functions use what the host installed, and the coded sets again when it is cleared', () => {
    const input = { ...singleOnBijstand2025, peildatum: '2026-02-01' };
    expect(computeBeslagvrijeVoet(input).value).toMatchObject({ bvvCents: 127818, requiresApproval: true });
    installApprovedParameterSets([approved(withNorm('n2026', '2026-01-01', 140000), '2026-01-02T09:00:00Z')]);
    expect(activeParameterSets('bvv').at(-1)?.id).toBe('n2026');
    expect(computeBeslagvrijeVoet(input).value).toMatchObject({ bvvCents: 133000, requiresApproval: false });
    installApprovedParameterSets([]);
    expect(computeBeslagvrijeVoet(input).value.bvvCents).toBe(127818);
  });
});
