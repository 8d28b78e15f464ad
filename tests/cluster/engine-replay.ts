import type { DomainEvent, EventOf } from '@quizbus/shared';
import { decide, evolve, type Command, type GameState } from '../../server/src/engine/index.ts';

/**
 * Plays a game again on the embedded engine with the same players, answers and response
 * times as a recorded log, and returns each player's final score. If the cluster scored as
 * the embedded default does, the two agree.
 */
export function embeddedScores(log: readonly DomainEvent[]): Map<string, number> {
  const created = log.find((e): e is EventOf<'game.created'> => e.type === 'game.created');
  if (!created) throw new Error('no game.created in the log');
  let state: GameState | null = null;
  let seq = 0;
  let now = created.at;
  const run = (command: Command): void => {
    const d = decide(state, command, now);
    if (!d.ok) throw new Error(`${command.type}: ${d.code} ${d.message}`);
    for (const draft of d.events) state = evolve(state, { ...draft, gameId: created.gameId, seq: ++seq, at: now });
  };
  const current = (): GameState => {
    if (!state) throw new Error('no state');
    return state;
  };
  run({ type: 'create', gameId: created.gameId, ...created.data, hostTokenHash: 'host' });
  for (const e of log) if (e.type === 'player.joined') run({ type: 'join', ...e.data });
  run({ type: 'start', hostTokenHash: 'host' });
  const answers = log.filter((e): e is EventOf<'answer.accepted'> => e.type === 'answer.accepted');
  for (let index = 0; index < created.data.questions.length; index += 1) {
    const run0 = current().current;
    if (!run0) throw new Error('no question on screen');
    now = run0.opensAt;
    run({ type: 'tick' });
    const mine = answers.filter((a) => a.data.index === index).sort((a, b) => a.data.responseMs - b.data.responseMs);
    for (const a of mine) {
      now = run0.opensAt + a.data.responseMs;
      run({ type: 'answer', playerId: a.data.playerId, index, answer: a.data.answer });
    }
    if (current().phase === 'open') run({ type: 'skip', hostTokenHash: 'host' });
    run({ type: 'next', hostTokenHash: 'host' });
    run({ type: 'next', hostTokenHash: 'host' });
  }
  const scores = new Map<string, number>();
  for (const p of current().players.values()) scores.set(p.id, p.score);
  return scores;
}
