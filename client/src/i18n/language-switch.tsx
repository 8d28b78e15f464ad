import { useId } from 'react';
import { useLocale } from './i18n-context.ts';
import { LOCALES, type LocaleCode } from './locales.ts';

/**
 * The language picker on the join page, the host console and the display. Each language is
 * listed in its own name and script, so anyone finds theirs whatever the screen shows now.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t, setLocale } = useLocale();
  const id = useId();
  return (
    <div className={`language-switch ${className ?? ''}`}>
      <label htmlFor={id} className="language-switch__label">
        {t('language.label')}
      </label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as LocaleCode)}>
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
