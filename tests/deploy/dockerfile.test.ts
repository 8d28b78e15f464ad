import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDockerfile, stageEnv, type DockerStage } from '../support/dockerfile.ts';
import { freePort } from '../support/free-port.ts';
import { waitForUrl } from '../support/node-process.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCKERFILE = join(ROOT, 'deploy', 'Dockerfile');
const stages = parseDockerfile(DOCKERFILE);
const build = stages.find((s) => s.name === 'build');
const runtime = stages.at(-1)!;

/** The shell commands of a stage's RUN lines, `&&`-chains split apart. */
function runCommands(stage: DockerStage): string[] {
  return stage.instructions.filter((i) => i.op === 'RUN').flatMap((i) => i.rest.split('&&').map((c) => c.trim()));
}

describe('deploy/Dockerfile', () => {
  it('builds with the dev dependencies in one stage and runs with the production ones in another', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(runCommands(build!)).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci(?!.*--omit)/), 'npm run build']));
    // The runtime starts from a clean Node image, not from the build stage and its toolchain.
    expect(runtime.base).toMatch(/^node:\d+/);
    expect(runCommands(runtime)).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci .*--omit=dev/)]));
    expect(stageEnv(runtime).NODE_ENV).toBe('production');
    // Only built output and the server's data files come over from the build stage: no sources.
    const fromBuild = runtime.instructions.filter((i) => i.op === 'COPY' && i.flags.from === 'build').map((i) => i.args[0]);
    expect(fromBuild).toEqual(expect.arrayContaining(['/app/server/dist', '/app/shared/dist', '/app/client/dist']));
    for (const source of fromBuild) expect(source).not.toMatch(/\/src\b|node_modules|^\/app\/?$/);
    const users = runtime.instructions.filter((i) => i.op === 'USER').map((i) => i.args[0]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    const healthcheck = runtime.instructions.find((i) => i.op === 'HEALTHCHECK');
    expect(healthcheck?.rest).toContain('/readyz');
    expect(runtime.instructions.at(-1)?.op).toBe('CMD');
  });

  describe("the runtime stage's command, from a folder prepared as the stage prepares /app", () => {
    const app = mkdtempSync(join(tmpdir(), 'quizbus-image-'));
    /** Paths the Dockerfile writes as /app/… land in the temporary folder. */
    const inApp = (p: string) => (p.startsWith('/app') ? join(app, p.slice('/app'.length)) : join(app, p));
    let server: ReturnType<typeof spawn> | undefined;

    afterAll(async () => {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(app, { recursive: true, force: true });
    });

    it('serves /healthz, the client and passes its own HEALTHCHECK', { timeout: 300_000 }, async () => {
      // What the build stage's `npm run build` leaves (rebuilt here only when stale).
      await run(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT });
      for (const step of runtime.instructions) {
        if (step.op === 'COPY') {
          const target = step.args.at(-1)!;
          for (const source of step.args.slice(0, -1)) {
            // --from=build: the build stage's /app is this checkout after the build above.
            const from = step.flags.from === 'build' ? join(ROOT, source.replace(/^\/app\/?/, '')) : join(ROOT, source);
            const to = target.endsWith('/') ? join(inApp(target), basename(source)) : inApp(target);
            mkdirSync(dirname(to), { recursive: true });
            cpSync(from, to, { recursive: true });
          }
        }
        if (step.op === 'RUN') {
          for (const command of step.rest.split('&&').map((c) => c.trim())) {
            // chown needs root and the image's `node` user; ownership is checked above (USER).
            if (command.startsWith('chown ')) continue;
            // The npm cache mount is the machine's own cache here.
            await run('sh', ['-c', command], { cwd: app, timeout: 240_000 });
          }
        }
      }
      // What the server runs without: none of the build tools reached the folder.
      for (const devTool of ['typescript', 'tsx', 'vite', 'vitest']) expect(existsSync(join(app, 'node_modules', devTool))).toBe(false);

      const port = await freePort();
      const env = { ...process.env, ...stageEnv(runtime), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: inApp(stageEnv(runtime).DATA_DIR ?? 'data'), NODE_OPTIONS: '' };
      const [command, ...args] = runtime.instructions.at(-1)!.args as [string, ...string[]];
      expect(command).toBe('node');
      const output: string[] = [];
      server = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
      server.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
      const url = `http://127.0.0.1:${port}`;
      await waitForUrl(`${url}/healthz`, 60_000).catch((err: unknown) => {
        throw new Error(`${String(err)}\n${output.join('')}`);
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
      expect(script, html).toBeDefined();
      expect((await fetch(`${url}${script}`)).status).toBe(200);

      const healthcheck = runtime.instructions.find((i) => i.op === 'HEALTHCHECK')!;
      const [hcCommand, ...hcArgs] = JSON.parse(healthcheck.rest.replace(/^CMD\s+/, '')) as [string, ...string[]];
      expect(hcCommand).toBe('node');
      await expect(run(process.execPath, hcArgs, { cwd: app, env })).resolves.toBeDefined();
    });
  });
});
