import type { Role } from '../../shared/domain/roles';
import type { MessageKey } from './i18n/t';
import { can } from '../../shared/domain/permissions';

export type Shortcut = readonly [keys: readonly string[], label: MessageKey];
export interface ShortcutSection {
  title: MessageKey;
  shortcuts: readonly Shortcut[];
}

/** Keys that work on every screen (GlobalShortcuts.tsx handles them). */
export function globalShortcuts(role: Role | undefined): readonly Shortcut[] {
  return [
    [['Alt+W'], 'shortcuts.global.queue'],
    [['/', 'Alt+Z'], 'shortcuts.global.search'],
    ...(can(role && { role }, 'approveDecisions') ? ([[['Alt+G'], 'shortcuts.global.approvals']] as const) : []),
    [['?'], 'shortcuts.global.help'],
    [['Esc'], 'shortcuts.global.escape'],
  ];
}

const gridMoves: readonly Shortcut[] = [
  [['↓', '↑', 'j', 'k'], 'shortcuts.grid.move'],
  [['PgDn', 'PgUp', 'Home', 'End'], 'shortcuts.grid.page'],
  [['↓', 'Enter'], 'shortcuts.grid.searchToGrid'],
];

/** Each screen's own keys, by the first part of its path, with the title of the overview. */
const screens: Record<string, { title: MessageKey; shortcuts: readonly Shortcut[] }> = {
  werkvoorraad: {
    title: 'shortcuts.screens.werkvoorraad',
    shortcuts: [
      ...gridMoves,
      [['Enter'], 'queue.keys.open'],
      [['c'], 'queue.keys.claim'],
      [['v'], 'queue.keys.release'],
      [['d'], 'queue.keys.complete'],
      [['x'], 'queue.keys.select'],
      [['a'], 'queue.keys.assign'],
    ],
  },
  vorderingen: {
    title: 'shortcuts.screens.vorderingen',
    shortcuts: [...gridMoves, [['Enter'], 'shortcuts.grid.openClaim']],
  },
  escalaties: {
    title: 'shortcuts.screens.escalaties',
    shortcuts: [
      ...gridMoves,
      [['Enter'], 'shortcuts.grid.openClaim'],
      [['x', 'Spatie'], 'shortcuts.escalaties.select'],
      [['Esc'], 'shortcuts.escalaties.clear'],
    ],
  },
  teamoverzicht: {
    title: 'shortcuts.screens.teamoverzicht',
    shortcuts: [
      [['j', 'k'], 'shortcuts.teamoverzicht.move'],
      [['g'], 'queue.keys.approve'],
      [['Esc'], 'shortcuts.teamoverzicht.cancel'],
    ],
  },
};

/** The overview's title and sections for the screen at `pathname` (only the global keys elsewhere). */
export function shortcutsFor(
  pathname: string,
  role: Role | undefined,
): { title: MessageKey; sections: ShortcutSection[] } {
  // Only a list itself, not a case opened from it (/escalaties/:id has no list keys).
  const [first, second] = pathname.split('/').filter(Boolean);
  const screen = first !== undefined && second === undefined ? screens[first] : undefined;
  return {
    title: screen?.title ?? 'shortcuts.title',
    sections: [
      ...(screen ? [{ title: 'shortcuts.thisScreen' as const, shortcuts: screen.shortcuts }] : []),
      { title: 'shortcuts.everywhere' as const, shortcuts: globalShortcuts(role) },
    ],
  };
}
