import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { loginLinkLines, loginLinks } from './teacher-link.ts';

/**
 * Reads a terminal QR code (`qrcode`'s small mode: each character is two modules, the top and
 * bottom halves, dark on a light background) back into pixels and decodes it as a camera would.
 */
function decodeTerminalQr(lines: string[]): string | null {
  const rows: boolean[][] = [];
  for (const line of lines) {
    // Colours aside, what is drawn: █ both halves dark, ▀ the top, ▄ the bottom, space neither.
    // eslint-disable-next-line no-control-regex
    const marks = line.replace(/\x1b\[[0-9;]*m/g, '');
    if (marks.length === 0) continue;
    const light = line.includes('\x1b[37m▀');
    rows.push([...marks].map((c) => !light && (c === '█' || c === '▀')));
    rows.push([...marks].map((c) => !light && (c === '█' || c === '▄')));
  }
  const scale = 4;
  const quiet = 4 * scale;
  const width = Math.max(...rows.map((r) => r.length)) * scale + 2 * quiet;
  const height = rows.length * scale + 2 * quiet;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const i = ((quiet + y * scale + dy) * width + quiet + x * scale + dx) * 4;
          data.fill(0, i, i + 3);
        }
      }
    }),
  );
  return jsQR(data, width, height)?.data ?? null;
}

describe('printed teacher login links', () => {
  const token = 'R3aEzBcKK9w1N0LIzDyHC3YoZN-1yFjPk8o7jDJG5j0';

  it('point at PUBLIC_URL when it is set, else at the address the server is bound to', () => {
    expect(loginLinks('https://quiz.school.example/', '0.0.0.0', 3000, token)).toEqual([`https://quiz.school.example/host?login=${token}`]);
    expect(loginLinks(undefined, '192.0.2.7', 3000, token)).toEqual([`http://192.0.2.7:3000/host?login=${token}`]);
  });

  it('come with a QR code in the terminal that reads back as the first link', async () => {
    const links = loginLinks(undefined, '192.0.2.7', 3000, token);
    const lines = await loginLinkLines(links);
    expect(lines[0]).toBe(`  Teacher login:  ${links[0]}`);
    const qr = lines.slice(2).join('\n').split('\n');
    expect(decodeTerminalQr(qr)).toBe(links[0]);
  });
});
