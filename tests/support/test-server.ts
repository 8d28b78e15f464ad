import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../server/src/adapters/memory/fake-clock.ts';
import { createQuizbus, type Quizbus } from '../../server/src/app.ts';
import type { Logger } from 'pino';
import type { AdapterSet } from '../../server/src/adapters/adapter-set.ts';
import { loadConfig, type Config } from '../../server/src/config.ts';

export interface TestServer {
  url: string;
  clock: FakeClock;
  quizbus: Quizbus;
  dataDir: string;
  /**
   * Headers that make a request the teacher's: the session cookie from a one-time login link
   * (empty with TEACHER_ACCESS=open). Requests from loopback count as the teacher anyway
   * unless TRUST_PROXY or TEACHER_LOOPBACK=0 is set.
   */
  teacher: Record<string, string>;
  close(): Promise<void>;
}

/** Logs in with a fresh login link, as a teacher's browser does, and returns the cookie header. */
export async function teacherHeaders(url: string, quizbus: Quizbus): Promise<Record<string, string>> {
  if (!quizbus.teacher.required) return {};
  const token = await quizbus.teacher.newLoginToken();
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0];
  if (res.status !== 204 || !cookie) throw new Error(`teacher login link: ${res.status}`);
  return { cookie };
}

/**
 * A real Quizbus node on an ephemeral loopback port, with a fake clock for game timers and a
 * temporary DATA_DIR (and the embedded adapters unless `adapters` makes others). Tests move time with `clock.advance(ms)`; nothing sleeps.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { logger?: Logger; adapters?: (clock: FakeClock, dataDir: string) => AdapterSet } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'quizbus-test-'));
  const config: Config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const clock = new FakeClock();
  const adapters = options.adapters?.(clock, dataDir);
  const quizbus = createQuizbus({ config, clock, ...(options.logger && { logger: options.logger }), ...(adapters && { adapters }) });
  const port = await quizbus.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    clock,
    quizbus,
    dataDir,
    teacher: await teacherHeaders(url, quizbus),
    close: async () => {
      await quizbus.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
