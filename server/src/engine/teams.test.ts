import { describe, expect, it } from 'vitest';
import type { Answer, GameOptions, GameQuestion } from '@quizbus/shared';
import { nextDeadline } from './decide.ts';
import { replay } from './evolve.ts';
import { podium, playerView, screenView } from './projections.ts';
import { A, Q, TestGame, snapshotState } from './test-game.ts';

const READ = 3_000;
const LIMIT = 20_000;
const teams = (talkMs = 0, playersChoose = false): Partial<GameOptions> => ({ teams: { names: ['Owls', 'Foxes'], playersChoose, talkMs } });

/** A team game: Ann and Cat in Owls (team 0), Bob and Dan in Foxes (team 1), dealt in join order. */
function teamLobby(options: Partial<GameOptions> = teams(), questions: GameQuestion[] = [Q.single(0), Q.single(0), Q.single(0)]) {
  const g = new TestGame(questions, options);
  const [ann, bob, cat, dan] = ['Ann', 'Bob', 'Cat', 'Dan'].map((n) => g.add(n)) as [string, string, string, string];
  return { g, ann, bob, cat, dan };
}

const teamOf = (g: TestGame, id: string) => g.state.players.get(id)?.team;
const team = (g: TestGame, i: number) => {
  const t = g.state.teams?.[i];
  if (!t) throw new Error(`no team ${i}`);
  return t;
};

describe('team mode: dealing players to teams', () => {
  it('deals each joiner to the smallest team, the first of equals', () => {
    const { g, ann, bob, cat, dan } = teamLobby();
    expect([ann, bob, cat, dan].map((id) => teamOf(g, id))).toEqual([0, 1, 0, 1]);
    expect([...team(g, 0).members]).toEqual([ann, cat]);
  });

  it('a kicked member leaves the team, so the next joiner fills the gap', () => {
    const { g, ann } = teamLobby();
    TestGame.ok(g.kick(ann));
    const eve = g.add('Eve');
    expect(teamOf(g, eve)).toBe(0);
    expect(team(g, 0).members.has(ann)).toBe(false);
  });

  it('a late joiner is dealt to the smallest team and a resume keeps the team', () => {
    const { g, bob } = teamLobby({ ...teams(), allowLateJoin: true });
    TestGame.ok(g.kick(bob));
    TestGame.ok(g.start());
    const eve = g.add('Eve');
    expect(teamOf(g, eve)).toBe(1);
    TestGame.ok(g.disconnect(eve));
    TestGame.ok(g.resume(eve));
    expect(teamOf(g, eve)).toBe(1);
    expect(playerView(g.state, eve, g.now).me.team).toEqual({ index: 1, name: 'Foxes' });
  });

  it.each([
    ['pick another team in the lobby', teams(0, true), (g: TestGame, id: string) => g.run({ type: 'team', playerId: id, team: 1 }), 'ok'],
    ['pick a team in a game without teams', {}, (g: TestGame, id: string) => g.run({ type: 'team', playerId: id, team: 1 }), 'NOT_TEAM_GAME'],
    ['pick when the teacher deals the teams', teams(0, false), (g: TestGame, id: string) => g.run({ type: 'team', playerId: id, team: 1 }), 'TEAM_CHOICE_OFF'],
    ['pick a team that does not exist', teams(0, true), (g: TestGame, id: string) => g.run({ type: 'team', playerId: id, team: 5 }), 'TEAM_UNKNOWN'],
    ['reshuffle in a game without teams', {}, (g: TestGame) => g.run({ type: 'shuffleTeams', hostTokenHash: g.hostHash, seed: 1 }), 'NOT_TEAM_GAME'],
    ['reshuffle as a player (wrong host token)', teams(), (g: TestGame) => g.run({ type: 'shuffleTeams', hostTokenHash: 'nope', seed: 1 }), 'UNAUTHORIZED'],
  ] as const)('%s → %s', (_name, options, act, expected) => {
    const g = new TestGame([Q.single(0)], options);
    const ann = g.add('Ann');
    const d = act(g, ann);
    expect(d.ok ? 'ok' : d.code).toBe(expected);
    if (d.ok) expect(teamOf(g, ann)).toBe(1);
  });

  it('refuses picks and reshuffles once the game has started (WRONG_PHASE)', () => {
    const g = new TestGame([Q.single(0)], teams(0, true));
    const ann = g.add('Ann');
    TestGame.ok(g.start());
    const pick = g.run({ type: 'team', playerId: ann, team: 1 });
    const shuffle = g.run({ type: 'shuffleTeams', hostTokenHash: g.hostHash, seed: 7 });
    expect([pick.ok ? 'ok' : pick.code, shuffle.ok ? 'ok' : shuffle.code]).toEqual(['WRONG_PHASE', 'WRONG_PHASE']);
  });

  it('a reshuffle deals every player round-robin (sizes differ by at most one), the same for the same seed', () => {
    const g = new TestGame([Q.single(0)], { teams: { names: ['A', 'B', 'C'], playersChoose: false, talkMs: 0 } });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => g.add(n));
    const first = TestGame.ok(g.run({ type: 'shuffleTeams', hostTokenHash: g.hostHash, seed: 42 }));
    const sizes = [0, 1, 2].map((i) => team(g, i).members.size).sort();
    expect(sizes).toEqual([2, 2, 3]);
    expect(ids.every((id) => team(g, teamOf(g, id) ?? -1).members.has(id))).toBe(true);
    const other = new TestGame([Q.single(0)], { teams: { names: ['A', 'B', 'C'], playersChoose: false, talkMs: 0 } });
    ['a', 'b', 'c', 'd', 'e', 'f', 'g'].forEach((n) => other.add(n));
    expect(TestGame.ok(other.run({ type: 'shuffleTeams', hostTokenHash: other.hostHash, seed: 42 })).events).toEqual(first.events);
  });
});

