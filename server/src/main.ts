import { createQuizbus } from './app.ts';
import { loadConfig } from './config.ts';
import { joinBaseUrl, reachableBaseUrls } from './network-urls.ts';

/** `npm start`: one node on the embedded default (or Redis when REDIS_URL is set). */
const config = loadConfig();
const quizbus = createQuizbus({ config });
const port = await quizbus.listen();
const { logger } = quizbus;

const urls = reachableBaseUrls(config.HOST, port);
const join = joinBaseUrl(config.PUBLIC_URL, config.HOST, port);
logger.info({ port, host: config.HOST, mode: config.REDIS_URL ? 'redis' : 'embedded', dataDir: config.DATA_DIR }, 'quizbus listening');
// People read this part: plain lines, not JSON.
process.stdout.write(
  [
    '',
    'Quizbus is running.',
    `  Teacher (host):  http://localhost:${port}/host`,
    ...urls.map((u) => `  On the network:  ${u}/host`),
    `  Students join:   ${join}/`,
    '',
  ].join('\n') + '\n',
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  void quizbus.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
