import { describe, expect, it } from 'vitest';
import { hostGame, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';

const GAUGES = [
  'quizbus_game_timers',
  'quizbus_throttle_timers',
  'quizbus_clock_timers',
  'quizbus_bus_subscriptions',
  'quizbus_live_games',
  'quizbus_telemetry_windows',
  'quizbus_telemetry_watches',
];

/** The gauges the soak (npm run soak) watches for leaks, read from GET /metrics. */
describe('leak gauges', () => {
  const h = useServer();

  async function gauges(): Promise<Record<string, number>> {
    const text = await (await fetch(`${h.server.url}/metrics`)).text();
    const out: Record<string, number> = {};
    for (const name of GAUGES) {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
      out[name] = Number(m?.[1]);
    }
    return out;
  }

  it('counts a running game\'s deadline timer and throttles, and drops them when the game is removed', async () => {
    const idle = await gauges();
    expect(idle).toMatchObject({ quizbus_game_timers: 0, quizbus_throttle_timers: 0, quizbus_bus_subscriptions: 0, quizbus_live_games: 0 });
    const { game, host } = await hostGame(h, singleQuiz(1, 'gauge', 3, 20));
    await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.start', {}));
    const running = await gauges();
    expect(running).toMatchObject({ quizbus_game_timers: 1, quizbus_throttle_timers: 1, quizbus_live_games: 1 });
    expect(running.quizbus_clock_timers).toBe(idle.quizbus_clock_timers! + 2);
    ok(await host.send('host.end', {}));
    // The ended game lingers ENDED_GAME_MINUTES (30), then the sweep removes it.
    await h.server.clock.advance(31 * 60_000);
    // The sweep re-arms itself once the removal it started has finished, which may include
    // writing the game's report to disk: wait for that (a condition, not a duration). Each round
    // lets the event loop turn (setImmediate), so the file write can complete on a loaded machine;
    // microtasks alone would spin the rounds out before the disk answers.
    for (let round = 0; round < 5000 && h.server.clock.timerCount < idle.quizbus_clock_timers!; round += 1) {
      await h.server.clock.advance(0);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(await gauges()).toEqual(idle);
  });

  it('counts an open Under-the-hood panel\'s watch and window, and drops both when the panel closes', async () => {
    const idle = await gauges();
    expect(idle).toMatchObject({ quizbus_telemetry_windows: 0, quizbus_telemetry_watches: 0 });
    const { game, host } = await hostGame(h, singleQuiz(1, 'panel gauge', 3, 20));
    await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('telemetry.watch', { on: true }));
    ok(await host.send('host.start', {}));
    expect(await gauges()).toMatchObject({ quizbus_telemetry_windows: 1, quizbus_telemetry_watches: 1 });
    const flushed = host.next('telemetry.events');
    await h.server.clock.advance(250);
    await flushed;
    ok(await host.send('telemetry.watch', { on: false }));
    // The last window flushes on its timer and opens no other: nobody watches any more.
    await h.server.clock.advance(250);
    expect(await gauges()).toMatchObject({ quizbus_telemetry_windows: 0, quizbus_telemetry_watches: 0 });
    ok(await host.send('host.end', {}));
  });
});
