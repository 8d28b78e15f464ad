import type { EventEmitter } from 'node:events';
import calculateSlot from 'cluster-key-slot';
import type { Cluster, Redis, RedisCommander } from 'ioredis';
import type { Logger } from 'pino';

/**
 * What the adapters need of a Redis client: the commands, Lua scripts and pipelines that a
 * single `Redis` (plain or behind Sentinel) and a `Cluster` both offer. Every script and
 * multi-key command an adapter sends touches one slot (keys.ts's hash tags), so the same code
 * runs on both.
 */
export type RedisClient = RedisCommander & Pick<Redis, 'defineCommand' | 'pipeline' | 'multi' | 'disconnect'>;

/** A subscriber connection: the commands plus the events that carry messages, and its state. */
export type RedisSubscriber = RedisClient & EventEmitter & { readonly status: string };

/** How many replicas must hold an append before its ack goes out (REDIS_WAIT_REPLICAS). */
export interface ReplicaWait {
  replicas: number;
  /** WAIT's own timeout: after it the ack goes out anyway and a warning is logged. */
  timeoutMs: number;
}

/**
 * How long a master that answered WAIT with too few replicas is written to without waiting:
 * a promoted replica has none until one is attached again, and waiting out the timeout on every
 * append would stall its games. It is asked again after this.
 */
const SHORT_OF_REPLICAS_MS = 5000;

/** How long one SUBSCRIBE/SSUBSCRIBE (or its undoing) is waited for; then it is left to the healing. */
const SUBSCRIBE_TIMEOUT_MS = 2000;

/**
 * How long the subscriber connection must have been quiet (no node lost, no subscription
 * failed) before the link asserts every wanted subscription again: during a failover ioredis
 * loses a sharded subscriber every few milliseconds until the replica is promoted, and
 * re-subscribing then would only fail again.
 */
const SETTLE_MS = 1000;

/**
 * A subscription made this soon after a sign is asserted again too once things settle: ioredis
 * is still rebuilding its sharded subscribers then, and a confirmed SSUBSCRIBE can be one it
 * later fails to carry over.
 */
const UNSETTLED_MS = 5000;

/**
 * The one place that knows whether Quizbus talks to one Redis (plain or Sentinel) or to a Redis
 * Cluster. On a cluster a game's channels are sharded pub/sub (SPUBLISH/SSUBSCRIBE): a message
 * stays on the shard that holds its hash tag, and SPUBLISH's receiver count is that shard's
 * subscribers — the nodes serving the game, since ioredis subscribes on the slot's master, where
 * SPUBLISH runs too. Classic PUBLISH on a cluster would go to every node and count one node's
 * subscribers only. The adapters call publish/subscribe/onMessage here and never choose.
 */
export class RedisLink {
  private readonly shortOfReplicas = new Map<string, number>();
  private readonly messageEvent: 'message' | 'smessage';
  /** The channels the adapters subscribed to and have not unsubscribed from: what must hold on the server. */
  private readonly wanted = new Set<string>();
  /** When the subscriber last gave a sign that subscriptions may be gone; 0 when none is pending. */
  private doubtSince = 0;
  /** When the last such sign came, pending or not. */
  private lastSign = 0;
  private healing = false;

  constructor(
    /** The command connection (autopipelined). */
    readonly client: RedisClient,
    /** The subscriber connection. */
    readonly sub: RedisSubscriber,
    private readonly options: { sharded?: boolean; wait?: ReplicaWait; logger?: Logger } = {},
  ) {
    this.messageEvent = options.sharded ? 'smessage' : 'message';
    // ioredis re-subscribes by itself after a reconnect or a failover only what it recorded, and
    // during a Redis Cluster failover an SSUBSCRIBE can be lost between a dead master's sharded
    // subscriber and its replica's (seen: a game's new owner with no subscriber on its command
    // channel, so every forwarded command found "no owner" for minutes). The link keeps its own
    // list and, once the connection has settled after such a sign, subscribes it all again
    // (harmless for a channel still subscribed).
    const doubt = () => this.doubt();
    sub.on(options.sharded ? '-node' : 'ready', doubt);
    const timer = setInterval(() => void this.heal(), SETTLE_MS / 2);
    timer.unref();
    sub.once('end', () => clearInterval(timer));
  }

  /** Whether channels are sharded (cluster mode). */
  get sharded(): boolean {
    return this.options.sharded ?? false;
  }

  /** Publishes; resolves with how many subscribers received it (on the channel's shard, on a cluster). */
  async publish(channel: string, message: string): Promise<number> {
    return Number(this.sharded ? await this.client.spublish(channel, message) : await this.client.publish(channel, message));
  }

