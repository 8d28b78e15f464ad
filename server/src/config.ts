import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/**
 * Configuration from the environment, validated at start. README.md lists every variable.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Overrides the address printed and used in join links, e.g. https://quiz.school.example */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** With it, nodes share games over Redis (issue: scale-out); without it, the embedded default. */
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A game with no command from a person for this long is ended and removed. */
  IDLE_GAME_MINUTES: z.coerce.number().positive().default(120),
  /** An ended game stays available (podium, results) this long. */
  ENDED_GAME_MINUTES: z.coerce.number().min(0).default(30),
  /** Largest Socket.IO message accepted, in bytes. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(2_000_000),
  NODE_ID: z.string().optional(),
  /** With Redis: how long a game's ownership lasts unless renewed; a dead node's games move after it. */
  LEASE_MS: z.coerce.number().int().min(500).default(5000),
  PRETTY_LOGS: bool.optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Reads the configuration; empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  return configSchema.parse(cleaned);
}
