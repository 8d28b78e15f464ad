import type { ReactNode } from 'react';
import { useFitText } from './use-fit-text.ts';

/**
 * A short text (an answer option, an item) that fits its own box: a long word shrinks this text
 * alone, not the whole screen around it. Clipped at its box, so anything that still does not
 * fit at the smallest size shows as cut (and the all-sizes test says so).
 */
export function FitLine({ className, minShare = 0.4, children }: { className: string; minShare?: number; children: ReactNode }) {
  const fit = useFitText<HTMLSpanElement>(minShare, true);
  return (
    <span ref={fit} className={`fit-line ${className}`}>
      {children}
    </span>
  );
}
