import { useEffect, useState } from 'react';
import { getJoinBaseUrl } from './api.ts';

/**
 * The link phones join a game with, from the server (PUBLIC_URL or its network address):
 * `known` when the page already has it (the create-game response), else fetched.
 */
export function useJoinUrl(pin: string, known?: string | null): string | null {
  const [url, setUrl] = useState<string | null>(known ?? null);
  useEffect(() => {
    if (known) {
      setUrl(known);
      return;
    }
    let live = true;
    getJoinBaseUrl()
      .then((base) => live && setUrl(`${base}/?pin=${pin}`))
      .catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [pin, known]);
  return url;
}
