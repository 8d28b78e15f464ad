import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { PARTS, isStale } from '../../scripts/build.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT = join(ROOT, 'client');
const DIST = join(CLIENT, 'dist');

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, NODE_ENV: 'production' } }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}`));
      else resolve();
    });
  });
}

/** Whether client/dist is missing or older than any of its sources. */
export function clientBuildIsStale(): boolean {
  return isStale(PARTS.client);
}

/**
 * Builds the client into client/dist when it is stale, so browser tests always exercise the
 * current source. Builds into a temporary folder first and swaps it in, so a server started
 * by a parallel test run never sees a half-written dist.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (!clientBuildIsStale()) return;
  // Scratch folders under node_modules/.cache: git-ignored, and on the same disk for rename().
  const scratch = join(ROOT, 'node_modules', '.cache', 'quizbus-client');
  mkdirSync(scratch, { recursive: true });
  const tmp = join(scratch, `dist-${process.pid}`);
  // A child process with NODE_ENV=production builds exactly what `npm start` serves (vitest
  // sets NODE_ENV=test, which would give React's development build).
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], CLIENT);
  const old = join(scratch, `old-${process.pid}`);
  try {
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(tmp, DIST);
  } catch {
    // Another test run swapped its own fresh build in at the same moment: keep that one.
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('client/dist could not be replaced');
  } finally {
    rmSync(old, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why building the client failed in globalSetup, or null when client/dist is current. */
    clientBuildError: string | null;
  }
}

/**
 * Vitest globalSetup: once per run, before any test file. A failed build does not stop the
 * run (server and engine tests do not need the client); the browser tests report it.
 */
export default async function setup(project: TestProject): Promise<void> {
  let failure: string | null = null;
  try {
    await ensureClientBuilt();
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
    console.warn(`client build failed; browser tests will fail: ${failure}`);
  }
  project.provide('clientBuildError', failure);
}
