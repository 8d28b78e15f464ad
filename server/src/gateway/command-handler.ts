import { commandSchemas, type Ack, type CommandName, type CommandPayload, type ErrorCode } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CommandGuard } from './command-guard.ts';
import type { Connection } from './connection.ts';

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
 * One command's handler. It may send its ack early through `reply` (join and resume do, the
 * moment the socket is seated, so that the ack reaches the client before any event that
 * follows); whatever it returns afterwards is then ignored.
 */
export type CommandHandler<K extends CommandName> = (conn: Connection, payload: CommandPayload<K>, reply: (res: Ack<K>) => void) => Promise<Ack<K>> | Ack<K>;

/** A handler for every command of the protocol: the compiler checks none is missing. */
export type CommandHandlers = { [K in CommandName]: CommandHandler<K> };

type Observe = (command: string, outcome: string, seconds: number) => void;

export interface DispatchOptions {
  logger: Logger;
  /** Rate, size and name checks before anything else (none in hand-built test gateways). */
  guard?: Pick<CommandGuard, 'admit'>;
  /** Counts each command by type and outcome, with its latency. */
  observe?: Observe;
}

/**
 * Builds the one function every incoming packet of every socket goes through: guard, parse
 * with the command's zod schema, run its handler, ack exactly once. A command sent without a
 * callback cannot be acknowledged and is dropped; malformed input gets BAD_REQUEST and reaches
 * nothing else; an unknown name gets BAD_REQUEST too, so that no client waits on an ack forever.
 *
 * It is shared by all sockets (installed as each socket's packet middleware), rather than a
 * listener per socket and command: fourteen listeners per socket were the largest part of a
 * player's heap that was not Socket.IO's own.
 */
export function commandDispatcher(handlers: CommandHandlers, o: DispatchOptions): (conn: Connection, packet: unknown[]) => void {
  return (conn, packet) => {
    const event = packet[0];
    const last = packet[packet.length - 1];
    if (packet.length < 2 || typeof last !== 'function') return;
    const ack = once(last as (res: unknown) => void);
    const args = packet.slice(1, -1);
    // Whatever throws before the handler (the guard, a schema) is the server's bug, not the
    // client's: it gets INTERNAL like a handler's throw, and the socket goes on. Without this a
    // throw here would escape into Socket.IO's middleware and the command would get no ack.
    try {
      if (o.guard && !o.guard.admit(conn, event, args, ack)) return;
      if (typeof event !== 'string' || !Object.hasOwn(commandSchemas, event)) {
        ack(fail('BAD_REQUEST', 'Unknown command.'));
        return;
      }
      const name = event as CommandName;
      // Socket.IO does not wait for listeners; runCommand answers through `ack` and catches
      // every failure itself (it never rejects).
      void runCommand(conn, name, handlers[name] as CommandHandler<CommandName>, args, ack, o);
    } catch (err) {
      internalError(o, err, conn, event, 'command guard failed');
      ack(fail('INTERNAL', INTERNAL_MESSAGE));
    }
  };
}

const INTERNAL_MESSAGE = 'Something went wrong on the server.';

/** Logs a server-side failure with the command's name (cut short: any string can arrive as one). */
function internalError(o: DispatchOptions, err: unknown, conn: Connection, event: unknown, message: string): void {
  const command = typeof event === 'string' ? event.slice(0, 64) : typeof event;
  o.logger.error({ err, command, socket: conn.socket.id }, message);
}

/** The client's ack callback, made to answer at most once whoever calls it. */
function once(ack: (res: unknown) => void): (res: unknown) => void {
  let sent = false;
  return (res) => {
    if (sent) return;
    sent = true;
    ack(res);
  };
}

/** One command from one socket: parse, handle, ack exactly once. */
async function runCommand<K extends CommandName>(
  conn: Connection,
  name: K,
  handler: CommandHandler<K>,
  args: unknown[],
  ack: (res: Ack<K>) => void,
  o: DispatchOptions,
): Promise<void> {
  const reply = replyOnce(ack, name, o.observe);
  try {
    // Inside the try: a schema that throws (a getter, a proxy) must not leave the command unanswered.
    const parsed = commandSchemas[name].safeParse(args.length > 0 ? args[0] : undefined);
    if (!parsed.success) {
      reply(fail('BAD_REQUEST', describeIssues(parsed.error)));
      return;
    }
    reply(await handler(conn, parsed.data as CommandPayload<K>, reply));
  } catch (err) {
    internalError(o, err, conn, name, 'command handler failed');
    reply(fail('INTERNAL', INTERNAL_MESSAGE));
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
