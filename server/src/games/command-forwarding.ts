import type { Logger } from 'pino';
import { reject, type Command, type CommandType, type GameState } from '../engine/index.ts';
import type { CommandRelay } from '../ports/command-relay.ts';
import type { GameReplica } from './game-replica.ts';
import type { Accepted, Outcome } from './game-runtime.ts';

/** Runs once this node's state has reached an accepted command's result. */
export type AfterCommand<T extends CommandType> = (state: GameState, outcome: Accepted<T>) => void;

/** What forwarding needs of the node: its own games, its copies of the others, takeover. */
export interface ForwardingNode {
  /** Runs a command on a game this node owns; null if it does not own the game. */
  runHere<T extends CommandType>(gameId: string, command: Extract<Command, { type: T }>, then?: AfterCommand<T>): Promise<Outcome<T>> | null;
  owns(gameId: string): boolean;
  open(gameId: string): Promise<GameState | null>;
  stateOf(gameId: string): GameState | undefined;
  replica(gameId: string): GameReplica | undefined;
  takeOver(gameId: string): Promise<boolean>;
}

export interface CommandForwardingOptions {
  relay: CommandRelay<Command, Outcome>;
  logger: Logger;
  relayTimeoutMs?: number;
}

/**
 * Runs commands on a game's owner wherever it is: here if this node owns the game, else over
 * the relay; a game with no owner is taken over and the command asked again.
 */
export class CommandForwarding {
  private readonly timeoutMs: number;

  constructor(
    private readonly o: CommandForwardingOptions,
    private readonly node: ForwardingNode,
  ) {
    this.timeoutMs = o.relayTimeoutMs ?? 5000;
  }

  /**
   * Runs a command on the game's owner. `then` runs synchronously once this node's state has
   * reached the command's result, before any later event reaches this node's sockets.
   */
  async execute<T extends CommandType>(gameId: string, command: Extract<Command, { type: T }>, then?: AfterCommand<T>): Promise<Outcome<T>> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const here = this.node.runHere(gameId, command, then);
      if (here) return here;
      const sent = await this.o.relay.send(gameId, command, this.timeoutMs).catch(() => ({ kind: 'timeout' as const }));
      if (this.o.logger.isLevelEnabled('debug')) this.o.logger.debug({ gameId, command: command.type, relay: sent.kind }, 'forwarded');
      if (sent.kind === 'timeout') break;
      if (sent.kind === 'no-owner') {
        await this.node.takeOver(gameId); // or someone else did: either way, ask again
        continue;
      }
      const outcome = sent.reply as Outcome<T>;
      if (outcome.ok && then && (await this.reached(gameId, outcome.seq))) {
        const state = this.node.stateOf(gameId);
        if (state) then(state, outcome);
      }
      return outcome;
    }
    return reject('UNAVAILABLE', 'The game cannot be reached right now; try again.');
  }

  /** Waits until this node's copy of a game has caught up with `seq`. */
  private async reached(gameId: string, seq: number): Promise<boolean> {
    if (!(await this.node.open(gameId))) return false;
    if (this.node.owns(gameId)) return true;
    const replica = this.node.replica(gameId);
    return replica ? replica.reach(seq, this.timeoutMs) : false;
  }
}
