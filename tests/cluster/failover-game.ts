import type { Ack, Answer, DomainEvent } from '@quizbus/shared';
import { expect } from 'vitest';
import { AnswerKey } from '../../scripts/bots/answer-picker.ts';
import { BotPlayer } from '../../scripts/bots/bot-player.ts';
import type { NodesOnRedis } from '../support/cluster.ts';
import { addressFor, ProductClient } from '../support/product-client.ts';
import { createGame, saveQuiz } from '../support/test-client.ts';
import { clusterQuiz, ownerOf, readLog, scoresFromLog, until } from './cluster-helpers.ts';
import { expectEachOnce, figures, type Figures } from './failover-checks.ts';

/*
 * A whole game played through faults by the product's own clients, shared by the failover tests
 * (nodes dying) and the Redis failover tests (a Redis master dying).
 */

const right: Answer[] = [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [0, 2] }, { kind: 'text', text: 'event' }];
const wrong: Answer[] = [{ kind: 'choice', choice: 1 }, { kind: 'choices', choices: [1] }, { kind: 'text', text: 'nope' }];
/** NODE_TTL_MS in these tests (CLUSTER_ENV): a dead node's players are away within 2 × 2 s + 2 checks. */
export const AWAY_BOUND_MS = 2 * 2000 + 2000;

export interface Player {
  pc: ProductClient;
  id: string;
  /** The node the balancer sends it to first (index into cluster.nodes). */
  home: number;
}

/**
 * A game on a three-node cluster, every client the product's own GameClient behind the balancer:
 * created on node 1 (its owner), where the host and a display sit too, so the faults hit them;
 * six players over the three nodes, and optionally a "ghost" on node `ghostHome` whose phone
 * will go dark with its node and never come back.
 */
export async function gameOnCluster(cluster: NodesOnRedis, clients: Array<{ close(): void }>, ghostHome?: number, withBot = false) {
  const quizId = await saveQuiz(cluster.nodes[1]!.url, clusterQuiz);
  const game = await createGame(cluster.nodes[0]!.url, quizId);
  let next = 0;
  const client = (home: number) => {
    const pc = new ProductClient(cluster.balancerUrl, addressFor(home, cluster.nodes.length, next++));
    clients.push(pc);
    return pc;
  };
  const host = client(0);
  expect(await host.client.attach({ role: 'host', pin: game.pin, hostToken: game.hostToken })).toMatchObject({ ok: true });
  const display = client(0);
  expect(await display.client.attach({ role: 'display', pin: game.pin })).toMatchObject({ ok: true });
  const join = async (home: number, nickname: string): Promise<Player> => {
    const pc = client(home);
    const ack = await pc.client.join(game.pin, nickname);
    if (!ack.ok) throw new Error(ack.error.message);
    return { pc, id: ack.playerId, home };
  };
  const players = await Promise.all(Array.from({ length: 6 }, (_, i) => join(i % cluster.nodes.length, `P${i + 1}`)));
  const ghost = ghostHome === undefined ? null : await join(ghostHome, 'Ghost');
  const bot = withBot ? await joinBot(cluster, game.pin, addressFor(ghostHome ?? 0, cluster.nodes.length, next++), clients) : null;
  // The balancer placed everyone where the test meant: presence says so.
  const log = await readLog(cluster, game.gameId);
  for (const p of [...players, ...(ghost ? [ghost] : [])]) {
    const joined = log.find((e) => e.type === 'player.joined' && e.data.playerId === p.id);
    expect(joined?.type === 'player.joined' && joined.data.via).toBe(cluster.nodes[p.home]!.id);
  }
  expect(await ownerOf(cluster, game.gameId)).toBe(cluster.nodes[0]!.id);
  // Answers acked ok so far (every one must be in the log once).
  const acked = { ok: 0 };
  return { game, host, display, players, ghost, bot, acked };
}

/**
 * A bot of `npm run bots` beside the ghost, through the balancer: it answers every question by itself
 * and must take its seat back and resend its answer on its own, sharing the client's rules.
 */
export async function joinBot(cluster: NodesOnRedis, pin: string, localAddress: string, clients: Array<{ close(): void }>) {
  const acks: Array<{ index: number; ack: Ack<'answer.submit'> }> = [];
  let onEnd = () => {};
  const ended = new Promise<void>((resolve) => {
    onEnd = resolve;
  });
  const player = new BotPlayer({
    url: cluster.balancerUrl,
    pin,
    nickname: 'Bot',
    localAddress,
    minDelayMs: 0,
    maxDelayMs: 300,
    accuracy: 1,
    key: new AnswerKey(null),
    reconnect: true,
    timeoutMs: 8000,
    random: Math.random,
    observer: {
      answerAcked: (index, _ms, ack) => acks.push({ index, ack }),
      ended: () => onEnd(),
      problem: (kind) => {
        if (kind === 'disconnect') bot.drops += 1;
      },
    },
  });
  const bot = { player, acks, ended, drops: 0 };
  clients.push(player);
  expect(await player.join()).toBe(true);
  return bot;
}

export type Game = Awaited<ReturnType<typeof gameOnCluster>>;

export const answering = (p: Player, q: number) => p.pc.until(`question ${q} open`, (s) => s.view?.phase === 'open' && s.view.question?.index === q);
export const closedFor = (p: Player, q: number) => p.pc.until(`result of ${q}`, (s) => s.view?.role === 'player' && s.view.result?.index === q);

