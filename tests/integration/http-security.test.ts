import { describe, expect, it } from 'vitest';
import { saveQuiz } from '../support/test-client.ts';
import { singleQuiz, useServer } from './helpers.ts';

/** Issue 6, point 4: security headers, CORS closed by default, body limits, no stack traces. */
describe('HTTP hardening', () => {
  describe('defaults', () => {
    const h = useServer();

    it('sends a Content-Security-Policy and the other helmet headers on pages and the API', async () => {
      for (const path of ['/', '/host', '/api/quizzes', '/api/nothing']) {
        const res = await fetch(`${h.server.url}${path}`);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("default-src 'self'");
        expect(csp, path).toContain("script-src 'self'");
        expect(csp, path).toContain("script-src-attr 'none'");
        expect(csp, path).toContain("object-src 'none'");
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).not.toContain('unsafe-inline');
        expect(csp, path).not.toContain('unsafe-eval');
        expect(csp, path).not.toContain('upgrade-insecure-requests');
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
        expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
        expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
        expect(res.headers.get('x-powered-by'), path).toBeNull();
      }
    });

    it('sends no CORS headers to another origin, for requests or preflights', async () => {
      const origin = { origin: 'https://evil.example' };
      const get = await fetch(`${h.server.url}/api/quizzes`, { headers: origin });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetch(`${h.server.url}/api/games`, {
        method: 'OPTIONS',
        headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-methods')).toBeNull();
      // Socket.IO's long-polling handshake does not open to other origins either.
      const poll = await fetch(`${h.server.url}/socket.io/?EIO=4&transport=polling`, { headers: origin });
      expect(poll.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a body over 512 KB with 413 and JSON', async () => {
      const res = await fetch(`${h.server.url}/api/quizzes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x', junk: 'y'.repeat(600 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The body is too large.' } });
    });

    it('answers a server fault with a 500 in JSON, without the stack or the error text', async () => {
      const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'fault'));
      const secret = 'SECRET-DETAIL /srv/quizbus/node_modules/thing.js:12:34';
      h.server.quizbus.node.create = () => Promise.reject(new Error(secret));
      const res = await fetch(`${h.server.url}/api/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quizId }) });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/json');
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
      for (const leak of ['SECRET', 'stack', 'node_modules', '.js:', '    at ']) expect(text).not.toContain(leak);
      // Malformed JSON is the client's fault: 400, also without a stack.
      const bad = await fetch(`${h.server.url}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toBe(JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON.' } }));
    });

    it('validates an imported quiz like the editor and keeps prototype keys out', async () => {
      const bad = await fetch(`${h.server.url}/api/quizzes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Imported', questions: [{ type: 'single', text: 'Q', options: ['a'], correct: 3 }] }),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
      const body = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(singleQuiz(1, 'proto')).slice(1)}`;
      const res = await fetch(`${h.server.url}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(201);
      const saved = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(saved)).not.toContain('__proto__');
      expect(Object.keys(saved)).not.toContain('constructor');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    const h = useServer({ CORS_ORIGINS: 'https://school.example, https://lms.example/' });

    it('opens the API to the listed origins only, without credentials', async () => {
      const ok = await fetch(`${h.server.url}/api/games`, {
        method: 'OPTIONS',
        headers: { origin: 'https://lms.example', 'access-control-request-method': 'POST' },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://lms.example');
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const get = await fetch(`${h.server.url}/api/server-info`, { headers: { origin: 'https://school.example' } });
      expect(get.headers.get('access-control-allow-origin')).toBe('https://school.example');
      const other = await fetch(`${h.server.url}/api/server-info`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
