import { useLayoutEffect, useState } from 'react';

/** The smallest share of its CSS font size a box may shrink to before it gives up. */
const MIN_SHARE = 0.3;
/** Binary-search steps: 2^-8 of the range is finer than a pixel at any screen size. */
const STEPS = 8;

/** True when the box and every `[data-fit-box]` inside it show all their content. */
export function fitsInside(box: HTMLElement): boolean {
  if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) return false;
  for (const inner of box.querySelectorAll<HTMLElement>('[data-fit-box]')) {
    if (inner.scrollHeight > inner.clientHeight + 1 || inner.scrollWidth > inner.clientWidth + 1) return false;
  }
  return true;
}

/**
 * Shrinks the box's font size (from the size its CSS gives it) until its content fits the box's
 * size, which the layout fixes. Every size inside is in `em`, so the whole box scales as one, and
 * a long word (a German compound, a nickname) shrinks instead of breaking mid-word.
 */
export function fitText(box: HTMLElement): void {
  box.style.fontSize = '';
  if (fitsInside(box)) return;
  const full = parseFloat(getComputedStyle(box).fontSize);
  let lo = full * MIN_SHARE;
  let hi = full;
  for (let i = 0; i < STEPS; i += 1) {
    const mid = (lo + hi) / 2;
    box.style.fontSize = `${mid}px`;
    if (fitsInside(box)) lo = mid;
    else hi = mid;
  }
  box.style.fontSize = `${lo}px`;
}

/**
 * Keeps a box's text fitted: again when its size changes (window, panels opening beside it) and
 * when elements come or go inside it (players joining, a reveal appearing). Text that changes in
 * place (a countdown) does not refit: numbers use tabular figures and keep their width.
 */
export function useFitText<T extends HTMLElement>(): (box: T | null) => void {
  // A state, not a ref object: when the box element is replaced (another phase) the effect runs again.
  const [box, setBox] = useState<T | null>(null);
  useLayoutEffect(() => {
    if (!box) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitText(box));
    };
    fitText(box);
    const resize = new ResizeObserver(schedule);
    resize.observe(box);
    const mutation = new MutationObserver(schedule);
    mutation.observe(box, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutation.disconnect();
    };
  }, [box]);
  return setBox;
}
