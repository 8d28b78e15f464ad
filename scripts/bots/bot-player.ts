import { newCommandId, resendDelayMs, worthResending, type Ack, type Answer, type PlayerResult, type PlayerView, type PublicQuestion, type ServerMessage } from '@quizbus/shared';
import type { AnswerKey, Random } from './answer-picker.ts';
import { LeanSocket } from './lean-socket.ts';
import { localNow, type ServerClock } from './server-clock.ts';
import { botTimers, type WheelTimer } from './timer-wheel.ts';

/** What a bot tells whoever runs it. Every method is optional; times are in ms. */
export interface BotObserver {
  /** question.shown / question.opened arrived this long after the server stamped it. */
  fanout?(name: 'question.shown' | 'question.opened', ms: number, index: number): void;
  answerSent?(index: number): void;
  /** The ack of an answer came back (ok or an error code) this long after the emit. */
  answerAcked?(index: number, ms: number, ack: Ack<'answer.submit'>): void;
  /** The bot's own result, with the time since the question closed (null without a clock). */
  result?(result: PlayerResult, ms: number | null): void;
  /** A leaderboard arrived; `at` is the receipt on the server's time line (local time without a clock). */
  leaderboard?(index: number, at: number): void;
  ended?(): void;
  /** Something a healthy run never shows: a gap in the chain, a failed command, a dropped socket. */
  problem?(kind: string, detail: string): void;
}

export interface BotConfig {
  url: string;
  /** Other nodes to come back through when `url` is gone (tried in turn after a dropped connection). */
  alternates?: string[];
  pin: string;
  nickname: string;
  /** Source address of the connection (e.g. 127.0.0.12), so many sockets do not run out of ports. */
  localAddress?: string;
  /** An answer goes out a random time in [minDelayMs, maxDelayMs] after answers open. */
  minDelayMs: number;
  maxDelayMs: number;
  accuracy: number;
  key: AnswerKey;
  /** The server's clock; without it no latencies from server stamps are measured. */
  clock?: ServerClock;
  /** After a dropped connection, reconnect and take the seat back with player.resume. */
  reconnect: boolean;
  /** Connect and command acks give up after this long. */
  timeoutMs: number;
  random: Random;
  observer: BotObserver;
}

type Chained = 'game.started' | 'question.shown' | 'question.opened' | 'question.closed' | 'leaderboard.shown' | 'game.ended';
type ChainedPayload = ServerMessage<Chained>;
const CHAINED: readonly Chained[] = ['game.started', 'question.shown', 'question.opened', 'question.closed', 'leaderboard.shown', 'game.ended'];
/**
 * Tries to come back after a dropped connection (with `reconnect`), at the shared resend pace
 * (command-ids.ts: up to 4 s apart, with jitter): about two minutes, as the web client.
 */
const RECONNECT_ATTEMPTS = 40;
/** Sends of a join whose ack was lost or unknown (same command id each time). */
const JOIN_ATTEMPTS = 8;

/** Margin kept before a question's deadline so that a bot's answer is never LATE by design. */
const DEADLINE_MARGIN_MS = 500;

/**
 * One bot player over the real protocol (docs/protocol.md): joins with a nickname, keeps the
 * chain of sequence numbers (asking for a snapshot on a gap), answers each question once after a
 * random delay with an answer of the kind its type needs, and reports what it measured. It never
 * sees a correct answer before the reveal: right answers come only from an AnswerKey built from
 * the quiz document the runner was given.
 */
export class BotPlayer {
  private socket: LeanSocket | null = null;
  private sessionToken: string | null = null;
  playerId: string | null = null;
  private publicSeq = 0;
  /** A view-bearing command is on its way: chained messages wait for its view. */
  private pendingView = false;
  private buffer: Array<{ name: Chained; m: ChainedPayload; at: number }> = [];
  private readonly questions = new Map<number, PublicQuestion>();
  private readonly answered = new Set<number>();
  /** Answers sent but not acknowledged for good: resent with their command id (exactly once). */
  private readonly unacked = new Map<number, { payload: { cid: string; index: number; answer: Answer }; sent: number; attempt: number }>();
  private timer: WheelTimer | null = null;
  private closing = false;
  /** Where the bot connects: its own URL, or after a drop the alternates in turn. */
  private url: string;
  private attempts = 0;
  done = false;

  constructor(private readonly cfg: BotConfig) {
    this.url = cfg.url;
  }

