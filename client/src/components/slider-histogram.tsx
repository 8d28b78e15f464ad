import { sliderBucketCount, sliderBucketRange, type SliderScale } from '@quizbus/shared';
import type { Formatters } from '../i18n/format.ts';
import { useLocale } from '../i18n/i18n-context.ts';

interface SliderHistogramProps {
  scale: SliderScale;
  /** Answers per band (distribution.histogram). */
  counts: readonly number[];
  value: number;
  tolerance: number;
}

/** "12" for a one-value band, "10–14.5" for a wider one. */
function bandLabel(format: Formatters, from: number, to: number): string {
  return from === to ? format.decimal(from) : `${format.decimal(from)}–${format.decimal(to)}`;
}

/**
 * The slider reveal: how the class spread over the scale, one bar per band, with the bands
 * that count as right (the answer ± tolerance) marked by colour and a tick, never colour alone.
 */
export function SliderHistogram({ scale, counts, value, tolerance }: SliderHistogramProps) {
  const { t, format } = useLocale();
  const n = sliderBucketCount(scale);
  const max = Math.max(1, ...counts);
  const bands = Array.from({ length: n }, (_, i) => {
    const { from, to } = sliderBucketRange(scale, i);
    const right = to >= value - tolerance && from <= value + tolerance;
    return { i, from, to, right, count: counts[i] ?? 0 };
  });
  return (
    <figure className="histogram">
      <ol className="histogram__bars" aria-label={t('reveal.histogramLabel')}>
        {bands.map((b) => (
          <li key={b.i} className={`histogram__band${b.right ? ' histogram__band--right' : ''}`} data-count={b.count}>
            <span className="histogram__count">{b.count > 0 ? b.count : ''}</span>
            <span className="histogram__bar" aria-hidden="true" style={{ blockSize: `${(b.count / max) * 100}%` }} />
            <span className="sr-only">
              {t(b.right ? 'reveal.bandRight' : 'reveal.band', { band: bandLabel(format, b.from, b.to), count: b.count })}
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
        <span>{format.decimal(scale.min)}</span>
        <span>{format.decimal(scale.max)}</span>
      </figcaption>
    </figure>
  );
}
