import type { IncomingMessage } from 'node:http';

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

/**
 * Whether a request comes from this machine itself: the connection's own address is loopback
 * (never X-Forwarded-For) and so is the Host it asked for. The Host check keeps a web page
 * that rebinds its own name to 127.0.0.1 (DNS rebinding) from counting as local. Behind any
 * proxy on this machine every client looks local, so callers switch this off there.
 */
export function fromThisMachine(req: IncomingMessage): boolean {
  return LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(req.headers.host ?? '');
}
