import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Images for the upload tests, made on the spot (no binary fixtures in the repo): ordinary
 * ones, one carrying the metadata that must go, and the bad inputs that must be refused.
 */

/** A `width`×`height` PNG with a colour gradient (so it is not one flat colour). */
export async function gradientPng(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((255 * x) / width);
      raw[i + 1] = Math.round((255 * y) / height);
      raw[i + 2] = 160;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A 1200×800 JPEG as a phone takes it: camera EXIF, GPS position, and "rotate 90°" orientation. */
export async function phonePhotoJpeg(): Promise<Buffer> {
  return sharp(await gradientPng(1200, 800))
    .jpeg()
    .withExif({
      IFD0: { Make: 'QuizbusPhone', Model: 'Leaky 1', Copyright: 'Secret Teacher' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * A real decompression bomb: a valid 8000×8000 greyscale PNG of zeros, about 60 KB on the
 * wire and 64 million pixels once decoded (over MAX_IMAGE_PIXELS).
 */
export function bombPng(side = 8000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // Each row: filter byte 0 and `side` zero pixels.
  const pixels = deflateSync(Buffer.alloc((side + 1) * side), { level: 9 });
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** An SVG with a script: an image to a browser, never to Quizbus. */
export const SCRIPTED_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
