import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allTypesQuiz, hostGame, ok, useServer } from '../integration/helpers.ts';
import { PYTHON_PATH } from '../support/prerequisites.ts';

const PROTOCOL_DOC = fileURLToPath(new URL('../../docs/protocol.md', import.meta.url));

/** The first ```python block under the "A minimal Python bot" heading, exactly as published. */
function botFromDoc(): string {
  const doc = readFileSync(PROTOCOL_DOC, 'utf8');
  const section = doc.slice(doc.indexOf('## A minimal Python bot'));
  const code = /```python\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!code) throw new Error('docs/protocol.md has no Python bot');
  return code;
}

/** Collects a process's stdout lines and resolves when one matches. */
function lines(child: ChildProcess): { all: string[]; waitFor(re: RegExp): Promise<string> } {
  const all: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (line: string) => void }> = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      all.push(line);
      for (const w of waiters.filter((x) => x.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  return {
    all,
    waitFor: (re) => {
      const seen = all.find((l) => re.test(l));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

describe("docs/protocol.md's Python bot", () => {
  const h = useServer();
  let bot: ChildProcess | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    if (bot && bot.exitCode === null) bot.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('plays a game of every question type to the end with the system python3', { timeout: 120_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'quizbus-python-bot-'));
    const file = join(dir, 'bot.py');
    writeFileSync(file, botFromDoc());
    const quiz = allTypesQuiz();
    const { game, host } = await hostGame(h, quiz);

    bot = spawn(PYTHON_PATH, [file, h.server.url, game.pin, 'Robo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    bot.stderr?.on('data', (c: Buffer) => stderr.push(c.toString()));
    const exited = new Promise<number | null>((resolve) => bot!.once('exit', resolve));
    const out = lines(bot);
    await Promise.race([
      out.waitFor(/^joined as Robo$/),
      exited.then((code) => {
        throw new Error(`the bot exited (${code}) before joining:\n${stderr.join('')}`);
      }),
    ]);

    // The host drives the game; time moves on the server's fake clock, the bot answers as
    // each question opens, and a question closes as soon as its one player has answered.
    ok(await host.send('host.start', {}));
    for (let index = 0; index < quiz.questions.length; index++) {
      const shown = await host.next('question.shown', (m) => m.index === index);
      await h.server.clock.advanceTo(shown.opensAt);
      await host.next('question.closed', (m) => m.reveal.index === index);
      ok(await host.send('host.next', {}));
      await host.next('leaderboard.shown', (m) => m.index === index);
      ok(await host.send('host.next', {}));
    }
    await host.next('game.ended');

    expect(await exited, stderr.join('')).toBe(0);
    expect(out.all.filter((l) => l.startsWith('answer '))).toEqual(quiz.questions.map((_, i) => `answer ${i} ok`));
    expect(out.all.filter((l) => /^q\d+: /.test(l))).toHaveLength(quiz.questions.length);
    expect(out.all.at(-1)).toMatch(/^final: rank 1 of 1, \d+ points$/);
  });
});
