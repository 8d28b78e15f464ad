import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_DISPLAY_EDGE, MAX_IMAGE_UPLOAD_BYTES, type Quiz, type QuizInput, type UploadedImage } from '@quizbus/shared';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisAdapters } from '../../server/src/adapters/adapter-set.ts';
import { FakeClock } from '../../server/src/adapters/memory/fake-clock.ts';
import { keys } from '../../server/src/adapters/redis/keys.ts';
import { createQuizbus } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { saveQuiz } from '../support/test-client.ts';
import { startTestServer } from '../support/test-server.ts';
import { bombPng, gradientPng, phonePhotoJpeg, SCRIPTED_SVG } from '../support/test-images.ts';

/** One running node: its URL, how many images its store holds, and how to stop it. */
interface Node {
  url: string;
  dataDir?: string;
  stored(): Promise<number>;
}

/**
 * How a mode makes nodes: `first()` on an empty store, `peer()` another node on the first one's
 * store (same DATA_DIR, or the same Redis), `elsewhere()` a node on an empty store of its own
 * (another school's server).
 */
interface Mode {
  first(): Promise<Node>;
  peer(): Promise<Node>;
  elsewhere(): Promise<Node>;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const embedded: Mode = (() => {
  let dataDir = '';
  const start = async (env: Record<string, string> = {}): Promise<Node> => {
    const server = await startTestServer(env);
    closers.push(() => server.close());
    const dir = env.DATA_DIR ?? server.dataDir;
    return { url: server.url, dataDir: dir, stored: async () => (await readdir(join(dir, 'media')).catch(() => [])).filter((n) => !n.endsWith('.tmp')).length };
  };
  return {
    first: async () => {
      const node = await start();
      dataDir = node.dataDir ?? '';
      return node;
    },
    // A second server on the same DATA_DIR stands for the embedded server after a restart.
    peer: () => start({ DATA_DIR: dataDir }),
    elsewhere: () => start(),
  };
})();

let redis: TestRedis | null = null;
let db = 0;
const redisMode: Mode = (() => {
  const start = async (dbIndex: number, flush: boolean): Promise<Node> => {
    if (!redis) throw new Error('redis not started');
    const url = `${redis.url}/${dbIndex}`;
    const probe = new Redis(url);
    if (flush) await probe.flushdb();
    const clock = new FakeClock();
    const nodeId = `node-${dbIndex}-${Math.random().toString(36).slice(2, 6)}`;
    const adapters = await redisAdapters(url, nodeId, [], pino({ level: 'silent' }), { retentionMs: 3_600_000, clock });
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REDIS_URL: url, DATA_DIR: '/nonexistent-quizbus-data' });
    const quizbus = createQuizbus({ config, clock, adapters, nodeId });
    const close = async () => {
      probe.disconnect();
      await quizbus.close();
    };
    closers.push(close);
    return { url: `http://127.0.0.1:${await quizbus.listen()}`, stored: async () => (await probe.keys(keys.image('*'))).length };
  };
  return {
    first: () => start((db = (db + 2) % 16), true),
    peer: () => start(db, false),
    elsewhere: () => start(db + 1, true),
  };
})();

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.destroy();
});

const upload = (url: string, body: Uint8Array, type = 'application/octet-stream') =>
  fetch(`${url}/api/media`, { method: 'POST', headers: { 'content-type': type }, body });

async function uploaded(res: Response): Promise<UploadedImage> {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as UploadedImage;
}

const quizWith = (imageUrl: string): QuizInput => ({
  title: 'Pictures',
  questions: [{ type: 'single', text: 'Which planet?', imageUrl, imageOnPhones: true, options: ['Mars', 'Venus'], correct: 0 }],
});

