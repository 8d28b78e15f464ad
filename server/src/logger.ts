import { pino, type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * Where a secret could end up in a log line by mistake: a token or password field at any of
 * the first three levels of a logged object, and the headers that carry them. The code never
 * logs them on purpose (tests/integration/secrets-in-logs.test.ts reads a whole game's log at
 * trace level to prove it); this is the net under that.
 */
export const REDACTED_PATHS = [
  'hostToken',
  'sessionToken',
  'password',
  'cookie',
  '*.hostToken',
  '*.sessionToken',
  '*.password',
  '*.cookie',
  '*.*.hostToken',
  '*.*.sessionToken',
  '*.*.password',
  'req.headers.cookie',
  'req.headers["x-host-token"]',
  'headers.cookie',
  'headers["x-host-token"]',
  'res.headers["set-cookie"]',
];

/**
 * Structured JSON logs. Tokens never reach a log line: the redact paths catch the places a
 * token could appear by mistake. `destination` is for tests that read the log.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = { level, base, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Human-readable lines (time, level, message, then the fields) for a person at a terminal,
 * written synchronously so nothing is lost when the process exits; stdout unless `to` is
 * given. Redaction is the same as in JSON mode: it happens before the line is formatted.
 */
export function prettyDestination(colorize: boolean, to?: NodeJS.WritableStream): DestinationStream {
  return pinoPretty({ colorize, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', ...(to && { destination: to }) });
}