describe('team mode: scoring (mean of the members’ points, docs/scoring.md)', () => {
  type Given = Partial<Record<'ann' | 'bob' | 'cat' | 'dan', Answer>>;
  // Each row: the answers to Q1 (single, correct 0) 1 s after it opens, then each team's score and streak.
  const rows: Array<[string, Given, [number, number], [number, number]]> = [
    ['everyone right', { ann: A.choice(0), bob: A.choice(0), cat: A.choice(0), dan: A.choice(0) }, [975, 975], [1, 1]],
    ['one of two right: the mean halves the points, half the team keeps the streak', { ann: A.choice(0), cat: A.choice(1), bob: A.choice(0), dan: A.choice(0) }, [488, 975], [1, 1]],
    ['a member who misses counts 0', { ann: A.choice(0), bob: A.choice(0), dan: A.choice(0) }, [488, 975], [1, 1]],
    ['nobody right: no points, streak broken', { ann: A.choice(1), cat: A.choice(2), bob: A.choice(0) }, [0, 488], [0, 1]],
    ['nobody answered', {}, [0, 0], [0, 0]],
  ];
  it.each(rows)('%s', (_name, given, scores, streaks) => {
    const { g, ...ids } = teamLobby();
    TestGame.ok(g.start());
    g.toOpen(1_000);
    for (const [who, answer] of Object.entries(given)) TestGame.ok(g.answer(ids[who as keyof typeof ids], 0, answer));
    g.toClose();
    expect([team(g, 0).score, team(g, 1).score]).toEqual(scores);
    expect([team(g, 0).streak, team(g, 1).streak]).toEqual(streaks);
  });

  it('polls and questions skipped before they open change no team score or streak', () => {
    const { g, ann, bob, cat, dan } = teamLobby(teams(), [Q.single(0), Q.poll(), Q.single(0)]);
    TestGame.ok(g.start());
    g.toOpen(1_000);
    for (const id of [ann, bob, cat, dan]) TestGame.ok(g.answer(id, 0, A.choice(0)));
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    g.toOpen(1_000);
    for (const id of [ann, bob]) TestGame.ok(g.answer(id, 1, A.choice(0)));
    g.toClose();
    expect([team(g, 0).score, team(g, 0).streak]).toEqual([975, 1]);
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    TestGame.ok(g.skip()); // still reading
    expect([team(g, 0).score, team(g, 0).streak, team(g, 1).streak]).toEqual([975, 1, 1]);
  });

  it('a late joiner does not count for the question they sat out, and a kicked member’s points stay', () => {
    const { g, ann, bob, cat, dan } = teamLobby({ ...teams(), allowLateJoin: true });
    TestGame.ok(g.start());
    g.toOpen(1_000);
    const eve = g.add('Eve'); // team 0 (Owls has 2, Foxes 2: the first of equals)
    expect(teamOf(g, eve)).toBe(0);
    for (const id of [ann, cat, bob, dan]) TestGame.ok(g.answer(id, 0, A.choice(0)));
    g.toClose();
    expect(team(g, 0).score).toBe(975); // Eve sat it out: the mean is over Ann and Cat
    TestGame.ok(g.kick(ann));
    expect(team(g, 0).score).toBe(975);
  });

  it('ranks teams by score, then team order, with movement; the podium and views show them', () => {
    const { g, ann, bob, cat, dan } = teamLobby();
    TestGame.ok(g.start());
    g.toOpen(1_000);
    for (const id of [ann, cat]) TestGame.ok(g.answer(id, 0, A.choice(0)));
    g.toClose();
    expect([team(g, 0).rank, team(g, 1).rank]).toEqual([1, 2]);
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    g.toOpen(1_000);
    for (const id of [bob, dan]) TestGame.ok(g.answer(id, 1, A.choice(0)));
    g.toClose();
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    g.toOpen(500);
    for (const id of [bob, dan]) TestGame.ok(g.answer(id, 2, A.choice(0)));
    g.toClose();
    TestGame.ok(g.next());
    TestGame.ok(g.next()); // the end
    const p = podium(g.state);
    expect(p.teams?.map((t) => [t.name, t.rank, t.movement, t.members])).toEqual([
      ['Foxes', 1, 1, ['Bob', 'Dan']],
      ['Owls', 2, -1, ['Ann', 'Cat']],
    ]);
    expect(p.teams?.[0]?.streak).toBe(2);
    expect(screenView(g.state, 'display', g.now).teams?.[0]?.name).toBe('Foxes');
  });

  it('replaying the log rebuilds the teams exactly', () => {
    const { g, ann, bob } = teamLobby(teams(0, true));
    TestGame.ok(g.run({ type: 'team', playerId: ann, team: 1 }));
    TestGame.ok(g.run({ type: 'shuffleTeams', hostTokenHash: g.hostHash, seed: 9 }));
    TestGame.ok(g.start());
    g.toOpen(1_000);
    TestGame.ok(g.answer(bob, 0, A.choice(0)));
    g.toClose();
    const rebuilt = replay(g.events);
    expect(rebuilt && snapshotState(rebuilt)).toEqual(snapshotState(g.state));
  });
});