/** Issue 16, point 4: uploaded images, on the embedded default and on Redis. */
describe.each([
  ['embedded (files under DATA_DIR)', embedded],
  ['Redis', redisMode],
] as const)('uploaded images: %s', (_name, mode) => {
  it('stores a PNG shrunk to the display size under the hash of its bytes, served with its type and cached for good; the same image is stored once', async () => {
    const node = await mode.first();
    const res = await upload(node.url, await gradientPng(3000, 1000), 'image/png');
    expect(res.status).toBe(201);
    const image = await uploaded(res);
    expect(image).toMatchObject({ contentType: 'image/png', width: IMAGE_DISPLAY_EDGE, height: 533 });
    expect(image.url).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);

    const served = await fetch(`${node.url}${image.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.length).toBe(image.bytes);
    expect(image.url).toContain(createHash('sha256').update(bytes).digest('hex'));
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 1600, height: 533 });
    const etag = served.headers.get('etag') ?? '';
    expect((await fetch(`${node.url}${image.url}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const again = await upload(node.url, await gradientPng(3000, 1000));
    expect(again.status).toBe(200);
    expect((await uploaded(again)).url).toBe(image.url);
    expect(await node.stored()).toBe(1);
    expect((await fetch(`${node.url}/media/${'0'.repeat(64)}.png`)).status).toBe(404);
  });

  it('drops EXIF and GPS from a phone photo and turns it upright first', async () => {
    const node = await mode.first();
    const photo = await phonePhotoJpeg();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('QuizbusPhone'); // the test image does carry them
    const image = await uploaded(await upload(node.url, photo, 'image/jpeg'));
    expect(image).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 1200 });
    const bytes = Buffer.from(await (await fetch(`${node.url}${image.url}`)).arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 800, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.toString('latin1')).not.toMatch(/QuizbusPhone|Secret Teacher|GPS/);
  });

  it('refuses what is not an image, too large, or a decompression bomb with a clear 4xx, and stores nothing', async () => {
    const node = await mode.first();
    const png = await gradientPng(40, 30);
    const cases: Array<[string, Uint8Array, string, number, string]> = [
      ['text named as a PNG', Buffer.from('hello, I am text'), 'image/png', 415, 'IMAGE_INVALID'],
      ['an SVG with a script', SCRIPTED_SVG, 'image/svg+xml', 415, 'IMAGE_INVALID'],
      ['a PNG cut short', png.subarray(0, 40), 'image/png', 415, 'IMAGE_INVALID'],
      ['a PNG header on a JPEG body', Buffer.concat([png.subarray(0, 8), await phonePhotoJpeg()]), 'image/png', 415, 'IMAGE_INVALID'],
      ['a body over the limit', Buffer.concat([png, Buffer.alloc(MAX_IMAGE_UPLOAD_BYTES)]), 'image/png', 413, 'IMAGE_TOO_LARGE'],
      ['a decompression bomb', bombPng(), 'image/png', 422, 'IMAGE_TOO_MANY_PIXELS'],
      ['an empty body', Buffer.alloc(0), 'image/png', 400, 'BAD_REQUEST'],
    ];
    for (const [what, body, type, status, code] of cases) {
      const res = await upload(node.url, body, type);
      expect(res.status, what).toBe(status);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code, what).toBe(code);
      expect(error.message.length, what).toBeGreaterThan(10);
    }
    expect(await node.stored()).toBe(0);
  });

  it('serves an upload from every node on the same store', async () => {
    const node = await mode.first();
    const image = await uploaded(await upload(node.url, await gradientPng(300, 200)));
    const peer = await mode.peer();
    const served = await fetch(`${peer.url}${image.url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(image.bytes);
  });

  it('exports a quiz as JSON with its image embedded; the import on another server restores the image', async () => {
    const node = await mode.first();
    const image = await uploaded(await upload(node.url, await gradientPng(500, 400)));
    const id = await saveQuiz(node.url, quizWith(image.url));
    const original = (await (await fetch(`${node.url}/api/quizzes/${id}`)).json()) as Quiz;
    expect(original.questions[0]?.imageUrl).toBe(image.url);

    const exported = (await (await fetch(`${node.url}/api/quizzes/${id}/export?format=json`)).json()) as Quiz;
    const embeddedUrl = exported.questions[0]?.imageUrl ?? '';
    expect(embeddedUrl.startsWith('data:image/png;base64,')).toBe(true);

    const other = await mode.elsewhere();
    expect((await fetch(`${other.url}${image.url}`)).status).toBe(404);
    const imported = await fetch(`${other.url}/api/quizzes/import?format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: JSON.stringify(exported),
    });
    expect(imported.status).toBe(201);
    const back = (await imported.json()) as Quiz;
    const { id: _a, ...restOfBack } = back;
    const { id: _b, ...restOfOriginal } = original;
    expect(restOfBack).toEqual(restOfOriginal);
    const served = await fetch(`${other.url}${image.url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(image.bytes);
    expect(await other.stored()).toBe(1);
  });

  it('refuses a JSON import whose embedded image is a bomb, saving neither quiz nor image', async () => {
    const node = await mode.first();
    const doc = quizWith(`data:image/png;base64,${bombPng().toString('base64')}`);
    const before = ((await (await fetch(`${node.url}/api/quizzes`)).json()) as unknown[]).length;
    const res = await fetch(`${node.url}/api/quizzes/import?format=json`, { method: 'POST', body: JSON.stringify(doc) });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; issues: Array<{ code: string; path: unknown[] }> } }).error;
    expect(error.issues).toEqual([expect.objectContaining({ code: 'IMAGE_TOO_MANY_PIXELS', path: ['questions', 0, 'imageUrl'] })]);
    expect(((await (await fetch(`${node.url}/api/quizzes`)).json()) as unknown[]).length).toBe(before);
    expect(await node.stored()).toBe(0);
  });
});

describe('an uploaded image in a quiz', () => {
  it('is accepted as a same-origin /media path; any other path is not', async () => {
    const node = await embedded.first();
    const save = (imageUrl: string) =>
      fetch(`${node.url}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(quizWith(imageUrl)) });
    expect((await save(`/media/${'a'.repeat(64)}.webp`)).status).toBe(201);
    for (const bad of ['/media/../secret.png', `/media/${'a'.repeat(64)}.svg`, '/etc/passwd', 'javascript:alert(1)', 'data:image/png;base64,AAAA']) {
      expect((await save(bad)).status, bad).toBe(400);
    }
  });
});
