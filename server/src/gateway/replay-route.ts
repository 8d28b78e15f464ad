import express, { type Router } from 'express';
import type { GameNode } from '../games/game-node.ts';
import { replaySteps } from '../games/game-replay.ts';
import type { EventLog } from '../ports/event-log.ts';

/**
 * `GET /api/games/:pin/replay`: the display's view of a finished game, step by step, rebuilt
 * from its log. Like the display it needs no token, and only once the game has ended: by then
 * every answer has been revealed on the big screen, so the replay shows nothing new.
 */
export function replayRoute(node: GameNode, log: EventLog): Router {
  const r = express.Router();
  r.get('/api/games/:pin/replay', async (req, res) => {
    const pin = String(req.params.pin);
    const gameId = /^\d{6}$/.test(pin) ? await node.resolvePin(pin) : null;
    const state = gameId ? await node.peek(gameId) : null;
    if (!gameId || !state) {
      res.status(404).json({ error: { code: 'GAME_NOT_FOUND', message: 'No game with that PIN is running.' } });
      return;
    }
    if (state.phase !== 'ended') {
      res.status(409).json({ error: { code: 'WRONG_PHASE', message: 'A game can be replayed once it has ended.' } });
      return;
    }
    res.status(200).set('cache-control', 'no-store').json(replaySteps(await log.read(gameId)));
  });
  return r;
}
