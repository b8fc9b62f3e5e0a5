/**
 * In the browser host nothing stops a page from leaving; Electron blocks that in the main
 * process. This guard gives the browser host the same rule: links and window.open that point
 * outside the app's origin do nothing.
 */
export function installNavigationGuard(win: Window): void {
  win.document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      const href = target?.closest?.('a[href]')?.getAttribute('href');
      if (href && new URL(href, win.location.href).origin !== win.location.origin) event.preventDefault();
    },
    true,
  );
  win.open = () => null;
}
