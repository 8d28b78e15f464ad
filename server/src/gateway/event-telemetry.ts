import type { DomainEvent, TelemetryEntry, TelemetryEvents } from '@quizbus/shared';
import type { GameState } from '../engine/index.ts';
import type { Clock, Timer } from '../ports/clock.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer } from './socket-types.ts';
import { mergeNodes, ownerNode, windowFigures } from './telemetry-merge.ts';
import { summarizeEvent } from './telemetry-summary.ts';
import type { TelemetryWatch } from './telemetry-watch.ts';

export interface EventTelemetryOptions {
  nodeId: string;
  /** Where a game's events travel between nodes: its Redis channel, or the in-process bus. */
  channelOf: (gameId: string) => string;
  /** Whether this node owns (runs) the game. */
  owns: (gameId: string) => boolean;
  /** Window of one telemetry message per game. */
  everyMs?: number;
  /** Entries kept per game between two messages. */
  capacity?: number;
}

/** What one game collects while someone watches; dropped when the window passes unwatched. */
interface Window {
  ring: Array<TelemetryEntry | undefined>;
  /** Entries written since the last message (the newest `min(written, capacity)` are sent). */
  written: number;
  events: number;
  maxLagMs: number;
  lastSeq: number;
  timer: Timer | null;
  /** Another node's figures arrived: the watchers here get the merged list even without events. */
  heard: boolean;
}

const DEFAULT_EVERY_MS = 250;
const DEFAULT_CAPACITY = 64;

/**
 * The event flow as this node sees it, for the "under the hood" panel. Costs three map lookups
 * per event when no one watches the game anywhere; otherwise O(1) per event into a fixed ring
 * buffer, and per game per window at most one message to the watchers on this node (never one
 * per event) and, when another node watches, one delivery note with this node's figures.
 */
export class EventTelemetry {
  private readonly windows = new Map<string, Window>();
  private readonly everyMs: number;
  private readonly capacity: number;

  constructor(
    private readonly io: QuizbusServer,
    private readonly clock: Clock,
    private readonly stateOf: (gameId: string) => GameState | undefined,
    private readonly watch: TelemetryWatch,
    private readonly options: EventTelemetryOptions,
  ) {
    this.everyMs = options.everyMs ?? DEFAULT_EVERY_MS;
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  /** Games with a telemetry window open here, each with its flush timer armed (a leak gauge). */
  get openWindows(): number {
    return this.windows.size;
  }

  /** The channel a game's events travel on, as shown in the panel. */
  channelOf(gameId: string): string {
    return this.options.channelOf(gameId);
  }

  /** Records an event delivered on this node; nothing happens unless a socket watches the game, here or on another node. */
  record(event: DomainEvent): void {
    const gameId = event.gameId;
    let w = this.windows.get(gameId);
    if (!w) {
      if (!this.watch.watchedHere(gameId) && !this.watch.watchedElsewhere(gameId)) return;
      w = this.open(gameId);
    }
    w.events += 1;
    w.lastSeq = event.seq;
    w.maxLagMs = Math.max(w.maxLagMs, this.clock.now() - event.at);
    // Watched only elsewhere, this node sends its counts, not its entries: the watcher has them.
    if (!this.watch.watchedHere(gameId)) return;
    // Answers fold into the previous entry while they follow one another: a class answering at
    // once is one line with a count, and no line can carry one player's choice.
    const last = w.written > 0 ? w.ring[(w.written - 1) % this.capacity] : undefined;
    if (event.type === 'answer.accepted' && last?.type === 'answer.accepted' && last.toSeq === event.seq - 1) {
      last.toSeq = event.seq;
      last.count += 1;
      last.summary = `${last.count} answers to question ${event.data.index + 1}`;
    } else {
      w.ring[w.written % this.capacity] = { type: event.type, seq: event.seq, toSeq: event.seq, count: 1, at: event.at, summary: summarizeEvent(event) };
      w.written += 1;
    }
  }

  /** Another node watches the game: send this node's figures within a window, events or not. */
  remoteWatch(gameId: string): void {
    if (this.stateOf(gameId)) this.open(gameId);
  }

  /** Another node's figures for a game watched here arrived: show them within a window. */
  noteHeard(gameId: string): void {
    if (this.watch.watchedHere(gameId)) this.open(gameId).heard = true;
  }

  /** The game's window, opened (and its flush armed) if there is none. */
  private open(gameId: string): Window {
    let w = this.windows.get(gameId);
    if (!w) {
      w = { ring: new Array<TelemetryEntry | undefined>(this.capacity), written: 0, events: 0, maxLagMs: 0, lastSeq: 0, timer: null, heard: false };
      this.windows.set(gameId, w);
      w.timer = this.clock.setTimer(this.clock.now() + this.everyMs, () => this.flush(gameId));
    }
    return w;
  }

  private flush(gameId: string): void {
    const w = this.windows.get(gameId);
    if (!w) return;
    this.windows.delete(gameId);
    const state = this.stateOf(gameId);
    const self = windowFigures({
      nodeId: this.options.nodeId,
      owner: this.options.owns(gameId),
      seq: state?.seq ?? w.lastSeq,
      events: w.events,
      windowMs: this.everyMs,
      maxLagMs: w.maxLagMs,
      reached: { host: this.roomSize(rooms.host(gameId)), display: this.roomSize(rooms.display(gameId)), players: this.roomSize(rooms.players(gameId)) },
    });
    // A node without a copy of the game relays none of it: it has nothing to tell other nodes.
    if (state && this.watch.watchedElsewhere(gameId)) this.watch.publish({ gameId, ...self });
    if (this.watchers(gameId) === 0 || (w.events === 0 && !w.heard)) return;
    const kept = Math.min(w.written, this.capacity);
    const events: TelemetryEntry[] = [];
    for (let i = w.written - kept; i < w.written; i += 1) {
      const entry = w.ring[i % this.capacity];
      if (entry) events.push(entry);
    }
    const nodes = mergeNodes(self, this.watch.heard(gameId), this.clock.now(), this.watch.staleMs);
    const message: TelemetryEvents = { ...self, channel: this.channelOf(gameId), windowMs: this.everyMs, dropped: w.written - kept, events, ownerNode: ownerNode(nodes), nodes };
    this.io.to(rooms.telemetry(gameId)).emit('telemetry.events', message);
  }

  private watchers(gameId: string): number {
    return this.roomSize(rooms.telemetry(gameId));
  }

  private roomSize(room: string): number {
    return this.io.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  /** A game was removed: drop its window and timer. */
  gameRemoved(gameId: string): void {
    this.windows.get(gameId)?.timer?.cancel();
    this.windows.delete(gameId);
  }

  /** Pending window timers (for leak checks). */
  get pendingTimers(): number {
    let n = 0;
    for (const w of this.windows.values()) if (w.timer) n += 1;
    return n;
  }
}
