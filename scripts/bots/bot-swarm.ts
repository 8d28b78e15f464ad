import { NICKNAME_MAX } from '@quizbus/shared';
import { BotPlayer, type BotConfig } from './bot-player.ts';

export interface SwarmOptions {
  /** Bots go round-robin over these server URLs (nodes, or one balancer). */
  urls: string[];
  pin: string;
  count: number;
  /** Nicknames are `<prefix>-<n>`, n counted from `firstNumber`. */
  prefix: string;
  firstNumber: number;
  /** Source addresses, round-robin (empty: let the system choose). */
  localAddresses: string[];
  /** Joins in flight at once. */
  concurrency: number;
  /** Joining stops at this time (ms since the epoch); bots not seated by then count as failed. */
  deadline: number;
  /** Everything a bot needs but its url, pin, nickname and source address. */
  bot: Omit<BotConfig, 'url' | 'pin' | 'nickname' | 'localAddress'>;
  /** Called after each join attempt. */
  onJoin?: (ok: boolean) => void;
}

/** `<prefix>-<n>` cut to the game's 24-character nickname limit (the prefix gives way). */
export function botNickname(prefix: string, n: number): string {
  const suffix = `-${n}`;
  return `${prefix.slice(0, Math.max(1, NICKNAME_MAX - suffix.length))}${suffix}`;
}

/**
 * A crowd of bots in one process: joined with bounded concurrency (a class does not arrive in
 * one millisecond, and neither should a benchmark's), spread over the given URLs.
 */
export class BotSwarm {
  readonly bots: BotPlayer[] = [];
  joined = 0;
  failed = 0;

  constructor(private readonly o: SwarmOptions) {}

  /** Joins every bot (bounded by the deadline); resolves with the number seated. */
  async joinAll(): Promise<number> {
    const o = this.o;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < o.count && Date.now() < o.deadline) {
        const i = next;
        next += 1;
        const bot = new BotPlayer({
          ...o.bot,
          url: o.urls[i % o.urls.length] as string,
          alternates: o.urls.filter((_, k) => k !== i % o.urls.length),
          pin: o.pin,
          nickname: botNickname(o.prefix, o.firstNumber + i),
          ...(o.localAddresses.length > 0 && { localAddress: o.localAddresses[i % o.localAddresses.length] }),
        });
        this.bots.push(bot);
        const ok = await bot.join();
        if (ok) this.joined += 1;
        else this.failed += 1;
        o.onJoin?.(ok);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, o.count)) }, worker));
    this.failed += o.count - this.joined - this.failed;
    return this.joined;
  }

  /** Bots whose game has ended. */
  get ended(): number {
    let n = 0;
    for (const b of this.bots) if (b.done) n += 1;
    return n;
  }

  close(): void {
    for (const b of this.bots) b.close();
  }
}
