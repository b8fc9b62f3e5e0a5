import type { VictimWire } from '../../src/shared/api/entities';

/** An invented victim who opted in and wants information by letter; override what a test needs. */
export function testVictim(overrides: Partial<VictimWire> = {}): VictimWire {
  return {
    id: 'v1',
    offenderPersonId: 'p1',
    displayName: 'Els de Boer',
    isNaturalPerson: true,
    optedIn: true,
    wantsInformation: true,
    preferredChannel: 'brief',
    representative: null,
    offenceCategory: 'geweld',
    version: 1,
    ...overrides,
  };
}
