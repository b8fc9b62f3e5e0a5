import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../app/i18n/t';
import { useNotificationsQuery } from './notifications-api';

/**
 * New urgent work (victim deadlines, approvals waiting, own urgent tasks, refused decisions) behind
 * one button in the header: a disclosure that opens a list of links and closes with Escape. The
 * list is fetched again when the backend says its rows changed (backend-events.ts), not on a timer.
 */
export function NotificationsButton() {
  const { data } = useNotificationsQuery();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const items = data?.notifications ?? [];
  const urgent = items.filter((n) => n.urgent).length;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="notifications">
      <button
        ref={button}
        type="button"
        className="button--header"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpen(!open)}
      >
        {t('notifications.button')}
        <span className={urgent ? 'count-badge count-badge--urgent' : 'count-badge'} aria-hidden="true">
          {items.length}
        </span>
        <span className="visually-hidden">{t('notifications.count', { count: items.length })}</span>
      </button>
      {open ? (
        <div id="notifications-panel" className="notifications__panel">
          <h2 className="notifications__title">{t('notifications.title')}</h2>
          {items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.urgent ? 'notifications__item--urgent' : undefined}>
                  <Link to={n.route} onClick={() => setOpen(false)}>
                    {n.urgent ? <strong>{t('notifications.urgent')}: </strong> : null}
                    {n.title}
                  </Link>
                  <div className="hint">{n.detail}</div>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
