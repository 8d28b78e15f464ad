import { MAX_IMAGE_FRAMES } from '@quizbus/shared';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageRejected, processImage, sniffImageType } from './process-image.ts';

/** An animated GIF of `frames` solid frames, `width`×`height` each. */
async function animatedGif(frames: number, width: number, height: number): Promise<Buffer> {
  const parts = await Promise.all(
    Array.from({ length: frames }, (_, f) => sharp({ create: { width, height, channels: 3, background: { r: (f * 37) % 256, g: 90, b: 20 } } }).png().toBuffer()),
  );
  return sharp(parts, { join: { animated: true } }).gif().toBuffer();
}

describe('processImage', () => {
  it.each([
    ['PNG', Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'), 'png'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'jpg'],
    ['GIF89a', Buffer.from('GIF89a....', 'latin1'), 'gif'],
    ['WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'webp'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['BMP', Buffer.from('BM\x00\x00\x00\x00', 'latin1'), null],
    ['RIFF that is not WebP (WAV)', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'), null],
  ])('reads the type of %s from its first bytes', (_what, bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it('keeps an animated GIF animated while shrinking every frame', async () => {
    const out = await processImage(await animatedGif(3, 2000, 100));
    expect(out).toMatchObject({ ext: 'gif', width: 1600, height: 80 });
    expect(await sharp(out.bytes).metadata()).toMatchObject({ format: 'gif', pages: 3, width: 1600 });
  });

  it(`refuses an animation of more than ${MAX_IMAGE_FRAMES} frames before decoding it`, async () => {
    const err = await processImage(await animatedGif(MAX_IMAGE_FRAMES + 1, 8, 8)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageRejected);
    expect(err).toMatchObject({ status: 422, code: 'IMAGE_TOO_MANY_PIXELS' });
  });

  it('gives the same name to the same image, whatever it was called or sent as', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#336699' } }).png().toBuffer();
    const [a, b] = await Promise.all([processImage(png), processImage(Buffer.from(png))]);
    expect(a.name).toBe(b.name);
    expect(a.name).toMatch(/^[0-9a-f]{64}\.png$/);
  });
});
