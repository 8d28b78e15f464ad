/**
 * `npm run dev`: the developer loop. The server runs from TypeScript under `tsx watch`
 * (restarts on every change in server/ or shared/), and Vite's dev server serves the client
 * with hot reload on http://localhost:5173, proxying /api and /socket.io to the server on
 * :3000 (client/vite.config.ts). Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const children: ChildProcess[] = [
  spawn(npx, ['tsx', 'watch', '--clear-screen=false', 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit', env: { PORT: '3000', ...process.env } }),
  spawn(npx, ['vite'], { cwd: `${ROOT}client`, stdio: 'inherit' }),
];

let stopping = false;
/** Stops the other process when one ends, and both on Ctrl-C or SIGTERM. */
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.once('exit', (code) => stopAll(code ?? 1));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
