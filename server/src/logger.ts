import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Tokens never reach a log line: the redact paths catch the places a
 * token could appear by mistake.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base,
    redact: { paths: ['hostToken', 'sessionToken', '*.hostToken', '*.sessionToken', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
