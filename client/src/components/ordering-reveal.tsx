import { useT } from '../i18n/i18n-context.ts';

interface OrderingRevealProps {
  items: readonly string[];
  /** Display indexes in the right order. */
  order: readonly number[];
  /** Per item (display index): answers that put it in its right place. */
  placedRight: readonly number[] | undefined;
  answered: number;
}

/** The ordering reveal: the right order, and beside each item how many placed it right. */
export function OrderingReveal({ items, order, placedRight, answered }: OrderingRevealProps) {
  const t = useT();
  return (
    <ol className="order-reveal" aria-label={t('reveal.orderLabel')}>
      {order.map((item, place) => {
        const right = placedRight?.[item];
        return (
          <li key={item} className="order-reveal__item">
            <span className="order-reveal__place" aria-hidden="true">
              {place + 1}
            </span>
            <span className="order-reveal__text" data-fit-box="">
              {items[item]}
            </span>
            {right !== undefined ? (
              <span className="order-reveal__count">
                <span className="order-reveal__bar" aria-hidden="true">
                  <span style={{ inlineSize: `${answered > 0 ? (right / answered) * 100 : 0}%` }} />
                </span>
                <span className="order-reveal__number">
                  {right}
                  <span className="sr-only"> {t('reveal.placedOf', { answered })}</span>
                </span>
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
