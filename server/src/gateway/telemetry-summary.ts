import type { DomainEvent } from '@quizbus/shared';

/**
 * A readable line for one domain event, built from an allow-list of fields so that nothing
 * secret can reach the panel: never a question's content or correct option (game.created holds
 * them), never a player's answer, grade or points, never a token hash or student id. An answer
 * is only "an answer to question n"; runs of them are counted by the caller.
 */
export function summarizeEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'game.created':
      return `game created: ${event.data.questions.length} questions`;
    case 'player.joined':
      // The nickname is on the display's player list already.
      return `${event.data.nickname} joined`;
    case 'player.disconnected':
      return 'a player went away';
    case 'player.reconnected':
      return 'a player came back';
    case 'player.kicked':
      return 'a player was removed';
    case 'player.renamed':
      return `a player is now ${event.data.nickname}`;
    case 'game.locked':
      return event.data.locked ? 'joining locked' : 'joining unlocked';
    case 'game.started':
      return 'game started';
    case 'player.teamChanged':
      return `a player moved to team ${event.data.team + 1}`;
    case 'teams.shuffled':
      return 'teams reshuffled';
    case 'question.shown':
      return `question ${event.data.index + 1} shown`;
    case 'question.opened':
      return `question ${event.data.index + 1} open for answers`;
    case 'answer.accepted':
      return `1 answer to question ${event.data.index + 1}`;
    case 'question.closed':
      return `question ${event.data.index + 1} closed (${event.data.reason})`;
    case 'word.hidden':
      // Never the word itself: the panel is on the big screen.
      return event.data.hidden ? `a word hidden from the cloud of question ${event.data.index + 1}` : `a word back in the cloud of question ${event.data.index + 1}`;
    case 'answer.approved':
      return event.data.approved ? `an answer to question ${event.data.index + 1} approved for the display` : `an answer to question ${event.data.index + 1} taken off the display`;
    case 'leaderboard.shown':
      return `leaderboard after question ${event.data.index + 1}`;
    case 'game.ended':
      return `game ended (${event.data.reason})`;
  }
}
