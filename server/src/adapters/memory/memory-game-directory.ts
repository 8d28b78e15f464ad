import type { GameDirectory } from '../../ports/game-directory.ts';

/** PIN → game id in this process. */
export class MemoryGameDirectory implements GameDirectory {
  private readonly pins = new Map<string, string>();

  async claim(pin: string, gameId: string): Promise<boolean> {
    const holder = this.pins.get(pin);
    if (holder !== undefined) return holder === gameId;
    this.pins.set(pin, gameId);
    return true;
  }

  async lookup(pin: string): Promise<string | null> {
    return this.pins.get(pin) ?? null;
  }

  async release(pin: string, gameId: string): Promise<void> {
    if (this.pins.get(pin) === gameId) this.pins.delete(pin);
  }
}
