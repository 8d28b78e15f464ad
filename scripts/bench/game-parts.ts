/** Some of a generator's bots: `count` of them in the game with `pin`, numbered from `firstNumber`. */
export interface GamePart {
  pin: string;
  count: number;
  firstNumber: number;
}

/**
 * One generator's players as parts of games: the players of all games in a row (`perGame`
 * each, game after game), this generator taking `count` of them from number `first` (1-based).
 */
export function partsOf(pins: readonly string[], perGame: number, first: number, count: number): GamePart[] {
  const parts: GamePart[] = [];
  let n = first;
  const end = first + count;
  while (n < end) {
    const game = Math.floor((n - 1) / perGame);
    const gameEnd = (game + 1) * perGame + 1;
    const take = Math.min(end, gameEnd) - n;
    parts.push({ pin: pins[game] as string, count: take, firstNumber: n });
    n += take;
  }
  return parts;
}
