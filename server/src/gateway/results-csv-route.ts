import express, { type Router } from 'express';
import type { GameNode } from '../games/game-node.ts';
import { hashToken, sameHash } from '../games/tokens.ts';
import { reportLabels, requestLocale } from '../i18n/report-labels.ts';
import { resultsCsv } from './results-csv.ts';

/**
 * `GET /api/games/:pin/results.csv`: the results table for the host, authorised by the host
 * token in the `x-host-token` header (a header, not the URL, so the token stays out of logs
 * and browser history). Available in every phase; most useful after the podium.
 */
export function resultsCsvRoute(node: GameNode): Router {
  const r = express.Router();
  r.get('/api/games/:pin/results.csv', async (req, res) => {
    const pin = String(req.params.pin);
    const gameId = /^\d{6}$/.test(pin) ? await node.resolvePin(pin) : null;
    const state = gameId ? await node.peek(gameId) : null;
    if (!state) {
      res.status(404).json({ error: { code: 'GAME_NOT_FOUND', message: 'No game with that PIN is running.' } });
      return;
    }
    const token = req.get('x-host-token') ?? '';
    if (!token || !sameHash(hashToken(token), state.hostTokenHash)) {
      res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'That host token does not open this game.' } });
      return;
    }
    res
      .status(200)
      .set({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="quizbus-${pin}-results.csv"`,
        'cache-control': 'no-store',
      })
      .send(resultsCsv(state, reportLabels(requestLocale(req.query.lang, req.get('accept-language')))));
  });
  return r;
}
