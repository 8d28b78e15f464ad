import { useSyncExternalStore } from 'react';
import type { GameClient, GameClientState } from './game-client.ts';

/** The game client's state as React state: re-renders on every change. */
export function useGameState(client: GameClient): GameClientState {
  return useSyncExternalStore(client.subscribe, client.getState);
}
