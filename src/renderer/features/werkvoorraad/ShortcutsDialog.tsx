import { useEffect, useRef } from 'react';
import { t, type MessageKey } from '../../app/i18n/t';

const shortcuts: readonly (readonly [string[], MessageKey])[] = [
  [['↓', '↑', 'j', 'k'], 'queue.keys.move'],
  [['PgDn', 'PgUp'], 'queue.keys.page'],
  [['Enter'], 'queue.keys.open'],
  [['c'], 'queue.keys.claim'],
  [['v'], 'queue.keys.release'],
  [['d'], 'queue.keys.complete'],
  [['x'], 'queue.keys.select'],
  [['a'], 'queue.keys.assign'],
  [['g'], 'queue.keys.approve'],
  [['/'], 'queue.keys.search'],
  [['↓', 'Enter'], 'queue.keys.searchToGrid'],
  [['?'], 'queue.keys.help'],
  [['Esc'], 'queue.keys.escape'],
];

/** The overview of shortcuts (?), a modal dialog: focus moves in, Escape closes, focus returns. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('queue.shortcutsTitle')}</h2>
      <dl className="shortcut-list">
        {shortcuts.map(([keys, label]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' ' : ''}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('queue.close')}
      </button>
    </dialog>
  );
}
