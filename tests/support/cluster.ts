import type { Ack, Answer, CommandName, CommandPayload, PlayerResult, PlayerView, ScreenView } from '@quizbus/shared';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import { startNode, type NodeProcess } from './node-process.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

export interface Cluster {
  redis: TestRedis;
  nodes: NodeProcess[];
  /** Starts another node on the same Redis. */
  addNode(id: string): Promise<NodeProcess>;
  stop(): Promise<void>;
}

/** Settings that make takeover quick in tests: a 2 s lease. */
export const CLUSTER_ENV = { LEASE_MS: '2000', LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info' };

/** A redis-server and `count` Quizbus processes on it. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const nodes: NodeProcess[] = [];
  const addNode = async (id: string) => {
    const node = await startNode(id, { ...CLUSTER_ENV, REDIS_URL: redis.url, ...env });
    nodes.push(node);
    return node;
  };
  try {
    await Promise.all(Array.from({ length: count }, (_, i) => addNode(`node-${i + 1}`)));
  } catch (err) {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await redis.destroy();
    throw err;
  }
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  return {
    redis,
    nodes,
    addNode,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
      await redis.destroy();
    },
  };
}

/** What `useClusters` hands a describe block. */
export interface ClusterSuite {
  /** Starts this test's cluster (a real redis-server and `count` node processes). */
  start(count: number, env?: Record<string, string>): Promise<Cluster>;
  /** Clients to close after the test, before its cluster stops: push each one a test opens. */
  readonly clients: Array<{ close(): void }>;
}

/**
 * Registers the teardown every cluster test needs: after each test, its clients closed and
 * its cluster (nodes and Redis) stopped, whether the test passed or not.
 */
export function useClusters(): ClusterSuite {
  let current: Cluster | null = null;
  const clients: Array<{ close(): void }> = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await current?.stop();
    current = null;
  });
  return {
    clients,
    start: async (count, env) => {
      current = await startCluster(count, env);
      return current;
    },
  };
}

type Frame = { name: string; payload: unknown };

/**
 * A client that fails over: when its node goes away it connects to the next one in the list
 * and resumes its seat (players) or re-attaches (host), as the browser client does. Commands
 * answered UNAVAILABLE, or lost with a dropped socket, are sent again on the next connection:
 * the server's exactly-once rule makes that safe.
 */
