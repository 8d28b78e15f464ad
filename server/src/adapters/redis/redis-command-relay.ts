import { randomUUID } from 'node:crypto';
import type { CommandRelay, RelayResult } from '../../ports/command-relay.ts';
import { channels } from './keys.ts';
import type { RedisLink } from './redis-link.ts';

interface Request<C> {
  id: string;
  replyTo: string;
  command: C;
}

interface Reply<R> {
  id: string;
  reply: R;
}

/**
 * Commands forwarded over Redis pub/sub: the owner listens on the game's command channel and
 * answers on the sender's reply channel. PUBLISH reports how many listened, so "nobody owns
 * this game" is known at once rather than after a timeout; on a cluster SPUBLISH's count is the
 * game's shard's subscribers, which is where the owner subscribes (redis-link.ts).
 *
 * Replies are batched per sender: the replies an owner has for one node at the end of a
 * microtask run (the outcomes of every game whose appends came back in one read, with
 * autopipelining often dozens of games) go as one PUBLISH of a JSON array. The batch goes out
 * on `process.nextTick`, before any timer or I/O callback, so before the game's next command
 * (which waits a turn, GameRuntime's turnBetweenCommands) can publish later events.
 */
export class RedisCommandRelay<C, R> implements CommandRelay<C, R> {
  private readonly serving = new Map<string, (command: C) => Promise<R>>();
  private readonly pending = new Map<string, (reply: R) => void>();
  /** Replies waiting for the next tick, by the sender's reply channel. */
  private readonly outbox = new Map<string, Array<Reply<R>>>();
  private readonly replyChannel: string;
  private ready: Promise<unknown>;
  private readonly onMessage = (channel: string, raw: string): void => {
    if (channel === this.replyChannel) {
      const replies = safeParse<Reply<R> | Array<Reply<R>>>(raw);
      for (const reply of Array.isArray(replies) ? replies : replies ? [replies] : []) this.pending.get(reply.id)?.(reply.reply);
      return;
    }
    const handler = this.serving.get(channel);
    const request = handler ? safeParse<Request<C>>(raw) : null;
    if (!handler || !request) return;
    // A bus message has nobody to answer but the reply channel; see the rejection handler.
    void handler(request.command).then(
      (reply) => this.queueReply(request.replyTo, { id: request.id, reply }),
      () => undefined, // the sender times out; the handler logs its own failures
    );
  };

  private queueReply(to: string, reply: Reply<R>): void {
    const batch = this.outbox.get(to);
    if (batch) {
      batch.push(reply);
      return;
    }
    this.outbox.set(to, [reply]);
    if (this.outbox.size === 1) process.nextTick(this.flushReplies);
  }

  private readonly flushReplies = (): void => {
    for (const [to, replies] of this.outbox) {
      // Lost only with Redis unreachable: each sender then times out and says OUTCOME_UNKNOWN.
      this.link.publish(to, JSON.stringify(replies)).catch(() => undefined);
    }
    this.outbox.clear();
  };

  constructor(
    private readonly link: RedisLink,
    nodeId: string,
  ) {
    this.replyChannel = channels.replies(nodeId);
    link.onMessage(this.onMessage);
    this.ready = link.subscribe(this.replyChannel);
  }

  async serve(gameId: string, handler: (command: C) => Promise<R>): Promise<() => Promise<void>> {
    const channel = channels.commands(gameId);
    this.serving.set(channel, handler);
    await this.link.subscribe(channel);
    return async () => {
      if (this.serving.get(channel) !== handler) return;
      this.serving.delete(channel);
      // Fails only with Redis unreachable; a request then finds no handler and the sender times out.
      await this.link.unsubscribe(channel).catch(() => undefined);
    };
  }

  async send(gameId: string, command: C, timeoutMs: number): Promise<RelayResult<R>> {
    await this.ready;
    const id = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<RelayResult<R>>((resolve) => {
      this.pending.set(id, (reply) => resolve({ kind: 'reply', reply }));
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    });
    try {
      const request: Request<C> = { id, replyTo: this.replyChannel, command };
      // The reply comes on the subscriber connection, PUBLISH's listener count on the command
      // connection: a reply that is in is proof enough of an owner. Waiting for the count too
      // let the game's later events (read meanwhile on the subscriber) reach sockets before the ack.
      const published = this.link.publish(channels.commands(gameId), JSON.stringify(request)).then((listeners) =>
        listeners === 0 ? ({ kind: 'no-owner' } as const) : answered,
      );
      return await Promise.race([answered, published]);
    } finally {
      clearTimeout(timer);
      this.pending.delete(id);
    }
  }

  async close(): Promise<void> {
    this.link.offMessage(this.onMessage);
    this.serving.clear();
  }
}

function safeParse<T>(raw: string): T | null {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
