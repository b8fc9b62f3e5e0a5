import type { MenuItemConstructorOptions } from 'electron';

/**
 * The menu of a packaged app: what a case worker needs, in Dutch, and nothing that reloads the page
 * or opens the developer tools (Electron's default menu has both, on Ctrl+R and Ctrl+Shift+I).
 */
export const productionMenu: MenuItemConstructorOptions[] = [
  { label: 'Bestand', submenu: [{ role: 'quit', label: 'Afsluiten' }] },
  {
    label: 'Bewerken',
    submenu: [
      { role: 'undo', label: 'Ongedaan maken' },
      { role: 'redo', label: 'Opnieuw' },
      { type: 'separator' },
      { role: 'cut', label: 'Knippen' },
      { role: 'copy', label: 'Kopiëren' },
      { role: 'paste', label: 'Plakken' },
      { role: 'selectAll', label: 'Alles selecteren' },
    ],
  },
  {
    label: 'Beeld',
    submenu: [
      { role: 'resetZoom', label: 'Werkelijke grootte' },
      { role: 'zoomIn', label: 'Inzoomen' },
      { role: 'zoomOut', label: 'Uitzoomen' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Volledig scherm' },
    ],
  },
];
