import type { Logger } from 'pino';
import type { Clock, Timer } from '../ports/clock.ts';
import type { DeliveryNote, TelemetryBus, WatchNotice } from '../ports/telemetry-bus.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer } from './socket-types.ts';
import type { HeardNote } from './telemetry-merge.ts';

export interface TelemetryWatchOptions {
  nodeId: string;
  bus: TelemetryBus;
  clock: Clock;
  logger: Logger;
  /** How often a node renews "I watch this game" while a panel is open; notices hold 3× as long. */
  heartbeatMs?: number;
  /** Another node said it watches a game (first time or renewal): send it this node's figures. */
  onRemoteWatch?: (gameId: string) => void;
  /** Another node's figures for a game watched here arrived. */
  onNote?: (gameId: string) => void;
}

/** A game watched by sockets on this node. */
interface LocalWatch {
  heard: Map<string, HeardNote>;
  heartbeat: Timer | null;
  unsubscribe: Promise<(() => Promise<void>) | null>;
  stopped: boolean;
}

const DEFAULT_HEARTBEAT_MS = 2000;

/**
 * Who watches which game's event flow, across nodes. Locally, a game is watched while its
 * telemetry room has sockets; this node then renews a watch notice every heartbeat and listens
 * to the game's delivery notes. From other nodes' notices it keeps "watched elsewhere until",
 * so deciding per event whether to record anything is a map lookup, never a round trip. While
 * nobody watches a game anywhere, nothing is sent or kept for it.
 */
export class TelemetryWatch {
  private readonly local = new Map<string, LocalWatch>();
  /** gameId → nodeId → when that node's notice lapses. */
  private readonly remote = new Map<string, Map<string, number>>();
  private readonly heartbeatMs: number;
  private lastSweep = 0;
  private stopNotices: (() => Promise<void>) | null = null;

  constructor(private readonly o: TelemetryWatchOptions) {
    this.heartbeatMs = o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  /** How long a node's notes count as current when not renewed: three heartbeats. */
  /** Games watched from this node: each holds a heartbeat timer and a notes subscription (a leak gauge). */
  get localWatches(): number {
    return this.local.size;
  }

  get staleMs(): number {
    return this.heartbeatMs * 3;
  }

  /** Starts hearing other nodes' watch notices; resolves once that is live. */
  async start(): Promise<void> {
    this.stopNotices = await this.o.bus.onNotice((n) => this.noticed(n));
  }

  /** Whether a socket on this node watches the game. */
  watchedHere(gameId: string): boolean {
    return this.local.has(gameId);
  }

  /** Whether a socket on another node watches the game (its notice has not lapsed). */
  watchedElsewhere(gameId: string): boolean {
    const nodes = this.remote.get(gameId);
    if (!nodes) return false;
    const now = this.o.clock.now();
    for (const until of nodes.values()) if (until > now) return true;
    return false;
  }

  /** The latest note of each other node for a game watched here. */
  heard(gameId: string): Iterable<HeardNote> {
    return this.local.get(gameId)?.heard.values() ?? [];
  }

  /** Sends this node's figures to the nodes that watch the game; a lost note is replaced by the next. */
  publish(note: DeliveryNote): void {
    this.o.bus.publishNote(note).catch((err: unknown) => this.o.logger.debug({ err, gameId: note.gameId }, 'telemetry note not sent'));
  }

  /** The first socket here started watching a game. */
  localStarted(gameId: string): void {
    if (this.local.has(gameId)) return;
    const w: LocalWatch = { heard: new Map(), heartbeat: null, unsubscribe: Promise.resolve(null), stopped: false };
    this.local.set(gameId, w);
    // Listening before announcing: the notes other nodes send in answer cannot be missed.
    w.unsubscribe = this.o.bus
      .subscribeNotes(gameId, (note) => this.noted(w, note))
      .then(async (off) => {
        if (w.stopped) {
          await off();
          return null;
        }
        this.beat(gameId, w);
        return off;
      })
      .catch((err: unknown) => {
        this.o.logger.warn({ err, gameId }, 'could not follow telemetry notes');
        return null;
      });
  }

  /** The last socket here stopped watching a game (closed the panel, left, disconnected). */
  localStopped(gameId: string): void {
    const w = this.local.get(gameId);
    if (!w) return;
    this.local.delete(gameId);
    w.stopped = true;
    w.heartbeat?.cancel();
    // Not awaited: stop() is synchronous for the socket that asked. Unsubscribing fails only
    // with the bus unreachable, and then no message reaches the dropped handler anyway.
    void w.unsubscribe.then((off) => off?.()).catch(() => undefined);
    this.announce(gameId, false);
  }

  private beat(gameId: string, w: LocalWatch): void {
    if (w.stopped) return;
    this.announce(gameId, true);
    w.heartbeat = this.o.clock.setTimer(this.o.clock.now() + this.heartbeatMs, () => this.beat(gameId, w));
  }

  private announce(gameId: string, watching: boolean): void {
    const notice = { gameId, nodeId: this.o.nodeId, watching, ttlMs: this.staleMs };
    this.o.bus.announce(notice).catch((err: unknown) => this.o.logger.debug({ err, gameId }, 'watch notice not sent'));
  }

  private noted(w: LocalWatch, note: DeliveryNote): void {
    if (w.stopped || note.nodeId === this.o.nodeId) return;
    w.heard.set(note.nodeId, { note, heardAt: this.o.clock.now() });
    this.o.onNote?.(note.gameId);
  }

  private noticed(n: WatchNotice): void {
    if (n.nodeId === this.o.nodeId) return;
    const now = this.o.clock.now();
    this.sweep(now);
    const nodes = this.remote.get(n.gameId) ?? new Map<string, number>();
    if (n.watching) {
      nodes.set(n.nodeId, now + n.ttlMs);
      this.remote.set(n.gameId, nodes);
      this.o.onRemoteWatch?.(n.gameId);
    } else {
      nodes.delete(n.nodeId);
      if (nodes.size === 0) this.remote.delete(n.gameId);
    }
  }

  /** Forgets lapsed notices (a watcher node that died says nothing), at most once per TTL. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.staleMs) return;
    this.lastSweep = now;
    for (const [gameId, nodes] of this.remote) {
      for (const [nodeId, until] of nodes) if (until <= now) nodes.delete(nodeId);
      if (nodes.size === 0) this.remote.delete(gameId);
    }
  }

  /** Games watched here, and games known to be watched elsewhere (for leak checks). */
  get size(): { local: number; remote: number } {
    return { local: this.local.size, remote: this.remote.size };
  }

  async close(): Promise<void> {
    for (const gameId of [...this.local.keys()]) this.localStopped(gameId);
    await this.stopNotices?.();
  }
}

/**
 * Follows the telemetry rooms of this node's Socket.IO: a room is created when its first
 * socket sends `telemetry.watch { on: true }` and deleted when its last one stops or leaves, so
 * the gateway needs no hook of its own.
 */
export function followTelemetryRooms(io: QuizbusServer, watch: TelemetryWatch): void {
  const adapter = io.of('/').adapter;
  adapter.on('create-room', (room: string) => {
    const gameId = rooms.telemetryGame(room);
    if (gameId) watch.localStarted(gameId);
  });
  adapter.on('delete-room', (room: string) => {
    const gameId = rooms.telemetryGame(room);
    if (gameId) watch.localStopped(gameId);
  });
}
