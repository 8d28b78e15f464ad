import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, dialogFit, hostSeatScript, launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { startCluster, type Cluster } from '../support/cluster.ts';
import type { NodeProcess } from '../support/node-process.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { ownerOf, readLog } from '../cluster/cluster-helpers.ts';

/** One row of the panel's node table: name (with its marks), last event and the sockets it reached. */
interface NodeRow {
  node: string;
  lastEvent: string;
  phones: string;
  hosts: string;
  displays: string;
  /** The node's command → fan-out delay, last measured, e.g. "3 ms". */
  lag?: string;
}

/** Reads the panel's "Nodes relaying this game" table as shown; `withLag` adds the delay column. */
async function nodeRows(panel: Locator, withLag = false): Promise<NodeRow[]> {
  const rows = panel.getByRole('table', { name: 'Nodes relaying this game' }).locator('tbody tr');
  const out: NodeRow[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const [node = '', lastEvent = '', phones = '', hosts = '', displays = '', , lag = ''] = await rows.nth(i).locator('th, td').allTextContents();
    out.push({ node, lastEvent, phones, hosts, displays, ...(withLag && { lag }) });
  }
  return out;
}

/** Answers the panel's event log shows, adding up its folded lines ("3 answers to question 1"). */
async function answersShown(panel: Locator): Promise<number> {
  const lines = await panel.getByRole('list', { name: 'Latest events' }).getByRole('listitem').allTextContents();
  return lines.reduce((n, line) => n + Number(/answer\.accepted\s*(\d+) answers? to/.exec(line)?.[1] ?? 0), 0);
}

/** Opens a screen's "under the hood" panel with the keyboard and returns it. */
async function openPanel(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Under the hood' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  return page.getByRole('region', { name: 'Under the hood' });
}

/**
 * Issue 8, points 1 and 6 on three nodes and a real Redis: the host console on one node and the
 * display on another each list every node that relays the game, by name, with the sockets it
 * reached there, and the counts and sequence numbers agree with the game and its log.
 */