  /**
   * Subscribes; resolves once Redis confirmed it, or after a failed or slow attempt, which is
   * logged: the channel stays wanted and the link subscribes it as soon as Redis lets it (see
   * heal), so a caller never holds a half-made subscription it could not undo.
   */
  async subscribe(channel: string): Promise<void> {
    this.wanted.add(channel);
    const err = await this.trySubscribe(channel);
    if (err) {
      this.options.logger?.warn({ channel, err: err.message }, 'redis subscribe failed: retried once the connection settles');
      this.doubt();
    } else if (Date.now() - this.lastSign < UNSETTLED_MS) this.doubtSince = Date.now();
  }

  async unsubscribe(channel: string): Promise<void> {
    this.wanted.delete(channel);
    await withTimeout(this.sharded ? this.sub.sunsubscribe(channel) : this.sub.unsubscribe(channel), 'unsubscribe');
  }

  /** The error of one (S)SUBSCRIBE, or null once Redis has confirmed it. */
  private async trySubscribe(channel: string): Promise<Error | null> {
    try {
      await withTimeout(this.sharded ? this.sub.ssubscribe(channel) : this.sub.subscribe(channel), 'subscribe');
      return null;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /** A sign that subscriptions may be gone: a subscriber node lost, a reconnect, a failed subscribe. */
  private doubt(): void {
    this.doubtSince = Date.now();
    this.lastSign = this.doubtSince;
  }

  /**
   * Once the subscriber has been quiet for SETTLE_MS after a doubt, subscribes every wanted
   * channel again; a failure keeps the doubt, so it is tried again until Redis serves the slot.
   */
  private async heal(): Promise<void> {
    const since = this.doubtSince;
    if (since === 0 || this.healing || Date.now() - since < SETTLE_MS) return;
    if (this.wanted.size === 0) {
      this.doubtSince = 0;
      return;
    }
    this.healing = true;
    try {
      let failed = 0;
      for (const channel of [...this.wanted]) {
        if (!this.wanted.has(channel)) continue;
        if (await this.trySubscribe(channel)) failed += 1;
        // Unsubscribed meanwhile: undo what this round just made.
        else if (!this.wanted.has(channel)) await this.unsubscribe(channel).catch(() => undefined);
      }
      if (failed > 0) {
        // Redis still away: quietly again in a second (the connections log their own errors).
        this.doubtSince = Date.now();
        return;
      }
      if (this.doubtSince === since) this.doubtSince = 0;
      this.options.logger?.info({ channels: this.wanted.size }, 'redis subscriptions asserted again after a connection change');
    } finally {
      this.healing = false;
    }
  }

  /** Adds a listener for every message on the subscriber connection. */
  onMessage(handler: (channel: string, raw: string) => void): void {
    this.sub.on(this.messageEvent, handler);
  }

  offMessage(handler: (channel: string, raw: string) => void): void {
    this.sub.off(this.messageEvent, handler);
  }

  /**
   * Holds until REDIS_WAIT_REPLICAS replicas have every write made so far on the connection that
   * serves `key`'s slot (WAIT runs on that same connection: it counts that connection's writes).
   * Called after the append an ack depends on. On WAIT's timeout the caller acks anyway: the
   * event is on the master, only its copy is late; a warning says so, and that master is not
   * waited on for a few seconds (a promoted replica has no replica of its own yet).
   */
  async waitForReplicas(key: string): Promise<void> {
    const wait = this.options.wait;
    if (!wait || wait.replicas <= 0) return;
    const { conn, node } = this.connectionFor(key);
    if ((this.shortOfReplicas.get(node) ?? 0) > Date.now()) return;
    const acked = Number(await conn.wait(wait.replicas, wait.timeoutMs));
    if (acked < wait.replicas) {
      this.shortOfReplicas.set(node, Date.now() + SHORT_OF_REPLICAS_MS);
      this.options.logger?.warn({ master: node, acked, wanted: wait.replicas }, 'redis replicas behind: acks go out without their copy for a few seconds');
    }
  }

  /** The connection whose writes to `key` WAIT must follow: the slot's master on a cluster. */
  private connectionFor(key: string): { conn: RedisClient; node: string } {
    if (!this.sharded) return { conn: this.client, node: 'master' };
    const cluster = this.client as unknown as Cluster;
    const node = cluster.slots[calculateSlot(key)]?.[0];
    const conn = node ? cluster.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === node) : undefined;
    if (!node || !conn) throw new Error(`no master known for the slot of ${key}`);
    return { conn, node };
  }
}

/** A Redis call that gives up after SUBSCRIBE_TIMEOUT_MS (a subscriber command has no command timeout of its own). */
async function withTimeout<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis ${what} took over ${SUBSCRIBE_TIMEOUT_MS} ms`)), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}
