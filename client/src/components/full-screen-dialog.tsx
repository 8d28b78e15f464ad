import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface FullScreenDialogProps {
  /** Id of the heading that names the dialog (inside `children`). */
  labelledBy: string;
  className: string;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
}

/**
 * A modal view covering the whole screen (a projector shows only it). Esc or its close button
 * ends it and focus goes back to what opened it; Tab stays inside; the page behind does not
 * scroll while it is open.
 */
export function FullScreenDialog({ labelledBy, className, onClose, closeLabel, children }: FullScreenDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep focus among the dialog's own controls.
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div ref={dialog} className={className} role="dialog" aria-modal="true" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      <button ref={close} type="button" className="button full-screen__close" aria-keyshortcuts="Escape" onClick={onClose}>
        {closeLabel}
      </button>
      {children}
    </div>
  );
}
