import { redisAdapters } from './adapters/adapter-set.ts';
import { SystemClock } from './adapters/memory/system-clock.ts';
import { createQuizbus, nodeIdFor } from './app.ts';
import { loadConfig, redisSetup } from './config.ts';
import { createLogger, prettyDestination } from './logger.ts';
import { joinBaseUrl, reachableBaseUrls } from './network-urls.ts';
import { loadBundledQuizzes } from './quizzes/bundled.ts';
import { loginLinkLines, loginLinks } from './teacher-link.ts';

/** `npm start`: one node on the embedded default, or one of many on Redis when REDIS_URL (or a cluster or sentinels) is set. */
const config = loadConfig();
const nodeId = nodeIdFor(config);
// A teacher at a terminal reads lines; piped output (Docker, systemd, a log shipper) stays JSON.
const pretty = config.PRETTY_LOGS ?? process.stdout.isTTY;
const logger = createLogger(config.LOG_LEVEL, { node: nodeId }, pretty ? prettyDestination(process.stdout.isTTY) : undefined);
const reports = { retentionMs: config.REPORT_RETENTION_DAYS * 24 * 3600 * 1000, clock: new SystemClock() };
const redis = redisSetup(config);
const adapters = redis ? await redisAdapters(redis.topology, nodeId, loadBundledQuizzes(), logger, reports, redis.wait) : undefined;
let port = config.PORT;
/** A fresh one-time login link, printed for a person (not logged: the token is a secret). */
const printLoginLink = async (): Promise<string[]> => {
  const token = await quizbus.teacher.newLoginToken();
  return loginLinkLines(loginLinks(config.PUBLIC_URL, config.HOST, port, token));
};
const quizbus = createQuizbus({
  config,
  logger,
  nodeId,
  ...(adapters && { adapters }),
  onLoginLinkUsed: () => {
    void printLoginLink().then(
      (lines) => process.stdout.write(['', 'A teacher login link was used. A new one, for another device:', ...lines, ''].join('\n') + '\n'),
      (err: unknown) => logger.error({ err }, 'could not make a new teacher login link'),
    );
  },
});
port = await quizbus.listen();

const urls = reachableBaseUrls(config.HOST, port);
const join = joinBaseUrl(config.PUBLIC_URL, config.HOST, port);
logger.info({ port, host: config.HOST, mode: adapters ? 'redis' : 'embedded', dataDir: config.DATA_DIR }, 'quizbus listening');
const teacher = quizbus.teacher;
const access = !teacher.required
  ? ['  Teacher access is OPEN (TEACHER_ACCESS=open): anyone who reaches this server can read the answers.', `  Teacher (host):  http://localhost:${port}/host`, ...urls.map((u) => `  On the network:  ${u}/host`)]
  : [
      ...(await printLoginLink()),
      teacher.thisMachineIsTeacher
        ? `  On this computer: http://localhost:${port}/host (no login needed from the machine itself)`
        : config.TEACHER_PASSWORD
          ? '  Or log in at /host with TEACHER_PASSWORD.'
          : '  Restart the server for a new login link if this one is lost.',
    ];
// People read this part: plain lines, not JSON.
process.stdout.write(
  ['', `Quizbus is running (${adapters ? `node ${nodeId} on Redis` : 'embedded, no Redis'}).`, ...access, `  Students join:   ${join}/`, ''].join('\n') + '\n',
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: handing games over');
  setTimeout(() => process.exit(0), 5000).unref();
  // The process exits either way: after the hand-over, or after 5 s (timer above).
  void quizbus.shutdown().finally(() => process.exit(0));
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
