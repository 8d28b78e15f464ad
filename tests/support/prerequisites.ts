import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What `npm test` needs besides node_modules, and how to get it; README.md says the same. */
export const PREREQUISITES =
  'npm test needs redis-server, Chromium and Python 3 with python-socketio: on Debian/Ubuntu run `apt-get install -y redis-server chromium python3-socketio python3-websocket`, or point REDIS_SERVER_PATH, CHROMIUM_PATH and PYTHON_PATH at other binaries.';

/** redis-server for the multi-node tests (tests/support/redis-server.ts). */
export const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH || 'redis-server';
/** Debian's Chromium (apt-get install chromium) for the browser tests. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The Python that runs docs/protocol.md's bot: Debian's, with python3-socketio and python3-websocket. */
export const PYTHON_PATH = process.env.PYTHON_PATH || '/usr/bin/python3';

/** Whether a program runs and exits 0 with these arguments. */
function runs(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 });
  return r.error === undefined && r.status === 0;
}

/** The prerequisites that are missing, by name (empty when all are there). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!runs(REDIS_SERVER_PATH, ['--version'])) missing.push(`redis-server (${REDIS_SERVER_PATH})`);
  if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium (${CHROMIUM_PATH})`);
  if (!runs(PYTHON_PATH, ['-c', 'import socketio, websocket'])) missing.push(`python3 with socketio and websocket (${PYTHON_PATH})`);
  return missing;
}

/**
 * Vitest globalSetup: stops the run at once, before any test, when a prerequisite is missing,
 * instead of letting dozens of tests fail one by one with a timeout.
 */
export default function setup(): void {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`${PREREQUISITES}\nMissing: ${missing.join(', ')}.`);
}
