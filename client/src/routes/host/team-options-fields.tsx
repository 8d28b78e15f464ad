import { MAX_TEAMS, MIN_TEAMS, type TeamOptions } from '@quizbus/shared';
import { TextField } from '../../components/text-field.tsx';
import { useLocale } from '../../i18n/i18n-context.ts';

const TALK_SECONDS = [0, 5, 10, 15, 20, 30];

interface TeamOptionsFieldsProps {
  value: TeamOptions | undefined;
  onChange: (teams: TeamOptions | undefined) => void;
}

/**
 * Team mode in the start form: on/off, how many teams and their names (prefilled "Team 1", …
 * in the teacher's language), whether students pick their team, and the team talk.
 */
export function TeamOptionsFields({ value, onChange }: TeamOptionsFieldsProps) {
  const { t } = useLocale();
  const defaults = (count: number) => Array.from({ length: count }, (_, i) => t('teams.defaultName', { number: i + 1 }));
  const setCount = (count: number) => {
    if (!value) return;
    const names = defaults(count).map((fallback, i) => value.names[i] ?? fallback);
    onChange({ ...value, names });
  };
  const setName = (i: number, name: string) => {
    if (value) onChange({ ...value, names: value.names.map((n, j) => (j === i ? name : n)) });
  };
  return (
    <fieldset className="team-options">
      <label className="check">
        <input type="checkbox" checked={value !== undefined} onChange={(e) => onChange(e.target.checked ? { names: defaults(MIN_TEAMS), playersChoose: false, talkMs: 0 } : undefined)} />
        <span>
          <span className="check__label">{t('options.teams')}</span>
          <span className="check__hint">{t('options.teamsHint')}</span>
        </span>
      </label>
      {value ? (
        <div className="team-options__details">
          <label className="field">
            <span className="field-label">{t('options.teamCount')}</span>
            <select className="input" value={value.names.length} onChange={(e) => setCount(Number(e.target.value))}>
              {Array.from({ length: MAX_TEAMS - MIN_TEAMS + 1 }, (_, i) => MIN_TEAMS + i).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {value.names.map((name, i) => (
            <TextField key={i} label={t('options.teamName', { number: i + 1 })} value={name} maxLength={24} required onChange={(v) => setName(i, v)} />
          ))}
          <label className="check">
            <input type="checkbox" checked={value.playersChoose} onChange={(e) => onChange({ ...value, playersChoose: e.target.checked })} />
            <span>
              <span className="check__label">{t('options.teamChoose')}</span>
              <span className="check__hint">{t('options.teamChooseHint')}</span>
            </span>
          </label>
          <label className="field">
            <span className="field-label">{t('options.teamTalk')}</span>
            <select className="input" value={value.talkMs / 1000} onChange={(e) => onChange({ ...value, talkMs: Number(e.target.value) * 1000 })}>
              {TALK_SECONDS.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('options.teamTalkNone') : t('options.teamTalkSeconds', { seconds: s })}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
