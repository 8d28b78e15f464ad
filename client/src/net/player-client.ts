import { GameClient } from './game-client.ts';

let shared: GameClient | null = null;

/**
 * The phone's one game client, shared by the join page and the player page so that joining
 * and playing use the same socket (no disconnect/reconnect blip between the two screens).
 */
export function playerClient(): GameClient {
  shared ??= new GameClient();
  return shared;
}

/** Drops the phone's client (after leaving or being kicked); the next call starts afresh. */
export function resetPlayerClient(): void {
  shared?.close();
  shared = null;
}
