/**
 * Which live game a PIN belongs to. PINs are unique among live games: `claim` succeeds for
 * one game only until the PIN is released.
 */
export interface GameDirectory {
  /** Reserves a PIN for a game; false if another live game holds it. */
  claim(pin: string, gameId: string): Promise<boolean>;
  /** The game holding a PIN, or null. */
  lookup(pin: string): Promise<string | null>;
  /** Frees a PIN (the game ended and was removed). */
  release(pin: string, gameId: string): Promise<void>;
}
