#!/usr/bin/env node
// Plain JavaScript on purpose: `npm start` runs this before the server, also after
// `npm prune --omit=dev`, when neither tsx nor TypeScript is installed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const at = (/** @type {string[]} */ ...parts) => join(ROOT, ...parts);

/** What each part is built from and the file whose age says when it was last built. */
export const PARTS = {
  server: {
    built: at('server', 'dist', '.build-stamp'),
    sources: [
      at('server', 'src'),
      at('shared', 'src'),
      at('server', 'tsconfig.build.json'),
      at('shared', 'tsconfig.build.json'),
      at('tsconfig.base.json'),
      at('shared', 'package.json'),
    ],
  },
  client: {
    built: at('client', 'dist', 'index.html'),
    sources: [at('client', 'src'), at('client', 'build'), at('client', 'vite-catalog-plugin.ts'), at('client', 'index.html'), at('client', 'vite.config.ts'), at('client', 'package.json'), at('shared', 'src')],
  },
};

/**
 * The newest modification time under a file or folder (0 when it does not exist).
 * @param {string} path
 * @returns {number}
 */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Whether a part's build output is missing or older than any of its sources.
 * @param {{ built: string, sources: string[] }} part
 * @returns {boolean}
 */
export function isStale(part) {
  if (!existsSync(part.built)) return true;
  return Math.max(...part.sources.map(newestMtime)) > statSync(part.built).mtimeMs;
}

/**
 * Runs a Node.js program, output passed through; rejects when it fails.
 * @param {string[]} args
 * @param {string} cwd
 * @param {Record<string, string>} [env]
 * @returns {Promise<void>}
 */
function runNode(args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * A build tool's entry script, or a clear error when dev dependencies were left out.
 * @param {string} pkg
 * @param {string} bin
 * @returns {string}
 */
function tool(pkg, bin) {
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`, { paths: [ROOT, at('client')] })), bin);
  } catch {
    throw new Error(`${pkg} is not installed: the build needs the dev dependencies (npm ci, then npm run build; prune afterwards).`);
  }
}

/**
 * shared + server → JavaScript with tsc (project references, incremental). --noCheck: only
 * emit; checking the types is `npm run typecheck`'s job (CI runs it), and skipping it here
 * halves the time a fresh clone waits for `npm start` (8 s of CPU instead of 17).
 */
async function buildServer() {
  await runNode([tool('typescript', 'bin/tsc'), '-b', '--noCheck', at('server', 'tsconfig.build.json')], ROOT);
  // tsc -b rewrites only what changed, so the stamp, not main.js, dates the build.
  writeFileSync(PARTS.server.built, `${new Date().toISOString()}\n`);
}

/** The React client → client/dist with Vite. */
async function buildClient() {
  // React's production build whatever NODE_ENV the shell has.
  await runNode([tool('vite', 'bin/vite.js'), 'build'], at('client'), { NODE_ENV: 'production' });
}

const builders = { server: buildServer, client: buildClient };

/**
 * Builds every part (`npm run build`), or only the stale ones with `--if-stale` (`npm start`).
 * @param {string[]} argv
 */
async function main(argv) {
  const onlyStale = argv.includes('--if-stale');
  const names = /** @type {Array<keyof typeof PARTS>} */ (Object.keys(PARTS)).filter((name) => !onlyStale || isStale(PARTS[name]));
  if (names.length === 0) return;
  if (onlyStale) console.log(`Building ${names.join(' and ')} (missing or older than the sources)…`);
  await Promise.all(names.map((name) => builders[name]()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((/** @type {unknown} */ err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
