import type { GameOptions } from '@quizbus/shared';
import { useState, type FormEvent } from 'react';

const OPTIONS: Array<{ key: keyof GameOptions; label: string; hint: string }> = [
  { key: 'accuracyMode', label: 'Accuracy mode', hint: 'No speed bonus: every right answer earns full points.' },
  { key: 'shuffleAnswers', label: 'Shuffle answers', hint: 'The options appear in a random order (the same for everyone).' },
  { key: 'allowLateJoin', label: 'Allow late join', hint: 'Students can join after the start and play from the next question.' },
  { key: 'streakBonus', label: 'Streak bonus', hint: 'Extra points for right answers in a row.' },
  { key: 'askStudentId', label: 'Ask for name or student id', hint: 'Each student also gives a name or id; only you see it, in the game report.' },
  { key: 'generatedNicknames', label: 'Hand out nicknames', hint: 'Students get a friendly two-word nickname (they may re-roll it 3 times) instead of typing one.' },
];

export const DEFAULT_OPTIONS: GameOptions = { accuracyMode: false, shuffleAnswers: false, allowLateJoin: false, streakBonus: true };

/** The options a teacher picks before starting a game, as a small form. */
export function StartGameForm({ title, busy, onStart, onCancel }: { title: string; busy: boolean; onStart: (o: GameOptions) => void; onCancel: () => void }) {
  const [options, setOptions] = useState<GameOptions>(DEFAULT_OPTIONS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart(options);
  };
  return (
    <form className="start-form" onSubmit={submit} aria-label={`Start a game of ${title}`}>
      <fieldset>
        <legend>Game options</legend>
        {OPTIONS.map((o) => (
          <label key={o.key} className="check">
            <input type="checkbox" checked={options[o.key] === true} onChange={(e) => setOptions({ ...options, [o.key]: e.target.checked })} />
            <span>
              <span className="check__label">{o.label}</span>
              <span className="check__hint">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="start-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Starting…' : 'Open the lobby'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
