import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, updated as the window (or the zoom) changes. Where the
 * environment cannot tell (no matchMedia, as in jsdom), it does not match.
 */
export function useMediaQuery(query: string): boolean {
  const supported = typeof window.matchMedia === 'function';
  return useSyncExternalStore(
    (onChange) => {
      if (!supported) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => supported && window.matchMedia(query).matches,
    () => false,
  );
}
