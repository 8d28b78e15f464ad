import { commandSchemas } from '@quizbus/shared';
import type { Clock } from '../ports/clock.ts';
import { fail } from './command-handler.ts';
import { payloadProblem } from './payload-size.ts';
import { ruleOf, TokenBucket, type BucketRule } from './token-bucket.ts';

export interface CommandGuardOptions {
  clock: Clock;
  /** Largest payload, JSON-sized (MAX_COMMAND_BYTES). */
  maxBytes: number;
  /** Commands per second per socket and the burst (COMMAND_RATE, COMMAND_BURST); rate 0 is off. */
  rate: number;
  burst: number;
  /** Counts refusals by command and code (unknown names count as "unknown"). */
  observe?: (command: string, outcome: string, seconds: number) => void;
}

/**
 * Answers have a bucket of their own, so that nothing else a socket sends can cost a player
 * an answer. A player sends one answer per question (five seconds at the least); twenty at
 * once and two a second after that is far beyond any honest client, and only bounds a script.
 */
export const ANSWER_RULE: BucketRule = { capacity: 20, perMs: 2 / 1000 };

/** The rate state the guard keeps for one connection (it lives on the connection). */
export interface GuardState {
  commands: TokenBucket | null;
  answers: TokenBucket | null;
}

type Ack = (res: unknown) => void;

/**
 * The first thing every incoming command meets, before any schema or handler: a socket over
 * its rate gets RATE_LIMITED; a payload over the size limit PAYLOAD_TOO_LARGE (before any
 * parsing or schema); an unknown command name BAD_REQUEST. Only what passes reaches the
 * handlers. One guard serves every socket of a node; a socket's buckets are its GuardState,
 * so a connection costs two small objects here and no closure.
 */
export class CommandGuard {
  private readonly rule: BucketRule | null;

  constructor(private readonly options: CommandGuardOptions) {
    this.rule = ruleOf(options.rate, 1000, options.burst);
  }

  /** The buckets of a new connection, full. */
  state(): GuardState {
    const now = this.options.clock.now();
    return this.rule ? { commands: new TokenBucket(this.rule, now), answers: new TokenBucket(ANSWER_RULE, now) } : { commands: null, answers: null };
  }

  /** Whether the command may go on; when not, it has been acknowledged with the refusal. */
  admit(state: GuardState, event: unknown, args: unknown[], ack: Ack): boolean {
    const known = typeof event === 'string' && Object.hasOwn(commandSchemas, event);
    const bucket = event === 'answer.submit' ? state.answers : state.commands;
    if (bucket && !bucket.take(this.options.clock.now())) return this.refuse(known, event, ack, 'RATE_LIMITED', 'Too many commands from this connection; slow down.');
    const problem = payloadProblem(args, this.options.maxBytes);
    if (problem === 'too-large') return this.refuse(known, event, ack, 'PAYLOAD_TOO_LARGE', `A command carries at most ${Math.floor(this.options.maxBytes / 1024)} KB.`);
    if (problem === 'too-deep') return this.refuse(known, event, ack, 'BAD_REQUEST', 'The payload is nested too deeply.');
    if (problem === 'unreadable') return this.refuse(known, event, ack, 'BAD_REQUEST', 'The payload cannot be read.');
    // Every command is acknowledged, an unknown one too: a client waiting on its ack must not hang.
    if (!known) return this.refuse(known, event, ack, 'BAD_REQUEST', 'Unknown command.');
    return true;
  }

  private refuse(known: boolean, event: unknown, ack: Ack, code: Parameters<typeof fail>[0], message: string): false {
    ack(fail(code, message));
    this.options.observe?.(known ? (event as string) : 'unknown', code, 0);
    return false;
  }
}