  /** Connects and joins; resolves true once seated, false if it could not be. */
  async join(): Promise<boolean> {
    if (!(await this.connect())) return false;
    // One command id for every send of this join: a resend after a lost ack seats the same player.
    const payload = { cid: newCommandId(), pin: this.cfg.pin, nickname: this.cfg.nickname };
    for (let attempt = 0; attempt < JOIN_ATTEMPTS && !this.closing; attempt += 1) {
      if (!this.socket && !(await this.connect())) return false;
      this.pendingView = true;
      const ack = await this.call('player.join', payload);
      if (ack?.ok) {
        this.playerId = ack.playerId;
        this.sessionToken = ack.sessionToken;
        this.applyView(ack.view);
        return true;
      }
      this.pendingView = false;
      if (ack) this.report(`join:${ack.error.code}`, ack.error.message);
      if (ack && !worthResending(ack.error.code)) break;
      await new Promise((r) => setTimeout(r, resendDelayMs(attempt)));
    }
    this.close();
    return false;
  }

  private async connect(): Promise<boolean> {
    const socket = await LeanSocket.connect(this.url, {
      timeoutMs: this.cfg.timeoutMs,
      ...(this.cfg.localAddress && { localAddress: this.cfg.localAddress }),
    }).catch((err: Error) => {
      this.report('connect', err.message);
      return null;
    });
    if (!socket) return false;
    if (this.closing) {
      socket.close();
      return false;
    }
    this.socket = socket;
    const chained = (name: Chained) => (m: ChainedPayload) => this.onChained(name, m, localNow());
    for (const name of CHAINED) socket.on(name, chained(name));
    socket.on('player.kicked', () => {
      this.report('kicked', this.cfg.nickname);
      this.finish();
    });
    socket.onDisconnect = (reason) => {
      this.socket = null;
      this.clearTimer();
      if (this.done) return;
      this.report('disconnect', reason);
      if (this.cfg.reconnect) void this.reconnect();
    };
    return true;
  }

  /** Comes back after a dropped connection, as a phone would: a few tries, then the seat again. */
  private async reconnect(): Promise<void> {
    for (let attempt = 1; attempt <= RECONNECT_ATTEMPTS && !this.closing; attempt += 1) {
      await new Promise((r) => setTimeout(r, resendDelayMs(attempt)));
      // A dead node stays dead: the nodes of the list get two tries each in turn, its own first.
      const urls = [this.cfg.url, ...(this.cfg.alternates ?? [])];
      this.attempts += 1;
      this.url = urls[Math.floor(this.attempts / 2) % urls.length] as string;
      if (this.closing || (!this.socket && !(await this.connect()))) continue;
      this.pendingView = true;
      const ack = await this.call('player.resume', { pin: this.cfg.pin, sessionToken: this.sessionToken ?? '' });
      if (ack?.ok) {
        this.applyView(ack.view);
        for (const index of [...this.unacked.keys()]) this.sendAnswer(index);
        return;
      }
      this.pendingView = false;
      if (ack) this.report(`resume:${ack.error.code}`, ack.error.message);
      // "Not now" (the game is changing hands): ask again; any other refusal is final.
      if (ack && !worthResending(ack.error.code)) {
        this.finish();
        return;
      }
    }
  }

  /** Emits a command with its ack, bounded by the timeout; null when no ack came. */
  private call<K extends 'player.join' | 'player.resume' | 'view.snapshot'>(name: K, payload: unknown): Promise<Ack<K> | null> {
    const socket = this.socket;
    if (!socket) return Promise.resolve(null);
    return new Promise((resolve) => {
      socket.emit(name, payload, this.cfg.timeoutMs, (err, ack) => {
        if (err) this.report(`${name}:timeout`, err.message);
        resolve(err ? null : (ack as Ack<K>));
      });
    });
  }

  private applyView(view: PlayerView): void {
    this.publicSeq = view.publicSeq;
    this.pendingView = false;
    const q = view.question;
    if (q) this.questions.set(q.index, q.question);
    if (view.myAnswer) this.answered.add(view.myAnswer.index);
    if (view.phase === 'ended') this.finish();
    else if (q && view.phase === 'open') this.schedule(q.index, q.closesAt - q.serverNow);
    const buffered = this.buffer;
    this.buffer = [];
    for (const b of buffered) this.onChained(b.name, b.m, b.at);
  }