/** Every answer of `who` to question q, in parallel, acked ok (odd seats wrong). */
export async function answerAll(who: Player[], q: number, all: Player[]): Promise<number> {
  const acks = await Promise.all(who.map((p) => p.pc.client.send('answer.submit', { index: q, answer: all.indexOf(p) % 2 ? wrong[q]! : right[q]! })));
  acks.forEach((a) => expect(a, JSON.stringify(a)).toMatchObject({ ok: true }));
  return acks.filter((a) => a.ok).length;
}

/** The host moves on; every host command is acked ok, however many failovers it crossed. */
export async function hostNext(g: Game): Promise<void> {
  expect(await g.host.client.send('host.next', {})).toMatchObject({ ok: true });
}

/**
 * Question q from open to its results on every phone, with an optional fault in the middle.
 * The ghost plays question 1 only; in question 2 it goes dark unanswered with its node, so that
 * question closes early only once the ghost is marked away.
 */
export async function playQuestion(g: Game, q: number, fault?: () => Promise<void>, answersAfterFault = false): Promise<number | undefined> {
  const { players } = g;
  const everyone = g.ghost && q === 0 ? [...players, g.ghost] : players;
  await Promise.all(everyone.map((p) => answering(p, q)));
  let lateAckedAt: number | undefined;
  if (!fault) {
    g.acked.ok += await answerAll(everyone, q, everyone);
  } else {
    g.acked.ok += await answerAll(players.slice(0, 3), q, everyone);
    // The other half answer while the fault happens (or, answersAfterFault, once it has struck):
    // their answers cross it.
    if (answersAfterFault) await fault();
    const late = answerAll(players.slice(3), q, everyone).then((ok) => {
      lateAckedAt = Date.now();
      g.acked.ok += ok;
    });
    if (!answersAfterFault) await fault();
    await late;
  }
  await Promise.all(players.map((p) => closedFor(p, q)));
  return lateAckedAt;
}

/**
 * The whole game: question 1, question 2 with `fault` in its middle, question 3, the podium.
 * `between` runs instead of the plain host.next that opens question 3 (a second fault).
 */
export async function gameThrough(
  cluster: NodesOnRedis,
  clients: Array<{ close(): void }>,
  fault: (g: Game) => Promise<void>,
  o: { ghostHome?: number; bot?: boolean; between?: (g: Game) => Promise<void>; answersAfterFault?: boolean } = {},
) {
  const g = await gameOnCluster(cluster, clients, o.ghostHome, o.bot);
  expect(await g.host.client.send('host.start', {})).toMatchObject({ ok: true });
  await playQuestion(g, 0);
  await hostNext(g);
  await hostNext(g);
  const lateAckedAt = await playQuestion(g, 1, () => fault(g), o.answersAfterFault);
  await hostNext(g);
  if (o.between) await o.between(g);
  else await hostNext(g);
  await playQuestion(g, 2);
  await hostNext(g);
  await hostNext(g);
  // Every screen came back by itself and shows the podium: no reload, the same client throughout.
  for (const pc of [g.host, g.display, ...g.players.map((p) => p.pc)]) await pc.until('the podium', (s) => s.view?.phase === 'ended' && s.connection === 'online');
  for (const p of g.players) await p.pc.until('the final score', (s) => s.final !== null);
  const log = await readLog(cluster, g.game.gameId);
  expectEachOnce(log, 3);
  // Every answer acked ok is in the log exactly once; each final is the log's score.
  const scores = scoresFromLog(log);
  for (const p of g.players) {
    for (let q = 0; q < 3; q += 1) expect(log.filter((e) => e.type === 'answer.accepted' && e.data.playerId === p.id && e.data.index === q), `${p.id} q${q}`).toHaveLength(1);
    expect(p.pc.state.final?.score).toBe(scores.get(p.id));
  }
  if (g.bot) {
    // The bot came back by itself too: each of its answers acked ok once and in the log once.
    const { player, acks, ended } = g.bot;
    await ended;
    // It sat on the node that died: it lost its connection and came back by itself.
    expect(g.bot.drops).toBeGreaterThan(0);
    expect(acks.map((a) => [a.index, a.ack.ok])).toEqual([[0, true], [1, true], [2, true]]);
    for (let q = 0; q < 3; q += 1) expect(log.filter((e) => e.type === 'answer.accepted' && e.data.playerId === player.playerId && e.data.index === q)).toHaveLength(1);
  }
  return { g, log, lateAckedAt };
}

/** Kills node `index` now; resolves when it has died and the ghost's phone (if any) went dark with it. */
export async function killNode(cluster: NodesOnRedis, index: number, signal: NodeJS.Signals, ghost: Player | null): Promise<number> {
  const at = Date.now();
  const dying = cluster.nodes[index]!.kill(signal);
  // Its phone is off from now on: it never reconnects (its socket went down with the node).
  ghost?.pc.close();
  await dying;
  return at;
}

export async function newOwner(cluster: NodesOnRedis, gameId: string, not: string): Promise<string> {
  return until('a new owner', 30_000, async () => {
    const o = await ownerOf(cluster, gameId);
    return o && o !== not ? o : undefined;
  });
}

export function report(name: string, clients: ProductClient[], f: Partial<Figures>, log: readonly DomainEvent[]): void {
  const closes = log.flatMap((e) => (e.type === 'question.closed' ? [e.data.reason] : []));
  console.info(`[figures] ${name}: ${figures(clients, f)}; questions closed by ${closes.join(', ')}`);
}

