import { Gauge } from 'prom-client';
import { SystemClock } from './adapters/memory/system-clock.ts';
import type { EventTelemetry } from './gateway/event-telemetry.ts';
import type { Fanout } from './gateway/fanout.ts';
import type { TelemetryWatch } from './gateway/telemetry-watch.ts';
import type { GameNode } from './games/game-node.ts';
import type { Clock } from './ports/clock.ts';
import type { GameBus } from './ports/game-bus.ts';
import type { Metrics } from './metrics.ts';

/** A bus adapter that can say how many games it listens to (both adapters can). */
interface CountingBus {
  readonly subscribedGames: number;
}

function counts(bus: GameBus): bus is GameBus & CountingBus {
  return typeof (bus as Partial<CountingBus>).subscribedGames === 'number';
}

/**
 * Gauges that show a leak as a number that keeps growing while the work does not: game timers
 * armed, throttle timers, all the clock's pending timers, bus subscriptions, the Under-the-hood
 * panel's windows and watches. Computed only when
 * /metrics is scraped (the soak reads them every few seconds), so they cost nothing else.
 */
export function watchLeaks(
  metrics: Metrics,
  parts: { node: GameNode; fanout: Fanout; bus: GameBus; clock: Clock; telemetry: EventTelemetry; watch: TelemetryWatch },
): void {
  const registers = [metrics.registry];
  const { node, fanout, bus, clock, telemetry, watch } = parts;
  new Gauge({
    name: 'quizbus_game_timers',
    help: 'Owned games with a deadline timer armed',
    registers,
    collect() {
      let n = 0;
      for (const id of node.ownedIds()) if (node.runtime(id)?.hasTimer) n += 1;
      this.set(n);
    },
  });
  new Gauge({
    name: 'quizbus_throttle_timers',
    help: 'Pending answer-count and player-list throttle timers',
    registers,
    collect() {
      this.set(fanout.pendingTimers);
    },
  });
  new Gauge({
    name: 'quizbus_clock_timers',
    help: 'Timers pending on the clock: game deadlines, throttles, periodic tasks (process-wide on the system clock)',
    registers,
    collect() {
      const fake = clock as Clock & { timerCount?: number };
      this.set(typeof fake.timerCount === 'number' ? fake.timerCount : SystemClock.pending);
    },
  });
  new Gauge({
    name: 'quizbus_telemetry_windows',
    help: 'Games with an Under-the-hood telemetry window open (a flush timer each)',
    registers,
    collect() {
      this.set(telemetry.openWindows);
    },
  });
  new Gauge({
    name: 'quizbus_telemetry_watches',
    help: 'Games watched from this node (a heartbeat timer and a delivery-notes subscription each)',
    registers,
    collect() {
      this.set(watch.localWatches);
    },
  });
  new Gauge({
    name: 'quizbus_bus_subscriptions',
    help: 'Games this node is subscribed to on the bus',
    registers,
    collect() {
      this.set(counts(bus) ? bus.subscribedGames : -1);
    },
  });
}
