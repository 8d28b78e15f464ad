/**
 * The nodes' event-loop delay while playing, read from their /metrics (prom-client's
 * monitorEventLoopDelay, which starts a new window at every scrape). A forwarded answer's ack
 * crosses two nodes' event loops (and the owner's again for its reply), so this is the figure
 * that explains a three-node ack tail (issue 15 point 6, docs/benchmarks.md).
 */

/** Delay p99 and max of one node's event loop since its previous scrape, in ms (NaN if unreadable). */
export interface LoopLag {
  p99Ms: number;
  maxMs: number;
}

async function scrape(url: string): Promise<LoopLag> {
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const seconds = (name: string) => Number(new RegExp(`^quizbus_process_nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    return { p99Ms: Math.round(seconds('p99') * 10000) / 10, maxMs: Math.round(seconds('max') * 10000) / 10 };
  } catch {
    return { p99Ms: Number.NaN, maxMs: Number.NaN };
  }
}

/** Scrapes every node at once: the first call opens the window, the next reads it. */
export function loopLag(urls: readonly string[]): Promise<LoopLag[]> {
  return Promise.all(urls.map(scrape));
}
