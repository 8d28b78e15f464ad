/**
 * The slider reveal's histogram: the scale's positions (min, min + step, … max) grouped into
 * at most `SLIDER_BUCKETS_MAX` bands of equal whole numbers of positions, so a reveal stays the
 * same small size however many players answer and however fine the step, and every band's
 * label is a value a player could pick. Server (tallying) and client (labels) share these.
 */

/** The most bars a slider histogram has. */
export const SLIDER_BUCKETS_MAX = 20;

export interface SliderScale {
  min: number;
  max: number;
  step: number;
}

/** Positions on the scale: (max − min) / step + 1. */
function stepCount(s: SliderScale): number {
  return s.step > 0 && s.max > s.min ? Math.floor((s.max - s.min) / s.step + 1e-9) + 1 : 1;
}

/** Positions per band: 1 while the scale has at most the maximum, else as few as keep within it. */
function perBand(s: SliderScale): number {
  return Math.ceil(stepCount(s) / SLIDER_BUCKETS_MAX);
}

/** How many bands the scale is cut into: one per position when there are few, never more than the maximum. */
export function sliderBucketCount(s: SliderScale): number {
  return Math.ceil(stepCount(s) / perBand(s));
}

/** The band a value falls in (values outside the scale go to the nearest end). */
export function sliderBucketOf(s: SliderScale, value: number): number {
  const position = s.step > 0 ? Math.round((value - s.min) / s.step) : 0;
  return Math.min(sliderBucketCount(s) - 1, Math.max(0, Math.floor(position / perBand(s))));
}

/** The lowest and highest value of band i, for labels (equal when a band is one position). */
export function sliderBucketRange(s: SliderScale, i: number): { from: number; to: number } {
  const k = perBand(s);
  const from = s.min + i * k * s.step;
  return { from, to: Math.min(s.max, from + (k - 1) * s.step) };
}
