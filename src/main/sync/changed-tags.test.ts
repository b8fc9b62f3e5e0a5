import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/entities';
import { cacheTags } from '../../shared/ipc/events';
import { ChangedTags } from './changed-tags';

const claim = (id: string) => ({ entity: 'claim', version: 1, data: { id } }) as unknown as Change;
const claimEvent = (claimId: string) =>
  ({ entity: 'claim_event', version: 1, data: { id: `e-${claimId}`, claimId } }) as unknown as Change;
const of = (entity: Change['entity']) => ({ entity, version: 1, data: { id: 'x' } }) as unknown as Change;

describe('the tags of a pull', () => {
  it('names each changed claim and the claim lists, and other kinds by type', () => {
    const tags = new ChangedTags();
    tags.add([claim('c-1'), claimEvent('c-2'), of('task'), of('victim_wish'), of('case_note')]);
    expect(tags.take()).toEqual(
      expect.arrayContaining([
        { type: 'Claims', id: 'LIST' },
        { type: 'Claims', id: 'c-1' },
        { type: 'Claims', id: 'c-2' },
        { type: 'Tasks' },
        { type: 'Victims' },
        { type: 'Notes' },
      ]),
    );
    expect(tags.empty).toBe(true); // taken
    expect(tags.take()).toEqual([]);
  });

  it('makes a person’s change, or very many claims, a change of every claim', () => {
    const person = new ChangedTags();
    person.add([claim('c-1'), of('person')]);
    expect(person.take()).toEqual([{ type: 'Claims' }]);
    const many = new ChangedTags();
    many.add(Array.from({ length: 201 }, (_, i) => claim(`c-${i}`)));
    expect(many.take()).toEqual([{ type: 'Claims' }]);
  });

  it('names every type after a push (addAll)', () => {
    const tags = new ChangedTags();
    tags.addAll();
    expect(tags.take().map((t) => t.type)).toEqual([...cacheTags]);
  });
});
