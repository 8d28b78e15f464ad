import { replayResponseSchema, type ReplayResponse } from '@quizbus/shared';

/** A finished game's display steps, rebuilt by the server from its log (GET /api/games/:pin/replay). */
export async function getReplay(pin: string): Promise<ReplayResponse> {
  const res = await fetch(`/api/games/${encodeURIComponent(pin)}/replay`);
  if (!res.ok) throw new Error(res.status === 409 ? 'The game can be replayed once it has ended.' : 'The replay could not be loaded.');
  return replayResponseSchema.parse(await res.json());
}
