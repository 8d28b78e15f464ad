import { useLayoutEffect, useState } from 'react';

/** The smallest share of its CSS font size a box shrinks to, unless told otherwise. */
const MIN_SHARE = 0.3;
/** Binary-search steps: 2^-8 of the range is finer than a pixel at any screen size. */
const STEPS = 8;

/** True when the box and every `[data-fit-box]` inside it show all their content. */
export function fitsInside(box: HTMLElement): boolean {
  // Strict: scroll sizes are whole pixels, so "+1" would let a word stick out by over a pixel.
  if (box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth) return false;
  for (const inner of box.querySelectorAll<HTMLElement>('[data-fit-box]')) {
    if (inner.scrollHeight > inner.clientHeight || inner.scrollWidth > inner.clientWidth) return false;
  }
  return true;
}

/** Scroll sizes round away fractions of a pixel: a found size is kept this much smaller. */
const SAFETY = 0.98;

/** The largest font size in [lo, hi] at which the box fits (lo when none does). */
function search(box: HTMLElement, lo: number, hi: number): number {
  for (let i = 0; i < STEPS; i += 1) {
    const mid = (lo + hi) / 2;
    box.style.fontSize = `${mid}px`;
    if (fitsInside(box)) lo = mid;
    else hi = mid;
  }
  box.style.fontSize = `${lo * SAFETY}px`;
  return lo;
}

/**
 * Shrinks the box's font size (from the size its CSS gives it, down to `minShare` of it) until
 * its content fits the box's size, which the layout fixes. Every size inside is in `em`, so the
 * whole box scales as one, and a long word (a German compound, a nickname) shrinks instead of
 * breaking mid-word. Only when even the smallest size cannot hold a word does the box get
 * `data-fit-break`, under which CSS may let words break.
 */
export function fitText(box: HTMLElement, minShare = MIN_SHARE): void {
  box.style.fontSize = '';
  delete box.dataset.fitBreak;
  if (fitsInside(box)) return;
  const full = parseFloat(getComputedStyle(box).fontSize);
  search(box, full * minShare, full);
  if (fitsInside(box)) return;
  box.dataset.fitBreak = '';
  box.style.fontSize = '';
  if (!fitsInside(box)) search(box, full * minShare, full);
}

/**
 * Keeps a box's text fitted: again when its size changes (window, panels opening beside it) and
 * when elements come or go inside it (players joining, a reveal appearing). Text that changes in
 * place refits only with `watchText` (a short label reused for the next question's text); a
 * stage does not watch it, as its countdown changes every second and keeps its width.
 */
export function useFitText<T extends HTMLElement>(minShare = MIN_SHARE, watchText = false): (box: T | null) => void {
  // A state, not a ref object: when the box element is replaced (another phase) the effect runs again.
  const [box, setBox] = useState<T | null>(null);
  useLayoutEffect(() => {
    if (!box) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitText(box, minShare));
    };
    fitText(box, minShare);
    // jsdom (component tests) has no ResizeObserver and no layout to fit.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resize?.observe(box);
    const mutation = new MutationObserver(schedule);
    mutation.observe(box, { childList: true, subtree: true, characterData: watchText });
    return () => {
      cancelAnimationFrame(frame);
      resize?.disconnect();
      mutation.disconnect();
    };
  }, [box, minShare, watchText]);
  return setBox;
}
