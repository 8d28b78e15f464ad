import { describe, expect, it } from 'vitest';
import { checkNickname, nicknameKey } from '../engine/nickname.ts';
import { generateNickname } from './nickname-generator.ts';
import { NICKNAME_ADJECTIVES, NICKNAME_ANIMALS } from './nickname-words.ts';

/** A seeded stand-in for crypto's randomInt, so the test is repeatable. */
function seeded(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

describe('generated nicknames', () => {
  it('makes valid two-word names from the word lists', () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i += 1) {
      const name = generateNickname(random, () => false);
      const [adjective, animal, more] = name.split(' ');
      expect(more).toBeUndefined();
      expect(NICKNAME_ADJECTIVES).toContain(adjective);
      expect(NICKNAME_ANIMALS).toContain(animal);
      expect(checkNickname(name)).toMatchObject({ ok: true, nickname: name });
    }
  });

  it('never hands out a taken name, ignoring case, and still finds the last free one', () => {
    const taken = new Set<string>();
    const random = seeded(3);
    const total = NICKNAME_ADJECTIVES.length * NICKNAME_ANIMALS.length;
    for (let i = 0; i < total; i += 1) {
      const name = generateNickname(random, (k) => taken.has(k));
      expect(taken.has(nicknameKey(name))).toBe(false);
      taken.add(nicknameKey(name));
    }
    // All pairs are used: a number makes the next one unique.
    const extra = generateNickname(random, (k) => taken.has(k));
    expect(extra).toMatch(/^\w+ \w+ \d+$/);
    expect(taken.has(nicknameKey(extra))).toBe(false);
  });

  it('does not give back the name a re-roll wants to leave', () => {
    const always = () => 0;
    const first = generateNickname(always, () => false);
    expect(generateNickname(always, () => false, first)).not.toBe(first);
  });
});
