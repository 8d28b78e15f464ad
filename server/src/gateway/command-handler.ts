import { commandSchemas, type Ack, type CommandName, type CommandPayload, type ErrorCode } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { QuizbusSocket } from './socket-types.ts';

/** What a handler returns: the ack body, without `ok`, or an error. */
export type HandlerResult<K extends CommandName> = Ack<K>;

export function fail(code: ErrorCode, message: string): { ok: false; error: { code: ErrorCode; message: string } } {
  return { ok: false, error: { code, message } };
}

/** A short, safe summary of a validation failure: path and message of the first issues. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`)
    .join('; ')
    .slice(0, 300);
}

/**
 * Registers one command: parse the payload with its zod schema, run the handler, ack.
 * Every command with an ack callback gets exactly one ack; malformed input gets BAD_REQUEST
 * and reaches nothing else. A command sent without a callback cannot be acknowledged and is
 * dropped.
 *
 * A handler may send its ack early through `reply` (join and resume do, the moment the socket
 * is seated, so that the ack reaches the client before any event that follows); whatever it
 * returns afterwards is then ignored.
 */
export function onCommand<K extends CommandName>(
  socket: QuizbusSocket,
  name: K,
  logger: Logger,
  handler: CommandHandler<K>,
  observe?: Observe,
): void {
  // One anonymous closure per socket and command, and nothing else: the work is in module-level
  // functions. A named closure here (`const listener = …`) costs far more than it looks, because
  // tsx compiles with esbuild's keepNames, which gives every such closure its own `name`
  // property: a 256-byte property dictionary per closure, over 3 KB per player for the commands.
  // Socket.IO's typed `on` wants the exact listener type of K; the listener validates its own input.
  (socket.on as (event: string, fn: (...args: unknown[]) => void) => void)(name, (...args) => void runCommand(socket, name, logger, handler, observe, args));
}

type CommandHandler<K extends CommandName> = (payload: CommandPayload<K>, reply: (res: Ack<K>) => void) => Promise<Ack<K>> | Ack<K>;
type Observe = (command: string, outcome: string, seconds: number) => void;

/** One command from one socket: parse, handle, ack exactly once. */
async function runCommand<K extends CommandName>(
  socket: QuizbusSocket,
  name: K,
  logger: Logger,
  handler: CommandHandler<K>,
  observe: Observe | undefined,
  args: unknown[],
): Promise<void> {
  const ack = args[args.length - 1];
  if (typeof ack !== 'function') return;
  const reply = replyOnce(ack as (res: Ack<K>) => void, name, observe);
  const parsed = commandSchemas[name].safeParse(args.length > 1 ? args[0] : undefined);
  if (!parsed.success) {
    reply(fail('BAD_REQUEST', describeIssues(parsed.error)) as Ack<K>);
    return;
  }
  try {
    reply(await handler(parsed.data as CommandPayload<K>, reply));
  } catch (err) {
    logger.error({ err, command: name, socket: socket.id }, 'command handler failed');
    reply(fail('INTERNAL', 'Something went wrong on the server.') as Ack<K>);
  }
}

/** The ack callback, made to answer once and to count the command with its latency. */
function replyOnce<K extends CommandName>(ack: (res: Ack<K>) => void, name: K, observe: Observe | undefined): (res: Ack<K>) => void {
  const started = performance.now();
  let sent = false;
  return (res) => {
    if (sent) return;
    sent = true;
    ack(res);
    observe?.(name, res.ok ? 'ok' : res.error.code, (performance.now() - started) / 1000);
  };
}