describe('team mode: team talk timing (fake clock)', () => {
  // Each row: talk time, then when answers open and close after the show (read 3 s, limit 20 s).
  it.each([
    [0, READ, READ + LIMIT],
    [10_000, READ + 10_000, READ + 10_000 + LIMIT],
    [60_000, READ + 60_000, READ + 60_000 + LIMIT],
  ])('team talk %i ms: answers open %i ms after the show and close at %i ms', (talkMs, opensAfter, closesAfter) => {
    const { g, ann } = teamLobby(teams(talkMs));
    const shownAt = g.now;
    TestGame.ok(g.start());
    const run = g.state.current;
    expect([run && run.opensAt - shownAt, run && run.closesAt - shownAt]).toEqual([opensAfter, closesAfter]);
    expect(nextDeadline(g.state)).toBe(shownAt + opensAfter);
    // One ms before: still talking, nothing opens and an answer is refused.
    expect(TestGame.ok(g.advanceTo(shownAt + opensAfter - 1)).events).toEqual([]);
    expect(g.state.phase).toBe('reading');
    const early = g.answer(ann, 0, A.choice(0));
    expect(early.ok ? 'ok' : early.code).toBe('NOT_OPEN');
    expect(TestGame.ok(g.advanceTo(shownAt + opensAfter)).events.map((e) => e.type)).toEqual(['question.opened']);
    TestGame.ok(g.answer(ann, 0, A.choice(0)));
    expect(g.state.players.get(ann)?.answers[0]?.responseMs).toBe(0);
  });

  it('the talk applies to every question, and views tell clients its length', () => {
    const { g } = teamLobby(teams(5_000));
    TestGame.ok(g.start());
    g.toClose();
    TestGame.ok(g.next());
    const before = g.now;
    TestGame.ok(g.next());
    expect(g.state.current?.opensAt).toBe(before + READ + 5_000);
    expect(screenView(g.state, 'display', g.now).teamTalkMs).toBe(5_000);
  });

  it('games without teams have no talk and no team fields', () => {
    const g = new TestGame([Q.single(0)]);
    const ann = g.add('Ann');
    TestGame.ok(g.start());
    expect(g.state.current?.opensAt).toBe(g.now + READ);
    expect(playerView(g.state, ann, g.now).me.team).toBeUndefined();
    expect(screenView(g.state, 'host', g.now).teams).toBeUndefined();
  });
});
