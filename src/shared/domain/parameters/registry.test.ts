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

const codedLatest = bvvParameterSets.at(-1) as BvvParameterSet;
const codedIds = bvvParameterSets.map((s) => s.id);
const withNorm = (id: string, validFrom: string, cents: number): BvvParameterSet => ({
  ...codedLatest,
  id,
  validFrom,
  bijstandsnormen: {
    ...codedLatest.bijstandsnormen,
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
      approved(withNorm('a', '2026-07-01', 140000), '2026-07-02T10:00:00Z'),
    ]);
    expect(merged.bvv.map((s) => s.id)).toEqual([...codedIds, 'a']);
    expect(merged.regeling.map((s) => s.id)).toEqual(codedParameterSets.regeling.map((s) => s.id));
  });

  it('an approved set starting the same day replaces the earlier one: the latest approval wins', () => {
    const merged = mergeParameterSets(codedParameterSets, [
      approved(withNorm('second', '2026-07-01', 141000), '2026-07-03T09:00:00Z'),
      approved(withNorm('first', '2026-07-01', 140000), '2026-07-02T09:00:00Z'),
      approved(withNorm('correction', '2025-01-01', 134600), '2026-07-02T09:00:00Z'),
    ]);
    expect(merged.bvv.map((s) => s.id)).toEqual(
      codedIds.map((id) => (id === 'bvv-2025-01' ? 'correction' : id)).concat('second'),
    );
  });

  it('the domain functions use what the host installed, and the coded sets again when it is cleared', () => {
    const input = { ...singleOnBijstand2025, peildatum: '2026-08-01', netIncomeMonthlyCents: 200000 };
    expect(computeBeslagvrijeVoet(input).value).toMatchObject({ bvvCents: 133143, requiresApproval: true });
    installApprovedParameterSets([approved(withNorm('n2026', '2026-07-01', 140000), '2026-07-02T09:00:00Z')]);
    expect(activeParameterSets('bvv').at(-1)?.id).toBe('n2026');
    expect(computeBeslagvrijeVoet(input).value).toMatchObject({ bvvCents: 133000, requiresApproval: false });
    installApprovedParameterSets([]);
    expect(computeBeslagvrijeVoet(input).value.bvvCents).toBe(133143);
  });
});