describe('the under-the-hood panel in Chromium (three nodes, Redis)', () => {
  let cluster: Cluster;
  let browser: Browser;
  const problems: string[] = [];
  const sockets: TestClient[] = [];

  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startCluster(3), launchBrowser()]);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await browser?.close();
    await cluster?.stop();
  });

  it('names each node with the sockets it reached, the owner, the answers and the log seq', { timeout: 180_000 }, async () => {
    const [n1, n2, n3] = cluster.nodes as [NodeProcess, NodeProcess, NodeProcess];
    const quizId = await saveQuiz(n1.url, {
      title: 'Three-node hood quiz',
      readTimeSec: 0,
      questions: [{ type: 'single', text: 'Which carries events between nodes?', options: ['Redis pub/sub', 'A global variable'], correct: 0, timeLimitSec: 60 }],
    });
    // Created on node-3, which owns it; neither screen is connected there.
    const game = await createGame(n3.url, quizId);
    expect(await ownerOf(cluster, game.gameId)).toBe(n3.id);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(hostSeatScript(game));
    const hostPage = watchPage(await context.newPage(), problems, 'host');
    const displayPage = watchPage(await context.newPage(), problems, 'display');
    await Promise.all([hostPage.goto(`${n1.url}/host/${game.pin}`), displayPage.goto(`${n2.url}/display/${game.pin}`)]);
    const [hostPanel, displayPanel] = [await openPanel(hostPage), await openPanel(displayPage)];
    const channel = `quizbus:game:{${game.gameId}}:events`;
    await Promise.all([hostPanel.getByText(channel).waitFor(), displayPanel.getByText(channel).waitFor()]);

    // Players spread over the nodes: 1 on node-1, 2 on node-2, 3 on node-3.
    const players: TestClient[] = [];
    for (const [i, n] of [n1, n2, n2, n3, n3, n3].entries()) {
      const c = await connect(n.url);
      sockets.push(c);
      players.push(c);
      expect((await c.send('player.join', { pin: game.pin, nickname: `Bot ${i + 1}` })).ok).toBe(true);
    }
    await hostPage.getByRole('button', { name: 'Start with 6 players' }).click();
    await Promise.all(players.map((p) => p.next('question.opened', (m) => m.index === 0)));
    for (const [i, p] of players.entries()) expect((await p.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: i % 2 } })).ok).toBe(true);
    // Everyone answered: the owner closes the question; the close is the log's last event.
    await Promise.all(players.map((p) => p.next('question.closed')));
    const log = await readLog(cluster, game.gameId);
    const last = log.at(-1)!;
    expect(last.type).toBe('question.closed');
    expect(log.filter((e) => e.type === 'answer.accepted')).toHaveLength(players.length);

    const expected: NodeRow[] = [
      { node: `${n1.id}`, lastEvent: `#${last.seq}`, phones: '1', hosts: '1', displays: '0' },
      { node: `${n2.id}`, lastEvent: `#${last.seq}`, phones: '2', hosts: '0', displays: '1' },
      { node: `${n3.id} (owner)`, lastEvent: `#${last.seq}`, phones: '3', hosts: '0', displays: '0' },
    ];
    for (const [panel, here] of [[hostPanel, n1], [displayPanel, n2]] as const) {
      const marked = expected.map((r) => (r.node === here.id ? { ...r, node: `${r.node} (this screen)` } : r));
      await expect.poll(() => nodeRows(panel), { timeout: 30_000 }).toEqual(marked);
      // Every node relayed events in some window, so each shows a measured delay.
      for (const row of await nodeRows(panel, true)) expect(row.lag).toMatch(/^\d+ ms$/);
      await panel.getByText(`as event #${last.seq}`).waitFor();
      await panel.getByText(`Relayed by ${n1.id}, ${n2.id}, and ${n3.id}`).waitFor();
      await panel.getByText(`to ${players.length} phones, 1 host, 1 display`).waitFor();
      expect(await panel.getByRole('listitem').filter({ hasText: 'Owner node' }).textContent()).toContain(`${n3.id} decides`);
      expect(await answersShown(panel)).toBe(players.length);
      const text = (await panel.textContent()) ?? '';
      expect(text).not.toContain('Redis pub/sub');
      expect(text).not.toContain('Bot 1 answered');
    }

    // The display's full-screen diagram on a projector: the three nodes, each with its delay, and every socket.
    await displayPage.setViewportSize({ width: 1280, height: 720 });
    await displayPage.getByRole('button', { name: 'Full-screen event flow' }).click();
    const big = displayPage.getByRole('dialog');
    const stations = big.getByRole('list', { name: 'Path of an event' }).getByRole('listitem');
    await stations.filter({ hasText: `#${last.seq}` }).waitFor();
    expect(await stations.nth(1).textContent()).toContain(n3.id);
    expect(await stations.nth(4).textContent()).toMatch(new RegExp(`^Nodes${n1.id} \\d+ ms${n2.id} \\d+ ms${n3.id} \\d+ msCommand → fan-out$`));
    expect(await stations.nth(5).textContent()).toBe(`Sockets${players.length} phones1 host1 display`);
    expect(await dialogFit(displayPage)).toEqual({ scrolls: false, outside: [] });
    await screenshot(displayPage, 'under-the-hood-big-three-nodes-display');
    expect(await axeProblems(displayPage), 'axe on the display with the full-screen diagram').toEqual([]);
    await big.getByRole('button', { name: 'Close' }).click();

    await screenshot(hostPage, 'under-the-hood-three-nodes-host');
    await screenshot(displayPage, 'under-the-hood-three-nodes-display');
    expect(await axeProblems(hostPage), 'axe on the host console with the panel open').toEqual([]);
    expect(await axeProblems(displayPage), 'axe on the display with the panel open').toEqual([]);
    expect(problems).toEqual([]);
  });
});
