import { networkInterfaces } from 'node:os';

/**
 * The addresses a phone on the same network can reach: every non-internal IPv4 address of
 * this machine (loopback only when there is nothing else, or when bound to it).
 */
export function reachableBaseUrls(host: string, port: number): string[] {
  const portPart = port === 80 ? '' : `:${port}`;
  if (host !== '0.0.0.0' && host !== '::' && host !== '') return [`http://${host.includes(':') ? `[${host}]` : host}${portPart}`];
  const urls: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}${portPart}`);
    }
  }
  return urls.length > 0 ? urls : [`http://127.0.0.1${portPart}`];
}

/** Join links start here: PUBLIC_URL if set, else the first LAN address. */
export function joinBaseUrl(publicUrl: string | undefined, host: string, port: number): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return reachableBaseUrls(host, port)[0] as string;
}
