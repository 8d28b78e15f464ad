import { sliderBucketCount, sliderBucketRange, type SliderScale } from '@quizbus/shared';

interface SliderHistogramProps {
  scale: SliderScale;
  /** Answers per band (distribution.histogram). */
  counts: readonly number[];
  value: number;
  tolerance: number;
}

// No grouping: a slider's values are often years (1969, not 1,969).
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, useGrouping: false });

/** "12" for a one-value band, "10–14.5" for a wider one. */
function bandLabel(from: number, to: number): string {
  return from === to ? number.format(from) : `${number.format(from)}–${number.format(to)}`;
}

/**
 * The slider reveal: how the class spread over the scale, one bar per band, with the bands
 * that count as right (the answer ± tolerance) marked by colour and a tick, never colour alone.
 */
export function SliderHistogram({ scale, counts, value, tolerance }: SliderHistogramProps) {
  const n = sliderBucketCount(scale);
  const max = Math.max(1, ...counts);
  const bands = Array.from({ length: n }, (_, i) => {
    const { from, to } = sliderBucketRange(scale, i);
    const right = to >= value - tolerance && from <= value + tolerance;
    return { i, from, to, right, count: counts[i] ?? 0 };
  });
  return (
    <figure className="histogram">
      <ol className="histogram__bars" aria-label="How the class answered, along the scale">
        {bands.map((b) => (
          <li key={b.i} className={`histogram__band${b.right ? ' histogram__band--right' : ''}`} data-count={b.count}>
            <span className="histogram__count">{b.count > 0 ? b.count : ''}</span>
            <span className="histogram__bar" aria-hidden="true" style={{ blockSize: `${(b.count / max) * 100}%` }} />
            <span className="sr-only">
              {bandLabel(b.from, b.to)}: {b.count} {b.count === 1 ? 'answer' : 'answers'}
              {b.right ? ', right' : ''}
            </span>
            {b.right ? (
              <span className="histogram__tick" aria-hidden="true">
                ✓
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <figcaption className="histogram__scale" aria-hidden="true">
        <span>{number.format(scale.min)}</span>
        <span>{number.format(scale.max)}</span>
      </figcaption>
    </figure>
  );
}
