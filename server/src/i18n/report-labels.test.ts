import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS, reportLabels, requestLocale, SERVER_LOCALES } from './report-labels.ts';

describe('the language of a download', () => {
  it('takes ?lang= first, then the best Accept-Language entry that ships, else English', () => {
    expect(requestLocale('fr', 'de-DE')).toBe('fr');
    expect(requestLocale(undefined, 'sw;q=1, de-AT;q=0.8, en;q=0.9')).toBe('en');
    expect(requestLocale(undefined, 'sw, de-AT;q=0.8, pt;q=0.5')).toBe('de');
    expect(requestLocale(undefined, 'pt-PT')).toBe('pt-BR');
    expect(requestLocale('xx', 'zh-Hans-CN;q=0.9')).toBe('zh-CN');
    expect(requestLocale(undefined, undefined)).toBe('en');
    expect(requestLocale(undefined, '*')).toBe('en');
  });

  it('keeps the stable column keys in English and names every column in every other language', () => {
    expect(COLUMN_KEYS.map((k) => reportLabels('en').columns[k])).toEqual([...COLUMN_KEYS]);
    for (const locale of SERVER_LOCALES.filter((l) => l !== 'en')) {
      const columns = reportLabels(locale).columns;
      const names = COLUMN_KEYS.map((k) => columns[k]);
      expect(names.every((n) => n.trim().length > 0), locale).toBe(true);
      expect(new Set(names).size, `${locale}: column names are distinct`).toBe(names.length);
    }
  });
});
