import type { Messages } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import ar from './catalogs/ar.json';
import de from './catalogs/de.json';
import en from './catalogs/en.json';
import zh from './catalogs/zh-CN.json';
import { matchLocale, pickLocale } from './detect-locale.ts';
import { makeI18nValue } from './i18n-context.ts';

const value = (code: 'en' | 'de' | 'ar' | 'zh-CN', messages: object) => makeI18nValue(code, messages as Messages, () => {});

describe('language detection', () => {
  it("takes the device's earlier choice over the browser's preference", () => {
    expect(pickLocale('ar', ['de-DE', 'en'])).toBe('ar');
  });

  it("takes the first preferred language that ships, by region then by language", () => {
    expect(pickLocale(null, ['sw', 'de-AT', 'en'])).toBe('de');
    expect(pickLocale(null, ['zh-Hans-SG'])).toBe('zh-CN');
    expect(matchLocale('ZH-cn')).toBe('zh-CN');
    expect(pickLocale('xx', ['sw'])).toBe('en');
  });
});

describe('messages at run time', () => {
  it('orders places with ICU selectordinal, not English suffixes', () => {
    const t = value('en', en).t;
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((rank) => t('play.finalPlace', { rank }))).toEqual(
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st'].map((o) => `${o} place`),
    );
    expect(value('de', de).t('play.finalPlaceOf', { rank: 2, total: 30 })).toBe('2. Platz von 30');
    expect(value('zh-CN', zh).t('play.finalPlace', { rank: 2 })).toBe('第 2 名');
  });

  it("picks Arabic's six plural forms and writes Western digits", () => {
    const t = value('ar', ar).t;
    expect([0, 1, 2, 3, 11, 100].map((count) => t('common.players', { count }))).toEqual([
      'لا لاعبين',
      'لاعب واحد',
      'لاعبان',
      '3 لاعبين',
      '11 لاعبًا',
      '100 لاعب',
    ]);
    expect(value('ar', ar).format.number(1234)).toBe('1,234');
  });

  it('formats numbers, percentages and durations the way each language writes them', () => {
    const deFormat = value('de', de).format;
    expect(deFormat.number(12345)).toBe('12.345');
    expect(deFormat.percent(0.75)).toBe('75\u00a0%');
    expect(deFormat.duration(3200)).toBe('3,2 Sek.');
    expect(value('en', en).format.duration(125_000)).toBe('2 min 5 sec');
  });

  it('sorts names with the collator of the language', () => {
    const names = ['Zoë', 'émile', 'Ava', 'Ömer', 'oscar', 'ana10', 'ana9'];
    expect([...names].sort(value('de', de).format.compare)).toEqual(['ana9', 'ana10', 'Ava', 'émile', 'Ömer', 'oscar', 'Zoë']);
  });
});
