/** Locale-aware formatting of the numbers, times and names a screen shows (all `Intl`). */
export interface Formatters {
  /** 1234 → "1,234" / "1.234" / "١٬٢٣٤". */
  number(value: number): string;
  /** A value with up to two decimals: 12.5 → "12.5" / "12,5". */
  decimal(value: number): string;
  /** "a", "a and b", "a, b and c" in the language's words. */
  list(items: readonly string[]): string;
  /** A ratio 0..1 → "75 %" / "75%". */
  percent(ratio: number): string;
  /** Milliseconds → "3.2 s" / "3,2 s", minutes above a minute ("2 min 5 s"). */
  duration(ms: number): string;
  /** A timestamp → the locale's medium date and short time. */
  dateTime(epochMs: number): string;
  /** Orders names as a reader of this language expects (accents, case, digits by value). */
  compare(a: string, b: string): number;
}

/** A value made on first use and kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Formatters for one locale; build once per locale change. Each Intl object is made on first
 * use: making all of them up front cost ~140 ms of a slowed phone CPU before the join page
 * showed (docs/phone-budget.md), and most screens use two or three of them.
 */
export function makeFormatters(locale: string): Formatters {
  const integer = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
  const decimal = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const list = once(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const percent = once(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const seconds = once(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }));
  const wholeSeconds = once(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 }));
  const minutes = once(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 }));
  const dateTime = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const collator = once(() => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
  return {
    number: (value) => integer().format(value),
    decimal: (value) => decimal().format(value),
    list: (items) => list().format(items),
    percent: (ratio) => percent().format(ratio),
    duration: (ms) => {
      if (ms < 60_000) return seconds().format(ms / 1000);
      const whole = Math.round(ms / 1000);
      const rest = whole % 60;
      const m = minutes().format(Math.floor(whole / 60));
      return rest === 0 ? m : `${m} ${wholeSeconds().format(rest)}`;
    },
    dateTime: (epochMs) => dateTime().format(epochMs),
    compare: (a, b) => collator().compare(a, b),
  };
}
