import { commandSchemas } from '@quizbus/shared';
import type { Clock } from '../ports/clock.ts';
import { fail } from './command-handler.ts';
import { payloadProblem } from './payload-size.ts';
import type { QuizbusSocket } from './socket-types.ts';
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

type Ack = (res: unknown) => void;
type Middleware = (packet: unknown[], next: (err?: Error) => void) => void;

/**
 * The first thing every incoming packet meets, before any listener (a Socket.IO socket
 * middleware): a command without an ack callback is dropped; a socket over its rate gets
 * RATE_LIMITED; a payload over the size limit PAYLOAD_TOO_LARGE (before any parsing or
 * schema); an unknown command name BAD_REQUEST. Only what passes reaches the handlers.
 */
export function commandGuard(options: CommandGuardOptions): (socket: QuizbusSocket) => Middleware {
  const rule = ruleOf(options.rate, 1000, options.burst);
  return () => {
    const now = options.clock.now();
    const commands = rule ? new TokenBucket(rule, now) : null;
    const answers = rule ? new TokenBucket(ANSWER_RULE, now) : null;
    return (packet, next) => {
      const [event, ...rest] = packet;
      const last = rest[rest.length - 1];
      // Without a callback nothing can be acknowledged; the protocol drops such a command.
      if (typeof last !== 'function') return;
      const ack = last as Ack;
      const args = rest.slice(0, -1);
      const known = typeof event === 'string' && Object.hasOwn(commandSchemas, event);
      const label = known ? event : 'unknown';
      const refuse = (code: Parameters<typeof fail>[0], message: string) => {
        ack(fail(code, message));
        options.observe?.(label, code, 0);
      };
      const bucket = event === 'answer.submit' ? answers : commands;
      if (bucket && !bucket.take(options.clock.now())) {
        refuse('RATE_LIMITED', 'Too many commands from this connection; slow down.');
        return;
      }
      const problem = payloadProblem(args, options.maxBytes);
      if (problem === 'too-large') {
        refuse('PAYLOAD_TOO_LARGE', `A command carries at most ${Math.floor(options.maxBytes / 1024)} KB.`);
        return;
      }
      if (problem === 'too-deep') {
        refuse('BAD_REQUEST', 'The payload is nested too deeply.');
        return;
      }
      // Every command is acknowledged, an unknown one too: a client waiting on its ack must not hang.
      if (!known) {
        refuse('BAD_REQUEST', 'Unknown command.');
        return;
      }
      next();
    };
  };
}
