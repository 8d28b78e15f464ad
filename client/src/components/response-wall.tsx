import type { CloudWord, OpenAnswerEntry, ResponseWall } from '@quizbus/shared';
import { useT } from '../i18n/i18n-context.ts';
import '../styles/wall.css';

/** What the host can do with a wall; the display gets none of it. */
export interface WallModeration {
  onHideWord: (index: number, word: string, hidden: boolean) => void;
  onApprove: (index: number, playerId: string, approved: boolean) => void;
}

/**
 * The words of a word cloud or the answers of an open-answer question, as the server sent them
 * for this screen: the display's copy holds only visible words and approved answers, the host's
 * everything the filter let through, with buttons to hide words and approve answers.
 */
export function ResponseWallView({ wall, moderation }: { wall: ResponseWall; moderation?: WallModeration | undefined }) {
  const t = useT();
  return (
    <section className="wall" aria-label={wall.words ? t('wall.cloud') : t('wall.answers')}>
      {wall.words ? <WordCloud index={wall.index} words={wall.words} moderation={moderation} /> : null}
      {wall.answers ? <OpenAnswers index={wall.index} answers={wall.answers} moderation={moderation} /> : null}
      {moderation && wall.blocked ? <p className="wall__note">{t('wall.blocked', { count: wall.blocked })}</p> : null}
    </section>
  );
}

/** Sizes between 1 and 3 em by count relative to the most frequent word. */
function sizeOf(count: number, most: number): string {
  const share = most <= 1 ? 1 : (count - 1) / (most - 1);
  return `${(1 + share * 2).toFixed(2)}em`;
}

function WordCloud({ index, words, moderation }: { index: number; words: CloudWord[]; moderation?: WallModeration | undefined }) {
  const t = useT();
  if (words.length === 0) return <p className="wall__empty">{t('wall.waiting')}</p>;
  const most = Math.max(...words.map((w) => w.count));
  return (
    <ul className="wall__cloud">
      {words.map((w) => (
        <li key={w.key} className={`wall__word${w.hidden ? ' wall__word--hidden' : ''}`} style={{ fontSize: sizeOf(w.count, most) }}>
          <span className="wall__word-text">{w.text}</span>
          <span className="wall__count">{w.count}</span>
          {moderation ? (
            <button type="button" className="button button--small button--quiet" onClick={() => moderation.onHideWord(index, w.key, !w.hidden)}>
              {w.hidden ? t('wall.show', { word: w.text }) : t('wall.hide', { word: w.text })}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function OpenAnswers({ index, answers, moderation }: { index: number; answers: OpenAnswerEntry[]; moderation?: WallModeration | undefined }) {
  const t = useT();
  if (answers.length === 0) return <p className="wall__empty">{moderation ? t('wall.waiting') : t('wall.noneApproved')}</p>;
  return (
    <ul className="wall__answers">
      {answers.map((a) => (
        <li key={a.playerId} className={`wall__answer${a.approved === false ? ' wall__answer--pending' : ''}`}>
          <p className="wall__answer-text">{a.text}</p>
          {moderation ? (
            <button type="button" className="button button--small" aria-pressed={a.approved === true} onClick={() => moderation.onApprove(index, a.playerId, a.approved !== true)}>
              {a.approved ? t('wall.withdraw') : t('wall.approve')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
