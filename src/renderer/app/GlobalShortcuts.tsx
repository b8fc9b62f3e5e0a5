import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { useCurrentSessionQuery } from '../features/session/session-api';
import { t } from './i18n/t';
import { shortcutsFor } from './shortcuts';
import { can } from '../../shared/domain/permissions';

const OpenShortcuts = createContext<() => void>(() => undefined);

/** Opens the shortcut overview (for a screen's "Sneltoetsen" button). */
export function useOpenShortcuts(): () => void {
  return useContext(OpenShortcuts);
}

/** Text inputs keep their keys; single-key shortcuts apply everywhere else. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function focusSearch(): boolean {
  const search = document.querySelector<HTMLInputElement>('main input[type="search"], main [role="search"] input');
  search?.focus();
  return search !== null;
}

/**
 * The keys that work on every screen: ? (this overview, with the screen's own keys), / and Alt+Z
 * (the screen's search field), Alt+W (the werkvoorraad) and, for a team lead, Alt+G (approvals).
 */
export function GlobalShortcuts({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const role = useCurrentSessionQuery().data?.user?.role;

  const openHelp = useCallback(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const handled = event.altKey ? altShortcut(event.code) : !isTyping(event.target) && plainShortcut(event.key);
      if (handled) event.preventDefault();
    };
    // Alt+letter by the physical key (event.code): Alt changes event.key on some layouts (macOS).
    const altShortcut = (code: string): boolean => {
      if (code === 'KeyW') void navigate('/werkvoorraad');
      else if (code === 'KeyG' && can(role && { role }, 'approveDecisions')) void navigate('/teamoverzicht');
      else if (code === 'KeyZ') return focusSearch();
      else return false;
      return true;
    };
    const plainShortcut = (key: string): boolean => {
      if (key === '?') openHelp();
      else if (key === '/') return focusSearch();
      else return false;
      return true;
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, role, openHelp]);

  const help = shortcutsFor(pathname, role);
  return (
    <OpenShortcuts.Provider value={openHelp}>
      {children}
      <ShortcutsDialog
        open={open}
        title={t(help.title)}
        sections={help.sections}
        onClose={() => {
          setOpen(false);
          returnTo.current?.focus();
        }}
      />
    </OpenShortcuts.Provider>
  );
}
