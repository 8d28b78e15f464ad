import { describe, expect, it } from 'vitest';
import { useClusters } from '../support/cluster.ts';
import { printedLinks } from '../support/node-process.ts';

/**
 * Issue 21 on two nodes and a real Redis: a login link printed by one node works on the other,
 * once; a second use is refused on every node; the session cookie is good on both (one teacher
 * secret in Redis). TEACHER_LOOPBACK=0 as behind `npm run cluster`'s balancer.
 */
describe('teacher login links across nodes', () => {
  const suite = useClusters();

  it('uses a link up once for the whole cluster and shares the session', async () => {
    const { nodes } = await suite.start(2, { TEACHER_LOOPBACK: '0' });
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const token = new URL(printedLinks(a)[0] ?? '').searchParams.get('login') ?? '';
    expect(token).toMatch(/^[\w-]{43}$/);
    const login = (url: string) => fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

    expect((await fetch(`${b.url}/api/quizzes`)).status).toBe(401);
    const first = await login(b.url);
    expect(first.status).toBe(204);
    const cookie = (first.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    // Used on b: refused on a and on b.
    expect((await login(a.url)).status).toBe(401);
    expect((await login(b.url)).status).toBe(401);
    // The session b issued opens the library on a too.
    for (const n of [a, b]) expect((await fetch(`${n.url}/api/quizzes`, { headers: { cookie } })).status, n.id).toBe(200);
    // b, where it was used, printed a fresh link; it works on a.
    await expect.poll(() => printedLinks(b).length, { timeout: 10_000 }).toBe(2);
    const fresh = new URL(printedLinks(b)[1] ?? '').searchParams.get('login') ?? '';
    const second = await fetch(`${a.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: fresh }) });
    expect(second.status).toBe(204);
  });
});
