import { createHash } from 'node:crypto';
import type { AssignmentProgress, CreateAssignmentResponse, GameReport } from '@quizbus/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQuiz } from '../integration/helpers.ts';
import { launchBrowser, phoneContext, screenshot, watchPage } from '../support/browser.ts';
import { useClusters } from '../support/cluster.ts';
import { saveQuiz } from '../support/test-client.ts';

/** The node the TCP balancer sends 127.0.0.1 to (scripts/tcp-balancer.ts hashes the client address). */
const homeOfLoopback = (nodes: number) => createHash('sha1').update('127.0.0.1').digest().readUInt32BE(0) % nodes;

/** Answers a node counted for students (its quizbus_assignment_requests_total, request="answer", outcome="ok"). */
async function answersServed(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('quizbus_assignment_requests_total{') && l.includes('request="answer"') && l.includes('outcome="ok"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Issue 16, point 2, on several nodes: an assignment is created on one node and played in
 * Chromium through the balancer, which sends the phone to another node. Half way, both of
 * those nodes are killed (SIGKILL, no hand-over): the phone reloads, lands on the third node
 * and resumes its attempt there. Nothing acknowledged is lost: the score, every answer and the
 * report are whole, read from the surviving node.
 */
describe('a self-paced assignment survives the death of the nodes it was made and played on', () => {
  const clusters = useClusters();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('resumes on a third node and reports every answer', { timeout: 180_000 }, async () => {
    const cluster = await clusters.start(3);
    const home = homeOfLoopback(3);
    const maker = cluster.nodes[(home + 1) % 3]!;
    const survivor = cluster.nodes[(home + 2) % 3]!;
    const quizId = await saveQuiz(maker.url, singleQuiz(4, 'mn'));
    const res = await fetch(`${maker.url}/api/assignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quizId, closesAt: Date.now() + 24 * 3600_000 }),
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as CreateAssignmentResponse;

    const problems: string[] = [];
    const phone = watchPage(await (await phoneContext(browser)).newPage(), problems, 'student');
    const url = `${cluster.balancerUrl}/a/${made.pin}`;
    await phone.goto(url);
    await phone.getByLabel('Name or student id').fill('Ann');
    await phone.getByRole('button', { name: 'Start' }).click();
    await phone.getByRole('button', { name: 'mn-right-0' }).click();
    await phone.getByRole('heading', { name: 'Correct!' }).waitFor();
    await phone.getByRole('button', { name: 'Next question' }).click();
    await phone.getByRole('button', { name: 'mn-wrong-1' }).click();
    await phone.getByRole('heading', { name: 'Not quite' }).waitFor();
    const before = Number((await phone.getByTestId('score').textContent())?.replace(/\D/g, ''));
    expect(before).toBeGreaterThan(500);
    // The phone really played through its home node, not the one that will survive.
    expect(await answersServed(cluster.nodes[home]!.url)).toBe(2);
    expect(await answersServed(survivor.url)).toBe(0);

    // The node that made the assignment and the one the phone played through die at once.
    await Promise.all([maker.kill('SIGKILL'), cluster.nodes[home]!.kill('SIGKILL')]);
    await phone.reload();
    await phone.getByRole('heading', { name: 'Not quite' }).waitFor();
    expect(Number((await phone.getByTestId('score').textContent())?.replace(/\D/g, ''))).toBe(before);
    await phone.getByRole('button', { name: 'Next question' }).click();
    await phone.getByRole('button', { name: 'mn-right-2' }).click();
    await phone.getByRole('button', { name: 'Next question' }).click();
    await phone.getByRole('button', { name: 'mn-right-3' }).click();
    await phone.getByRole('button', { name: 'See my score' }).click();
    await phone.getByRole('heading', { name: 'All done!' }).waitFor();
    await screenshot(phone, 'assignment-multi-node-done');

    expect(await answersServed(survivor.url)).toBe(2);
    const progress = (await (await fetch(`${survivor.url}/api/assignments/${made.assignmentId}`)).json()) as AssignmentProgress;
    expect(progress.attempts).toHaveLength(1);
    expect(progress.attempts[0]).toMatchObject({ name: 'Ann', status: 'finished', done: 4 });
    const report = (await (await fetch(`${survivor.url}/api/assignments/${made.assignmentId}/report`)).json()) as GameReport;
    expect(report.matrix[0]?.map((c) => c?.grade)).toEqual(['correct', 'wrong', 'correct', 'correct']);
    expect(report.players[0]?.score).toBe(progress.attempts[0]?.score);
    expect(report.players[0]?.score).toBe(report.matrix[0]?.reduce((sum, c) => sum + (c?.points ?? 0), 0));
    expect(problems).toEqual([]);
  });
});