  private onChained(name: Chained, m: ChainedPayload, at: number): void {
    if (this.pendingView) {
      this.buffer.push({ name, m, at });
      return;
    }
    if (m.seq <= this.publicSeq) return;
    if (m.prevSeq !== this.publicSeq) {
      this.report('gap', `${name} prevSeq ${m.prevSeq}, held ${this.publicSeq}`);
      void this.snapshot();
      return;
    }
    this.publicSeq = m.seq;
    const clock = this.cfg.clock;
    switch (name) {
      case 'question.shown':
      case 'question.opened': {
        const q = m as ServerMessage<'question.shown'> | ServerMessage<'question.opened'>;
        if (clock) this.cfg.observer.fanout?.(name, clock.since(q.serverNow, at), q.index);
        if ('question' in q) this.questions.set(q.index, q.question);
        if (name === 'question.opened') this.schedule(q.index, q.closesAt - q.serverNow);
        break;
      }
      case 'question.closed': {
        // A player's close carries its own result: its latency is the close's own fan-out.
        const c = m as ServerMessage<'question.closed'>;
        this.clearTimer();
        if (c.result) this.cfg.observer.result?.(c.result, clock ? clock.since(c.closedAt, at) : null);
        break;
      }
      case 'leaderboard.shown':
        this.cfg.observer.leaderboard?.((m as ServerMessage<'leaderboard.shown'>).index, clock ? clock.toServer(at) : at);
        break;
      case 'game.ended':
        this.finish();
        break;
      case 'game.started':
        break;
    }
  }

  private async snapshot(): Promise<void> {
    this.pendingView = true;
    const ack = await this.call('view.snapshot', {});
    if (ack?.ok && ack.view.role === 'player') this.applyView(ack.view);
    else this.pendingView = false;
  }

  /** Answers question `index` after a random delay, kept inside the `remainingMs` it has. */
  private schedule(index: number, remainingMs: number): void {
    if (this.answered.has(index) || this.done) return;
    this.clearTimer();
    const { minDelayMs, maxDelayMs, random } = this.cfg;
    const wanted = minDelayMs + random() * Math.max(0, maxDelayMs - minDelayMs);
    const delay = Math.max(0, Math.min(wanted, remainingMs - DEADLINE_MARGIN_MS));
    this.timer = botTimers.after(delay, () => {
      this.timer = null;
      this.answer(index);
    });
  }

  private answer(index: number): void {
    const q = this.questions.get(index);
    if (!this.socket || !q || this.answered.has(index)) return;
    this.answered.add(index);
    const answer = this.cfg.key.pick(index, q, this.cfg.accuracy, this.cfg.random);
    this.cfg.observer.answerSent?.(index);
    this.unacked.set(index, { payload: { cid: newCommandId(), index, answer }, sent: localNow(), attempt: 0 });
    this.sendAnswer(index);
  }

  /**
   * Sends (or resends, same command id) an answer. A lost ack or a "not now" is resent at the
   * shared pace while the bot keeps its seat; without a socket the resume sends it again.
   */
  private sendAnswer(index: number): void {
    const socket = this.socket;
    const pending = this.unacked.get(index);
    if (!socket || !pending || this.done) return;
    socket.emit('answer.submit', pending.payload, this.cfg.timeoutMs, (err, response) => {
      if (this.unacked.get(index) !== pending) return; // settled by another send of it
      const ack = err ? null : (response as Ack<'answer.submit'>);
      if (ack && (ack.ok || !worthResending(ack.error.code))) {
        this.unacked.delete(index);
        this.cfg.observer.answerAcked?.(index, localNow() - pending.sent, ack);
        if (!ack.ok) this.report(`answer:${ack.error.code}`, ack.error.message);
        return;
      }
      this.report(ack ? `answer:${ack.error.code}` : 'answer:timeout', ack ? ack.error.message : (err?.message ?? ''));
      if (!this.cfg.reconnect) {
        this.unacked.delete(index);
        return;
      }
      const delay = resendDelayMs(pending.attempt);
      pending.attempt += 1;
      setTimeout(() => this.sendAnswer(index), delay);
    });
  }

  private clearTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.clearTimer();
    this.cfg.observer.ended?.();
  }

  private report(kind: string, detail: string): void {
    this.cfg.observer.problem?.(kind, `${this.cfg.nickname}: ${detail}`);
  }

  /** Closes the connection for good. */
  close(): void {
    this.closing = true;
    this.clearTimer();
    this.socket?.close();
    this.socket = null;
  }
}
