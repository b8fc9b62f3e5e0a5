import { describe, expect, it } from 'vitest';
import { bvvParameterSets } from '../../../shared/domain/parameters/beslagvrije-voet-parameters';
import { regelingParameterSets } from '../../../shared/domain/parameters/regeling-parameters';
import { bvvValues } from '../../../shared/api/parameters';
import { changedLeaves, fromLeaves, toLeaves } from './sourced-leaves';

const july2024 = bvvParameterSets.find((s) => s.validFrom === '2024-07-01');
const jan2025 = bvvParameterSets.find((s) => s.validFrom === '2025-01-01');
const [regeling] = regelingParameterSets;
if (!july2024 || !jan2025 || !regeling) throw new Error('coded sets missing');

const valuesOf = <T extends { id: string; validFrom: string }>({ id: _id, validFrom: _from, ...values }: T) => values;

describe('parameter values as editable leaves', () => {
  it('turns every domain set into leaves and back without change', () => {
    for (const set of [...bvvParameterSets, ...regelingParameterSets]) {
      const values = valuesOf(set);
      const back = fromLeaves(toLeaves(values));
      if (!back.ok) throw new Error(`leaf ${back.path} does not read`);
      // An empty group (no norms known for 2024-01) has no leaves; the wire schema restores it.
      const read = 'maximumBvv' in values ? bvvValues.parse(back.values) : back.values;
      expect(read).toEqual(JSON.parse(JSON.stringify(values)));
    }
  });

  it('reads numbers with a decimal comma, lists as JSON, and names the leaf that does not read', () => {
    const leaves = toLeaves(valuesOf(regeling));
    const term = leaves.find((l) => l.path === 'termTable');
    expect(term?.kind).toBe('json');
    const edited = leaves.map((l) => (l.path === 'minimumOutstanding' ? { ...l, value: '75,5' } : l));
    const result = fromLeaves(edited);
    expect(result.ok && (result.values.minimumOutstanding as { value: number }).value).toBe(75.5);
    expect(fromLeaves(leaves.map((l) => (l.path === 'termTable' ? { ...l, value: '[{' } : l)))).toEqual({
      ok: false,
      path: 'termTable',
    });
    expect(fromLeaves(leaves.map((l) => (l.path === 'noodstopMonths' ? { ...l, value: '' } : l)))).toEqual({
      ok: false,
      path: 'noodstopMonths',
    });
  });

  it('lists exactly what a proposal changes against the set it follows', () => {
    const changes = changedLeaves(valuesOf(july2024), valuesOf(jan2025));
    // Four norms rose, the source of each changed, and the 18–20 norm is new.
    expect(changes.map((c) => c.path).sort()).toEqual([
      'bijstandsnormen.alleenstaand_18_20',
      'bijstandsnormen.alleenstaand_21_pgl',
      'bijstandsnormen.alleenstaand_pgl',
      'bijstandsnormen.paar_21_pgl',
      'bijstandsnormen.paar_pgl',
    ]);
    expect(changes.find((c) => c.path === 'bijstandsnormen.alleenstaand_18_20')?.before).toBeUndefined();
    expect(changedLeaves(valuesOf(jan2025), valuesOf(jan2025))).toEqual([]);
  });
});
