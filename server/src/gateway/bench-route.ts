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
 * than of whatever garbage happened to be around. Neither is needed by a real client.
 */
export function benchRoute(now: () => number): Router {
  const r = express.Router();
  r.get('/api/bench/time', (_req, res) => {
    const body: BenchTime = { serverNow: now() };
    res.set('cache-control', 'no-store').json(body);
  });
  r.get('/api/bench/memory', (_req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    const body: BenchMemory = { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss, collected: gc !== undefined };
    res.set('cache-control', 'no-store').json(body);
  });
  return r;
}
