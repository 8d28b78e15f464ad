import { answerStyle } from './answer-style.ts';
import { ShapeIcon } from './shape-icon.tsx';
import { useT } from '../i18n/i18n-context.ts';

interface OptionTilesProps {
  options: readonly string[];
  /** Indexes of the right options, once revealed; the others are dimmed. None for a poll. */
  correct?: readonly number[];
  /** Answers per option, once revealed. */
  counts?: readonly number[];
}

/**
 * The options of a choice question on a big screen: color, shape and letter on each, and
 * after the close a count bar, a check mark on the right ones and the others dimmed (a poll,
 * with no right answer, only shows the spread).
 */
export function OptionTiles({ options, correct, counts }: OptionTilesProps) {
  const t = useT();
  const revealed = counts !== undefined;
  const max = Math.max(1, ...(counts ?? []));
  return (
    <ul className={`option-tiles option-tiles--${options.length}`} aria-label={revealed ? t('tiles.revealedLabel') : t('play.answers')}>
      {options.map((text, i) => {
        const style = answerStyle(i);
        const right = correct?.includes(i) ?? false;
        const count = counts?.[i];
        return (
          <li key={i} className={`option-tile ${style.className}${correct && !right ? ' option-tile--dim' : ''}`} data-fit-box="">
            <ShapeIcon shape={style.shape} size={36} />
            <span className="option-tile__letter" aria-hidden="true">
              {style.letter}
            </span>
            {/* The stage's fit shrinks all tiles alike until the longest word fits its tile. */}
            <span className="option-tile__text" data-fit-box="">
              <span className="sr-only">{style.letter}: </span>
              <bdi>{text}</bdi>
            </span>
            {right ? <span className="option-tile__check">✓<span className="sr-only"> {t('tiles.right')}</span></span> : null}
            {count !== undefined ? (
              <span className="option-tile__count">
                <span className="option-tile__bar" aria-hidden="true" style={{ transform: `scaleX(${count / max})` }} />
                <span className="option-tile__count-number">{count}</span>
                <span className="sr-only"> {t('tiles.answersUnit', { count })}</span>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
