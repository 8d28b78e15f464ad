import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface NodeProcess {
  id: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Log lines the node wrote (JSON), for diagnosis. */
  output: string[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const ROOT = new URL('../../', import.meta.url).pathname;

/** Polls a URL until it answers 200 or the deadline passes. */
export async function waitForUrl(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real Quizbus server process (`server/src/main.ts`), as in production, on a free port.
 * Resolves once its /readyz answers.
 */
export async function startNode(id: string, env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), `quizbus-${id}-`));
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ID: id, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // CLUSTER_LOG_DIR=/tmp/x keeps each node's log in a file, for looking into a failure.
  const logFile = process.env.CLUSTER_LOG_DIR ? createWriteStream(join(process.env.CLUSTER_LOG_DIR, `${id}-${port}.log`)) : null;
  const collect = (chunk: Buffer) => {
    logFile?.write(chunk);
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => rm(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitForUrl(`${url}/readyz`, 60_000),
    exited.then((code) => {
      throw new Error(`node ${id} exited with ${code} before it was ready:\n${output.slice(-20).join('\n')}`);
    }),
  ]);
  return {
    id,
    port,
    url,
    child,
    output,
    exited,
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

const LOGIN_LINK = /Teacher login:\s+(https?:\/\/\S+\/host\?login=\S+)/;

/** The teacher login links a node has printed so far (at start, then after each use), oldest first. */
export function printedLinks(node: NodeProcess): string[] {
  return node.output.flatMap((line) => {
    const m = LOGIN_LINK.exec(line);
    return m?.[1] ? [m[1]] : [];
  });
}
