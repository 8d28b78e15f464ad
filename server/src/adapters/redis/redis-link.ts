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

  constructor(
    /** The command connection (autopipelined). */
    readonly client: RedisClient,
    /** The subscriber connection. */
    readonly sub: RedisSubscriber,
    private readonly options: { sharded?: boolean; wait?: ReplicaWait; logger?: Logger } = {},
  ) {
    this.messageEvent = options.sharded ? 'smessage' : 'message';
  }

  /** Whether channels are sharded (cluster mode). */
  get sharded(): boolean {
    return this.options.sharded ?? false;
  }

  /** Publishes; resolves with how many subscribers received it (on the channel's shard, on a cluster). */
  async publish(channel: string, message: string): Promise<number> {
    return Number(this.sharded ? await this.client.spublish(channel, message) : await this.client.publish(channel, message));
  }

  async subscribe(channel: string): Promise<void> {
    if (this.sharded) await this.sub.ssubscribe(channel);
    else await this.sub.subscribe(channel);
  }

  async unsubscribe(channel: string): Promise<void> {
    if (this.sharded) await this.sub.sunsubscribe(channel);
    else await this.sub.unsubscribe(channel);
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
