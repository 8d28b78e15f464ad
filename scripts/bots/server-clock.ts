/** This machine's wall clock in ms, with sub-millisecond precision. */
export function localNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Where a process's clock stands against a server's: server time ≈ local time + offsetMs.
 * Server stamps are whole milliseconds (Date.now() floors), so a stamp is taken as the middle
 * of its millisecond: that halves the rounding error of every latency computed from it.
 */
export class ServerClock {
  constructor(
    readonly offsetMs: number,
    /** Round trip of the sample the offset came from: the offset is good to about half of it. */
    readonly rttMs: number,
  ) {}

  /** A local time on the server's time line. */
  toServer(local: number): number {
    return local + this.offsetMs;
  }

  /** Milliseconds from a server stamp to a local moment. */
  since(serverStamp: number, local: number): number {
    return this.toServer(local) - (serverStamp + 0.5);
  }
}

/**
 * NTP-style estimate against `GET /api/bench/time` (served when the server runs with
 * BENCH_ENDPOINTS=1): `samples` round trips, keeping the one with the shortest round trip, whose
 * midpoint is closest to the moment the server read its clock. Null if the endpoint is not there.
 */
export async function measureServerClock(baseUrl: string, samples = 12, timeoutMs = 3000): Promise<ServerClock | null> {
  let best: ServerClock | null = null;
  for (let i = 0; i < samples; i += 1) {
    const t0 = localNow();
    const body = await fetch(`${baseUrl}/api/bench/time`, { signal: AbortSignal.timeout(timeoutMs) })
      .then((r) => (r.ok ? (r.json() as Promise<{ serverNow?: unknown }>) : null))
      .catch(() => null);
    const t1 = localNow();
    if (!body || typeof body.serverNow !== 'number') return best;
    const rtt = t1 - t0;
    if (!best || rtt < best.rttMs) best = new ServerClock(body.serverNow + 0.5 - (t0 + t1) / 2, rtt);
  }
  return best;
}
