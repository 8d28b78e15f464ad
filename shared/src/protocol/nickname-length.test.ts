import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphemeCount, NICKNAME_MAX } from './nickname-length.ts';

const FAMILY = '👨\u200d👩\u200d👧'; // three people joined by zero-width joiners: 5 code points, 8 UTF-16 units

/** Issue 12, point 6: a nickname's length as a reader counts it, the same on phone and server. */
describe('graphemeCount', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('counts what a reader sees as one character as one', () => {
    expect(graphemeCount('Ann')).toBe(3);
    // "é" and "ë" written as a letter plus a combining accent.
    expect(graphemeCount('Zoe\u0308 Ame\u0301lie')).toBe(10);
    expect(graphemeCount('👍🏽')).toBe(1); // emoji + skin tone modifier
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(graphemeCount('👨\u200d👩\u200d👧\u200d👦')).toBe(1);
    expect(graphemeCount('🇫🇷🇩🇪')).toBe(2); // two flags, each a pair of regional indicators
    expect(graphemeCount('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).toBe(1); // Scotland: black flag + tags
    expect(graphemeCount('❤️')).toBe(1); // heart + emoji presentation selector
    expect(graphemeCount('')).toBe(0);
  });

  it('lets 24 family emoji fit where UTF-16 units or code points would not', () => {
    // 192 UTF-16 units (what the old maxLength counted) and 120 code points (the old server count).
    expect(graphemeCount(FAMILY.repeat(NICKNAME_MAX))).toBe(NICKNAME_MAX);
    expect(graphemeCount('🦊'.repeat(30))).toBe(30);
  });

  it('counts code points where the browser has no Intl.Segmenter, never fewer than graphemes', async () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    vi.resetModules();
    const fallback = await import('./nickname-length.ts');
    expect(fallback.graphemeCount(FAMILY)).toBe(5);
    expect(fallback.graphemeCount('Ann')).toBe(3);
  });
});
