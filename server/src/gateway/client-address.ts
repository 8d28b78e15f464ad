import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyaddr from 'proxy-addr';

/** Whether to believe the proxy at `address`, `hop` hops from this server, about the client. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Compiles TRUST_PROXY the way Express reads `trust proxy`: unset or "false" trusts nobody
 * (the socket's own address counts); "true" every hop; a number that many hops; otherwise a
 * comma-separated list of addresses, subnets or the names loopback, linklocal, uniquelocal.
 * The same function serves Express (req.ip) and Socket.IO, so both see one address.
 */
export function compileTrustProxy(setting: string | undefined): TrustProxy {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'false') return () => false;
  if (value === 'true') return () => true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(',').map((s) => s.trim()).filter(Boolean));
}

/** The client's address for a request or a socket's handshake, per the trusted proxies. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}

/**
 * The key rate limits count under: IPv4 as is (IPv4-mapped IPv6 unwrapped); IPv6 by its /64,
 * because one household or phone holds a whole /64 and could otherwise rotate addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
