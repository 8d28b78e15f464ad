import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, prettyDestination } from './logger.ts';

describe('pretty logs', () => {
  it('prints a readable line with the fields, tokens still redacted', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const logger = createLogger('info', { node: 'n1' }, prettyDestination(false, out));
    logger.info({ gameId: 'g-1', hostToken: 'secret-token' }, 'game created');
    const text = chunks.join('');
    expect(text).toMatch(/INFO.*game created/);
    expect(text).toContain('gameId: "g-1"');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('secret-token');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });
});
