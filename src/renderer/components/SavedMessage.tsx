import { useEffect, useRef, type ReactNode } from 'react';

/**
 * "Saved" after a decision: said to screen readers (status) and given the keyboard focus, because
 * the button that was pressed is often disabled or gone afterwards and focus would fall to the page.
 */
export function SavedMessage({ children }: { children: ReactNode }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <p ref={message} role="status" className="note-form__saved" tabIndex={-1}>
      {children}
    </p>
  );
}
