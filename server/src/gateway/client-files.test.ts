import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFiles } from './client-files.ts';

/** Issue 12, point 8: how the built client goes over HTTP (gzip, caching, no source maps, 404s). */
describe('clientFiles', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i}`))};\n`;

  beforeAll(async () => {
    dir = `${await mkdtemp(join(tmpdir(), 'quizbus-client-files-'))}/`;
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(dir, 'assets', 'app-abc123.js'), script);
    // A map from a build made with source maps: it must still not be served.
    await writeFile(join(dir, 'assets', 'app-abc123.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const app = express();
    app.use(clientFiles(dir));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends scripts gzipped to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch unzips: the body is the script itself.
    expect(await res.text()).toBe(script);
  });

  it('answers 404 for any source map, even one lying in the folder', async () => {
    for (const path of ['/assets/app-abc123.js.map', '/assets/other.js.map', '/app.js.map']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('secret.ts');
    }
  });

  it('answers 404 for a missing asset instead of the app page, and the app page for a screen', async () => {
    const missing = await fetch(`${base}/assets/play-page-old.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>app</title>');
    const screen = await fetch(`${base}/play`);
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('<title>app</title>');
  });
});
