import type { GameOptions } from '@quizbus/shared';
import { useState, type FormEvent } from 'react';
import { useT, type MessageId } from '../../i18n/i18n-context.ts';
import { TeamOptionsFields } from './team-options-fields.tsx';

const OPTIONS: Array<{ key: keyof GameOptions; label: MessageId; hint: MessageId }> = [
  { key: 'accuracyMode', label: 'options.accuracy', hint: 'options.accuracyHint' },
  { key: 'shuffleAnswers', label: 'options.shuffle', hint: 'options.shuffleHint' },
  { key: 'allowLateJoin', label: 'options.lateJoin', hint: 'options.lateJoinHint' },
  { key: 'streakBonus', label: 'options.streak', hint: 'options.streakHint' },
  { key: 'askStudentId', label: 'options.studentId', hint: 'options.studentIdHint' },
  { key: 'generatedNicknames', label: 'options.nicknames', hint: 'options.nicknamesHint' },
];

export const DEFAULT_OPTIONS: GameOptions = { accuracyMode: false, shuffleAnswers: false, allowLateJoin: false, streakBonus: true };

/** The options a teacher picks before starting a game, as a small form. */
export function StartGameForm({ title, busy, onStart, onCancel }: { title: string; busy: boolean; onStart: (o: GameOptions) => void; onCancel: () => void }) {
  const t = useT();
  const [options, setOptions] = useState<GameOptions>(DEFAULT_OPTIONS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart(options);
  };
  return (
    <form className="start-form" onSubmit={submit} aria-label={t('options.formLabel', { title })}>
      <fieldset>
        <legend>{t('options.legend')}</legend>
        {OPTIONS.map((o) => (
          <label key={o.key} className="check">
            <input type="checkbox" checked={options[o.key] === true} onChange={(e) => setOptions({ ...options, [o.key]: e.target.checked })} />
            <span>
              <span className="check__label">{t(o.label)}</span>
              <span className="check__hint">{t(o.hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TeamOptionsFields value={options.teams} onChange={(teams) => setOptions(withTeams(options, teams))} />
      <div className="start-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('options.starting') : t('options.open')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The options with team mode set, or without the field when it is off. */
function withTeams(options: GameOptions, teams: GameOptions['teams']): GameOptions {
  const { teams: _old, ...rest } = options;
  return teams ? { ...rest, teams } : rest;
}
