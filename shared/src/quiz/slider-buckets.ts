/**
 * The slider reveal's histogram: the scale cut into at most `SLIDER_BUCKETS_MAX` equal bands,
 * so a reveal stays the same small size however many players answer and however fine the
 * step. Server (tallying) and client (labelling the bars) share these functions.
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

/** How many bands the scale is cut into: one per position when there are few, else the maximum. */
export function sliderBucketCount(s: SliderScale): number {
  return Math.min(SLIDER_BUCKETS_MAX, stepCount(s));
}

/** The band a value falls in (values outside the scale go to the nearest end). */
export function sliderBucketOf(s: SliderScale, value: number): number {
  const n = sliderBucketCount(s);
  const i = n === stepCount(s) ? Math.round((value - s.min) / s.step) : Math.floor(((value - s.min) / (s.max - s.min)) * n);
  return Math.min(n - 1, Math.max(0, i));
}

/** The lowest and highest value of band i, for labels (equal when a band is one position). */
export function sliderBucketRange(s: SliderScale, i: number): { from: number; to: number } {
  const n = sliderBucketCount(s);
  if (n === stepCount(s)) {
    const v = s.min + i * s.step;
    return { from: v, to: v };
  }
  const width = (s.max - s.min) / n;
  return { from: s.min + i * width, to: i === n - 1 ? s.max : s.min + (i + 1) * width };
}
