import QRCode from 'qrcode';
import { reachableBaseUrls } from './network-urls.ts';

/** Where the printed login links point: PUBLIC_URL when set, else every LAN address of this machine. */
export function loginLinks(publicUrl: string | undefined, host: string, port: number, token: string): string[] {
  const bases = publicUrl ? [publicUrl.replace(/\/+$/, '')] : reachableBaseUrls(host, port);
  return bases.map((base) => `${base}/host?login=${encodeURIComponent(token)}`);
}

/**
 * The lines a teacher reads in the terminal: the one-time login links (one token, one line per
 * address; whichever is opened first uses it) and a QR code of the first, for a tablet.
 */
export async function loginLinkLines(links: readonly string[]): Promise<string[]> {
  const [first] = links;
  if (!first) return [];
  const qr = await QRCode.toString(first, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
  return [
    ...links.map((l, i) => `  ${i === 0 ? 'Teacher login:  ' : '                '}${l}`),
    '  (works once, on one device: it logs that browser in for 12 hours; a new link is printed after each use)',
    qr.trimEnd(),
  ];
}
