import { useId, useState, type ReactNode } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';

/**
 * A list under a quiz card loaded when first opened (past games, assignments): a toggle
 * button, then loading, the error, "none yet", or the table `render` makes of the items.
 */
export function OnDemandList<T>({ label, button, none, load, render }: { label: string; button: string; none: string; load: () => Promise<T[]>; render: (items: T[]) => ReactNode }) {
  const t = useT();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<T[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setProblem(null);
    load()
      .then(setItems)
      .catch((err: unknown) => setProblem(apiErrorText(t, err)));
  };

  return (
    <div className="past-games">
      <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={regionId} onClick={toggle} aria-label={label}>
        {button}
      </button>
      <div id={regionId} hidden={!open}>
        {problem ? <p role="alert">{problem}</p> : null}
        {open && items === null && !problem ? <p className="muted">{t('common.loading')}</p> : null}
        {items && items.length === 0 ? <p className="muted">{none}</p> : null}
        {items && items.length > 0 ? render(items) : null}
      </div>
    </div>
  );
}
