import type { GuardState } from './command-guard.ts';
import type { QuizbusSocket } from './socket-types.ts';
import type { TokenBucket } from './token-bucket.ts';

/**
 * What the gateway keeps per socket beside Socket.IO's own objects: the socket, the client
 * address its limits count against, and its rate buckets. One plain object, so that a
 * connection costs the same few hundred bytes whatever the number of commands — at 10,000
 * players every per-socket closure shows in the heap.
 */
export class Connection implements GuardState {
  commands: TokenBucket | null;
  answers: TokenBucket | null;

  constructor(
    readonly socket: QuizbusSocket,
    readonly address: string,
    guard: GuardState | null,
  ) {
    this.commands = guard?.commands ?? null;
    this.answers = guard?.answers ?? null;
  }
}