export class FailoverClient {
  socket: Socket | null = null;
  readonly frames: Frame[] = [];
  private at: number;
  private waiters: Array<{ test: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  private identity: { name: 'player.resume' | 'host.attach' | 'display.attach'; payload: Record<string, string> } | null = null;
  /** Times from losing a connection to having the seat back, in ms. */
  readonly reconnects: number[] = [];
  /** How often a connection attempt was refused (e.g. node not ready). */
  refused = 0;
  closed = false;
  private failing: Promise<void> | null = null;

  constructor(
    private readonly urls: () => string[],
    start: number,
  ) {
    this.at = start;
  }

  get nodeUrl(): string {
    const list = this.urls();
    return list[this.at % list.length] as string;
  }

  /** Connects to the current node (moving on to the next on failure) and re-identifies. */
  async connect(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt += 1) {
      const url = this.nodeUrl;
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 3000 });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (ok) {
        socket.onAny((name: string, payload: unknown) => this.record({ name, payload }));
        // The socket is used for commands only once it holds the seat again: a command sent
        // on it before the resume's ack would meet NOT_ATTACHED.
        if (!this.identity || (await this.reidentify(socket))) {
          this.socket = socket;
          return;
        }
        socket.close();
      } else {
        this.refused += 1;
        socket.close();
      }
      this.at += 1;
      await new Promise((r) => setTimeout(r, Math.min(100 * (attempt + 1), 1000)));
    }
  }

  private async reidentify(socket: Socket): Promise<boolean> {
    if (!this.identity) return false;
    const ack = (await socket.timeout(8000).emitWithAck(this.identity.name, this.identity.payload).catch(() => null)) as Ack<CommandName> | null;
    if (ack?.ok && 'view' in ack) this.recordView(ack.view);
    return ack !== null && ack.ok;
  }

  /**
   * A view from a resume or attach stands for every message missed while away, as it does
   * for the browser client: what it shows is recorded as the messages that would have said it.
   */
  private recordView(view: PlayerView | ScreenView): void {
    this.record({ name: 'view', payload: view });
    const q = view.question;
    if (q && view.phase !== 'reading') this.record({ name: 'question.opened', payload: { seq: view.seq, index: q.index, opensAt: q.opensAt, closesAt: q.closesAt } });
    if (view.reveal) this.record({ name: 'question.closed', payload: { seq: view.seq, reveal: view.reveal, ...(view.role === 'player' && view.result && { result: view.result }) } });
    if (view.phase === 'ended' && view.podium) this.record({ name: 'game.ended', payload: { seq: view.seq, podium: view.podium } });
    if (view.role !== 'player') return;
    if (view.phase === 'ended' && view.me.rank !== null) {
      this.record({ name: 'player.final', payload: { seq: view.seq, rank: view.me.rank, score: view.me.score, playerCount: view.podium?.playerCount ?? 0 } });
    }
  }

  private record(frame: Frame): void {
    this.frames.push(frame);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(frame)) return true;
      w.resolve(frame);
      return false;
    });
  }

  /** Sends a command; on a lost node or UNAVAILABLE, fails over and sends it again. */
  async send<K extends CommandName>(name: K, payload: CommandPayload<K>, deadlineMs = 60_000): Promise<Ack<K>> {
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      if (!this.socket?.connected) await this.failover();
      const socket = this.socket;
      if (!socket) continue;
      const ack = (await socket.timeout(6000).emitWithAck(name, payload).catch(() => null)) as Ack<K> | null;
      if (ack && (ack.ok || ack.error.code !== 'UNAVAILABLE')) {
        if (ack.ok && name === 'player.join') {
          const a = ack as Ack<'player.join'> & { ok: true };
          this.identity = { name: 'player.resume', payload: { pin: String((payload as { pin: string }).pin), sessionToken: a.sessionToken } };
        }
        if (ack.ok && name === 'host.attach') this.identity = { name: 'host.attach', payload: payload as Record<string, string> };
        if (ack.ok && name === 'display.attach') this.identity = { name: 'display.attach', payload: payload as Record<string, string> };
        return ack;
      }
      if (!ack) await this.failover();
      else await new Promise((r) => setTimeout(r, 250)); // UNAVAILABLE: the game is changing hands
    }
    throw new Error(`${name} got no usable ack within ${deadlineMs} ms`);
  }

  /** Answers and returns the ack (exactly once, however often it had to be sent). */
  answer(index: number, answer: Answer): Promise<Ack<'answer.submit'>> {
    return this.send('answer.submit', { index, answer });
  }

  /**
   * Moves to the next node and gets the seat back; records how long that took. One failover at
   * a time: a command's retry and the drop watcher may both ask for one, and share it.
   */
  failover(): Promise<void> {
    this.failing ??= (async () => {
      // Run after `failing` is set: closing the old socket below fires its drop watcher, which
      // must find this failover under way rather than start another.
      await Promise.resolve();
      const started = Date.now();
      this.socket?.close();
      this.socket = null;
      this.at += 1;
      await this.connect();
      this.reconnects.push(Date.now() - started);
    })().finally(() => {
      this.failing = null;
    });
    return this.failing;
  }

  /** Resolves with the player's own result for question `index`, from its copy of the close. */
  result(index: number): Promise<{ result: PlayerResult }> {
    return this.next('question.closed', (m: { result?: PlayerResult }) => m.result?.index === index) as Promise<{ result: PlayerResult }>;
  }

  /** Resolves on the first matching frame, received already or later; fails over on a drop. */
  next(name: string, test: (payload: never) => boolean = () => true, timeoutMs = 60_000): Promise<unknown> {
    const match = (f: Frame) => f.name === name && test(f.payload as never);
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const recent = this.frames.slice(-8).map((f) => `${f.name} ${JSON.stringify(f.payload).slice(0, 80)}`);
        reject(new Error(`no ${name} within ${timeoutMs} ms on ${this.nodeUrl} (connected: ${this.socket?.connected}); last frames:\n${recent.join('\n')}`));
      }, timeoutMs);
      this.waiters.push({
        test: match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f.payload);
        },
      });
    });
  }

  /** Keeps the seat: when the socket drops, fail over at once (as a browser would). */
  watchDrops(): void {
    const socket = this.socket;
    socket?.once('disconnect', () => {
      if (this.closed || this.socket !== socket) return;
      void this.failover().then(() => this.watchDrops());
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
