import type { Answer } from '@quizbus/shared';
import { useState, type DragEvent } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import { moveItem } from '../../state/move-item.ts';

interface OrderingAnswerProps {
  items: readonly string[];
  disabled: boolean;
  onAnswer: (answer: Answer) => void;
}

/**
 * An ordering question. Three ways to move an item, for every kind of hand: tap one item and
 * then another to swap them; the ↑ ↓ buttons (keyboard and screen readers); or drag with a
 * mouse. The answer lists the items' indexes as the player saw them.
 */
export function OrderingAnswer({ items, disabled, onAnswer }: OrderingAnswerProps) {
  const t = useT();
  const [order, setOrder] = useState<number[]>(() => items.map((_, i) => i));
  const [picked, setPicked] = useState<number | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');

  const move = (from: number, to: number) => {
    setOrder((o) => moveItem(o, from, to));
    const item = items[order[from] ?? 0];
    setAnnounce(t('play.movedTo', { item: item ?? '', place: to + 1 }));
  };
  const tap = (pos: number) => {
    if (picked === null) {
      setPicked(pos);
      return;
    }
    if (picked !== pos) {
      setOrder((o) => {
        const next = [...o];
        const a = next[picked] as number;
        next[picked] = next[pos] as number;
        next[pos] = a;
        return next;
      });
      setAnnounce(t('play.swapped'));
    }
    setPicked(null);
  };
  const drop = (e: DragEvent, pos: number) => {
    e.preventDefault();
    if (dragFrom !== null && dragFrom !== pos) move(dragFrom, pos);
    setDragFrom(null);
  };

  return (
    <div className="ordering-answer">
      <p className="ordering-answer__help">{t('play.orderingHelp')}</p>
      <ol className="ordering-answer__list">
        {order.map((itemIndex, pos) => {
          const text = items[itemIndex] ?? '';
          return (
            <li
              key={itemIndex}
              className={`ordering-item${picked === pos ? ' ordering-item--picked' : ''}`}
              draggable={!disabled}
              onDragStart={() => setDragFrom(pos)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => drop(e, pos)}
            >
              <span className="ordering-item__place" aria-hidden="true">
                {pos + 1}
              </span>
              <button
                type="button"
                className="ordering-item__text"
                aria-label={t('play.placeItem', { place: pos + 1, item: text })}
                aria-pressed={picked === pos}
                disabled={disabled}
                onClick={() => tap(pos)}
              >
                {text}
              </button>
              <span className="ordering-item__moves">
                <button type="button" className="icon-button" disabled={disabled || pos === 0} onClick={() => move(pos, pos - 1)} aria-label={t('play.moveUp', { item: text })}>
                  ↑
                </button>
                <button type="button" className="icon-button" disabled={disabled || pos === order.length - 1} onClick={() => move(pos, pos + 1)} aria-label={t('play.moveDown', { item: text })}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <button type="button" className="button button--primary button--large button--block" disabled={disabled} onClick={() => onAnswer({ kind: 'order', order })}>
        {t('play.lockOrder')}
      </button>
    </div>
  );
}
