import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import express, { type Router } from 'express';

/** What `GET /api/bench/memory` answers: the process's memory right after a full collection. */
export interface BenchMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** Whether a full garbage collection ran first (the process was started with --expose-gc). */
  collected: boolean;
}

/** What `GET /api/bench/time` answers: this server's clock, for an NTP-style offset estimate. */
export interface BenchTime {
  serverNow: number;
}

/**
 * Routes for the benchmark (`npm run bench`), mounted only when BENCH_ENDPOINTS is set: the
 * server's clock, so a load generator can put its receipt times on the server's time line, and
 * the heap after a forced collection, so heap per player is a difference of live bytes rather
 * than of whatever garbage happened to be around. Neither is needed by a real client. With
 * `snapshotDir` (BENCH_HEAP_SNAPSHOT_DIR), `?snapshot=LABEL` also writes a V8 heap snapshot
 * there, so a profile can say which objects a player costs.
 */
export function benchRoute(now: () => number, nodeId: string, snapshotDir?: string): Router {
  const r = express.Router();
  r.get('/api/bench/time', (_req, res) => {
    const body: BenchTime = { serverNow: now() };
    res.set('cache-control', 'no-store').json(body);
  });
  r.get('/api/bench/memory', (req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const label = typeof req.query.snapshot === 'string' ? req.query.snapshot.replace(/[^a-z0-9-]/gi, '') : '';
    if (snapshotDir && label) writeHeapSnapshot(join(snapshotDir, `${nodeId}-${label}.heapsnapshot`));
    const m = process.memoryUsage();
    const body: BenchMemory = { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss, collected: gc !== undefined };
    res.set('cache-control', 'no-store').json(body);
  });
  return r;
}
