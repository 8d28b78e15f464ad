/** What the soak reads from a node's /metrics: memory, and the counts that would grow with a leak. */
export interface NodeSample {
  /** Seconds since the soak mode started. */
  t: number;
  node: string;
  rssMb: number;
  heapUsedMb: number;
  sockets: number;
  ownedGames: number;
  watchedGames: number;
  gameTimers: number;
  throttleTimers: number;
  /** Every timer pending on the node's clock (periodic tasks included: a constant few when idle). */
  clockTimers: number;
  subscriptions: number;
}

const METRICS: Record<Exclude<keyof NodeSample, 't' | 'node'>, string> = {
  rssMb: 'process_resident_memory_bytes',
  heapUsedMb: 'nodejs_heap_size_used_bytes',
  sockets: 'quizbus_connected_sockets',
  ownedGames: 'quizbus_live_games',
  watchedGames: 'quizbus_watched_games',
  gameTimers: 'quizbus_game_timers',
  throttleTimers: 'quizbus_throttle_timers',
  clockTimers: 'quizbus_clock_timers',
  subscriptions: 'quizbus_bus_subscriptions',
};

/** Reads one sample of a node's /metrics (Prometheus text format). */
export async function sampleNode(url: string, node: string, t: number): Promise<NodeSample> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (m) values.set(m[1] as string, Number(m[2]));
  }
  const read = (suffix: string) => {
    for (const [name, v] of values) if (name === suffix || name.endsWith(`_${suffix}`)) return v;
    return Number.NaN;
  };
  const sample: NodeSample = { t, node, rssMb: 0, heapUsedMb: 0, sockets: 0, ownedGames: 0, watchedGames: 0, gameTimers: 0, throttleTimers: 0, clockTimers: 0, subscriptions: 0 };
  for (const [key, name] of Object.entries(METRICS) as Array<[keyof typeof METRICS, string]>) {
    const v = read(name);
    sample[key] = key === 'rssMb' || key === 'heapUsedMb' ? Math.round((v / 1048576) * 10) / 10 : v;
  }
  return sample;
}

/** Samples every node every `everyMs` until stopped. */
export function startSampler(nodes: Array<{ url: string; id: string }>, everyMs: number, started: number): { samples: NodeSample[]; stop(): void } {
  const samples: NodeSample[] = [];
  const tick = async () => {
    const t = Math.round((Date.now() - started) / 1000);
    for (const n of nodes) {
      const s = await sampleNode(n.url, n.id, t).catch(() => null);
      if (s) samples.push(s);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  return { samples, stop: () => clearInterval(timer) };
}

/** Heap and RSS right after a full garbage collection (BENCH_ENDPOINTS on, node run with --expose-gc). */
export interface CollectedMemory {
  node: string;
  heapUsedMb: number;
  rssMb: number;
  collected: boolean;
}

export async function collectedMemory(url: string, node: string): Promise<CollectedMemory> {
  const m = (await (await fetch(`${url}/api/bench/memory`)).json()) as { heapUsed: number; rss: number; collected: boolean };
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  return { node, heapUsedMb: mb(m.heapUsed), rssMb: mb(m.rss), collected: m.collected };
}
