import type { App, BrowserWindow } from 'electron';

/**
 * One app per user: a second start would open the same cache file with a second writer and a
 * second sync engine (two outboxes' worth of seqs from one client id). The second instance
 * hands over to the first, which comes to the front, and quits. Returns false in the instance
 * that must quit.
 */
export function holdSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  mainWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = mainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
