import type { DomainEvent, DomainEventType, ReplayResponse, ReplayStep } from '@quizbus/shared';
import { evolve, screenView, type GameState } from '../engine/index.ts';

/** Events after which the big screen shows something new; answers and joins only move counts. */
const SCREEN_STEPS: ReadonlySet<DomainEventType> = new Set([
  'game.started',
  'question.shown',
  'question.opened',
  'question.closed',
  'leaderboard.shown',
  'game.ended',
  // The host trimming a word cloud or approving an open answer changes what the display shows.
  'word.hidden',
  'answer.approved',
]);

/**
 * Rebuilds what the display showed from a game's log, folding each event through the engine's
 * own `evolve` (no second implementation of the rules). The first step is the lobby as it was
 * just before the start; then one step per screen-changing event, stamped with the event's time.
 */
export function replaySteps(events: readonly DomainEvent[]): ReplayResponse {
  const steps: ReplayStep[] = [];
  let state: GameState | null = null;
  const startedAt = events[0]?.at ?? 0;
  let previous: DomainEvent | undefined;
  for (const event of events) {
    if (state && previous && event.type === 'game.started') steps.push(step(state, previous, 'lobby', startedAt));
    state = evolve(state, event);
    previous = event;
    if (SCREEN_STEPS.has(event.type)) steps.push(step(state, event, event.type, startedAt));
  }
  return { title: state?.title ?? '', eventCount: events.length, steps };
}

function step(state: GameState, event: DomainEvent, type: string, startedAt: number): ReplayStep {
  // A copy: the view must not change when later events evolve the state.
  const view = structuredClone(screenView(state, 'display', event.at));
  return { seq: state.seq, type, offsetMs: event.at - startedAt, view };
}
