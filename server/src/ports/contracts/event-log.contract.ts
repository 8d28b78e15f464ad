import type { DomainEvent } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { VersionConflictError, type EventLog } from '../event-log.ts';
import type { BusMessage, GameBus } from '../game-bus.ts';

/** A minimal valid event stream for a game: created, then n players joining. */
export function sampleEvents(gameId: string, from: number, count: number): DomainEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    if (seq === 1) {
      return {
        type: 'game.created',
        gameId,
        seq,
        at: 1000,
        data: {
          pin: '123456',
          quizId: 'q',
          title: 'T',
          questions: [],
          options: { accuracyMode: false, shuffleAnswers: false, allowLateJoin: false, streakBonus: true },
          hostTokenHash: 'h',
        },
      };
    }
    return { type: 'player.joined', gameId, seq, at: 1000 + seq, data: { playerId: `p${seq}`, nickname: `n${seq}`, tokenHash: `t${seq}` } };
  });
}

/**
 * The behaviour every EventLog must have. Run against each adapter with a factory that gives a
 * fresh, empty log, a bus of the same family (what the log's appends publish on) and a cleanup.
 */
export function eventLogContract(name: string, make: () => Promise<{ log: EventLog; bus: GameBus; done: () => Promise<void> }>): void {
  describe(`EventLog contract: ${name}`, () => {
    const withLog = async (fn: (log: EventLog, bus: GameBus) => Promise<void>) => {
      const { log, bus, done } = await make();
      try {
        await fn(log, bus);
      } finally {
        await done();
      }
    };

    it('publishes an append with an origin on the game\'s bus in the same step, and a refused or origin-less one not at all', () =>
      withLog(async (log, bus) => {
        const heard: BusMessage[] = [];
        let second = () => undefined as void;
        const twoHeard = new Promise<void>((resolve) => (second = resolve));
        const stop = await bus.subscribe('g1', (m) => {
          heard.push(m);
          if (heard.length === 2) second();
        });
        await log.append('g1', 0, sampleEvents('g1', 1, 2), 'node-a');
        expect(await log.version('g1')).toBe(2);
        await expect(log.append('g1', 1, sampleEvents('g1', 2, 1), 'node-a')).rejects.toBeInstanceOf(VersionConflictError);
        await log.append('g1', 2, sampleEvents('g1', 3, 1));
        await log.append('g1', 3, sampleEvents('g1', 4, 1), 'node-b');
        // Messages of one game arrive in order: anything the refused or the silent append had
        // published would have come before the last one.
        await twoHeard;
        await stop();
        expect(heard).toEqual([
          { origin: 'node-a', events: sampleEvents('g1', 1, 2) },
          { origin: 'node-b', events: sampleEvents('g1', 4, 1) },
        ]);
      }));

    it('appends in order and reads back from any point', () =>
      withLog(async (log) => {
        await log.append('g1', 0, sampleEvents('g1', 1, 3));
        await log.append('g1', 3, sampleEvents('g1', 4, 2));
        expect((await log.read('g1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
        expect((await log.read('g1', 3)).map((e) => e.seq)).toEqual([4, 5]);
        expect(await log.version('g1')).toBe(5);
        expect(await log.read('g1')).toEqual(sampleEvents('g1', 1, 5));
      }));

    it('refuses an append at a stale version and writes nothing', () =>
      withLog(async (log) => {
        await log.append('g1', 0, sampleEvents('g1', 1, 2));
        await expect(log.append('g1', 1, sampleEvents('g1', 2, 1))).rejects.toBeInstanceOf(VersionConflictError);
        await expect(log.append('g1', 0, sampleEvents('g1', 1, 1))).rejects.toBeInstanceOf(VersionConflictError);
        expect(await log.version('g1')).toBe(2);
      }));

    it('lets only one of two concurrent writers at the same version win', () =>
      withLog(async (log) => {
        await log.append('g1', 0, sampleEvents('g1', 1, 1));
        const results = await Promise.allSettled([
          log.append('g1', 1, sampleEvents('g1', 2, 1)),
          log.append('g1', 1, sampleEvents('g1', 2, 1)),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(await log.version('g1')).toBe(2);
      }));

    it('keeps games apart and forgets a removed game', () =>
      withLog(async (log) => {
        await log.append('g1', 0, sampleEvents('g1', 1, 2));
        await log.append('g2', 0, sampleEvents('g2', 1, 1));
        expect(await log.version('g2')).toBe(1);
        await log.remove('g1');
        expect(await log.version('g1')).toBe(0);
        expect(await log.read('g1')).toEqual([]);
        expect(await log.version('g2')).toBe(1);
      }));
  });
}
