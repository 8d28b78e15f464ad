import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, compileTrustProxy } from './client-address.ts';

function request(remote: string, forwarded?: string): IncomingMessage {
  return { socket: { remoteAddress: remote }, connection: { remoteAddress: remote }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} } as unknown as IncomingMessage;
}

describe('clientAddress with TRUST_PROXY', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddress(request('10.0.0.2', '1.2.3.4'), compileTrustProxy(undefined))).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '1.2.3.4'), compileTrustProxy('false'))).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '1.2.3.4'), compileTrustProxy('10.0.0.0/8'))).toBe('1.2.3.4');
    expect(clientAddress(request('192.168.1.1', '1.2.3.4'), compileTrustProxy('10.0.0.0/8'))).toBe('192.168.1.1');
  });

  it('trusts a number of hops, not more: a client cannot prepend addresses', () => {
    // The client sent "6.6.6.6"; the one trusted proxy appended the real client 1.2.3.4.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 1.2.3.4'), compileTrustProxy('1'))).toBe('1.2.3.4');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 1.2.3.4'), compileTrustProxy('loopback, 10.0.0.2'))).toBe('1.2.3.4');
  });
});

describe('addressKey', () => {
  it('unwraps IPv4-mapped addresses and groups IPv6 by /64', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
