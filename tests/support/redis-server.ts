import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from './free-port.ts';
import { REDIS_SERVER_PATH } from './prerequisites.ts';

export interface TestRedis {
  port: number;
  url: string;
  dir: string;
  /** Stops Redis the graceful way (SHUTDOWN, AOF flushed). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  /** The server's process id while it runs (to freeze it with SIGSTOP). */
  pid(): number | undefined;
}

/** Resolves when the port accepts a PING, rejects after `ms`. */
async function waitForPing(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ port, host: '127.0.0.1' });
      c.once('error', () => resolve(false));
      c.once('connect', () => c.write('PING\r\n'));
      c.once('data', (d) => {
        c.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis on ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A real redis-server for a test, on a free loopback port, AOF on, in a temporary folder.
 * Tests that need Redis start their own and stop it.
 */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-redis-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      REDIS_SERVER_PATH,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'no'],
      { stdio: 'ignore' },
    );
    await waitForPing(port, 10_000);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGTERM'); // redis-server shuts down gracefully on SIGTERM, flushing the AOF
    await exited;
    child = null;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    stop,
    start,
    pid: () => (child)?.pid,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
