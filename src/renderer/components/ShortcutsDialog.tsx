import { useEffect, useRef } from 'react';
import { t } from '../app/i18n/t';
import type { ShortcutSection } from '../app/shortcuts';

/**
 * The overview of shortcuts (?): this screen's keys, then those that work everywhere. A modal
 * dialog: focus moves in, Escape closes, and the caller returns focus where it was.
 */
export function ShortcutsDialog({
  open,
  onClose,
  title,
  sections,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  sections: readonly ShortcutSection[];
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{title}</h2>
      {sections.map((section) => (
        <section key={section.title} aria-label={t(section.title)}>
          <h3 className="shortcut-section">{t(section.title)}</h3>
          <dl className="shortcut-list">
            {section.shortcuts.map(([keys, label]) => (
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
        </section>
      ))}
      <button type="button" onClick={onClose}>
        {t('queue.close')}
      </button>
    </dialog>
  );
}
