import { describe, expect, it } from 'vitest';
import { loadNicknameFilter, NicknameFilter, parseWordList } from './nickname-filter.ts';

describe('NicknameFilter', () => {
  const f = new NicknameFilter(['ass', 'retard*', '*wanker', '*fuck*']);

  it.each(['ass', 'ASS', 'a$$', 'Ass!', 'ａｓｓ', 'Big Ass', 'retarded', 'Retard', 'bigwanker', 'f.u.c.k', 'FUUUCK', 'fück', 'f u c k', 'xXfuckXx'])(
    'catches %s',
    (name) => expect(f.blocks(name)).toBe(true),
  );

  it.each(['Cassandra', 'Class', 'Douglass', 'Bass player', 'Swanky', 'Ann', 'Player 7', ''])('lets %s through', (name) => {
    expect(f.blocks(name)).toBe(false);
  });

  it('folds Cyrillic and Greek look-alikes and digits', () => {
    expect(new NicknameFilter(['*shit*']).blocks('ѕhit')).toBe(true);
    expect(new NicknameFilter(['*shit*']).blocks('5H1T')).toBe(true);
    expect(new NicknameFilter(['*bitch*']).blocks('b|tch')).toBe(true);
  });

  describe('the bundled list in the shipped languages', () => {
    const bundled = loadNicknameFilter({});
    it.each([
      ['German', 'Arschloch99'],
      ['German, ß spelt ss', 'SCHEISSE'],
      ['Spanish', 'Gilipollas'],
      ['French, accent dropped', 'Enculé'],
      ['Polish', 'kurwa mać'],
      ['Portuguese', 'Caralho'],
      ['Arabic', 'عاهرة'],
      ['Arabic with harakat and tatweel', 'عَاهِـــرَة'],
      ['Chinese inside a longer name', '我是傻逼啊'],
      ['Chinese in full-width letters beside it', 'ＡＢ王八蛋'],
    ])('catches %s: %s', (_language, name) => expect(bundled.blocks(name)).toBe(true));
    it.each([
      ['German', 'Schneewittchen'],
      ['Spanish', 'Computadora'],
      ['French', 'Connor'],
      ['Polish', 'Kuba'],
      ['Arabic', 'ليلى'],
      ['Arabic, a word containing a listed short word', 'كسرة'],
      ['Chinese', '小明'],
      ['Chinese, a name with 王', '王小二'],
      ['emoji', 'Panda 🐼'],
    ])('lets %s through: %s', (_language, name) => expect(bundled.blocks(name)).toBe(false));
  });

  it('reads list files with comments, and the bundled list loads', () => {
    expect(parseWordList('# comment\nfoo\n  bar  # trailing\n\n')).toEqual(['foo', 'bar']);
    const bundled = loadNicknameFilter({});
    expect(bundled.size).toBeGreaterThan(30);
    expect(bundled.blocks('Scunthorpe')).toBe(false);
    expect(loadNicknameFilter({ NICKNAME_BLOCKLIST_FILE: 'none' }).size).toBe(0);
    expect(loadNicknameFilter({ NICKNAME_BLOCKLIST_FILE: 'none', NICKNAME_BLOCKLIST: 'rhubarb, *custard*' }).blocks('Custard Pie')).toBe(true);
  });
});
