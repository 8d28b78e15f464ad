import { nicknameKey } from '../engine/nickname.ts';
import { NICKNAME_ADJECTIVES, NICKNAME_ANIMALS } from './nickname-words.ts';
import type { RandomInt } from './tokens.ts';

/**
 * Picks a two-word nickname ("Brave Otter") that `taken` does not hold (by nickname key, so
 * case and width do not matter). Randomness lives here, outside the engine, which checks the
 * pick again when it decides. Random tries first; if the game is nearly full of generated
 * names, a scan from a random start finds a free one; only when all 4 096 are taken does it
 * add a number ("Brave Otter 2").
 */
export function generateNickname(random: RandomInt, taken: (key: string) => boolean, avoid?: string): string {
  const adjectives = NICKNAME_ADJECTIVES.length;
  const animals = NICKNAME_ANIMALS.length;
  const total = adjectives * animals;
  const nameAt = (i: number) => `${NICKNAME_ADJECTIVES[Math.floor(i / animals)] as string} ${NICKNAME_ANIMALS[i % animals] as string}`;
  const free = (name: string) => !taken(nicknameKey(name)) && name !== avoid;
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const name = nameAt(random(total));
    if (free(name)) return name;
  }
  const start = random(total);
  for (let i = 0; i < total; i += 1) {
    const name = nameAt((start + i) % total);
    if (free(name)) return name;
  }
  const base = nameAt(start);
  for (let n = 2; ; n += 1) if (free(`${base} ${n}`)) return `${base} ${n}`;
}
