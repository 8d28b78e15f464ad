import { useEffect, useState } from 'react';
import { GameClient, type Identity } from './game-client.ts';

/**
 * A game client for a host console or display that lives as long as the screen: attached
 * with `identity` on mount (and after every reconnect), closed on unmount.
 */
export function useScreenClient(identity: Identity | null): GameClient | null {
  const [client, setClient] = useState<GameClient | null>(null);
  const key = identity ? JSON.stringify(identity) : null;
  useEffect(() => {
    if (!identity) return;
    const c = new GameClient();
    setClient(c);
    void c.attach(identity);
    return () => {
      c.close();
      setClient(null);
    };
    // The identity is compared by value (key), not by object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return client;
}
