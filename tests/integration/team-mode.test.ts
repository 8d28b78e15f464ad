import { describe, expect, it } from 'vitest';
import { attachDisplay, errorCode, hostGame, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';
import { saveQuiz } from '../support/test-client.ts';

const teams = (playersChoose: boolean) => ({ teams: { names: ['Owls', 'Foxes'], playersChoose, talkMs: 5_000 } });

/** Issue 16, point 1: team mode over the real server (HTTP options, socket commands, messages). */
describe('team mode', () => {
  const h = useServer({ NICKNAME_BLOCKLIST: 'rhubarb' });

  it('refuses a team name the nickname filter catches with TEAM_NAME_BLOCKED, and bad team options with BAD_REQUEST', async () => {
    const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'blocked'), h.server.teacher);
    const create = async (options: unknown) => {
      const res = await fetch(`${h.server.url}/api/games`, { method: 'POST', headers: { 'content-type': 'application/json', ...h.server.teacher }, body: JSON.stringify({ quizId, options }) });
      return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code ?? 'created'];
    };
    expect(await create({ teams: { names: ['Owls', 'Rhubarb'] } })).toEqual([400, 'TEAM_NAME_BLOCKED']);
    expect(await create({ teams: { names: ['f.u.c.k', 'Foxes'] } })).toEqual([400, 'TEAM_NAME_BLOCKED']);
    expect(await create({ teams: { names: ['Owls'] } })).toEqual([400, 'BAD_REQUEST']);
    expect(await create({ teams: { names: ['Owls', 'owls'] } })).toEqual([400, 'BAD_REQUEST']);
    expect(await create({ teams: { names: ['Owls', 'Foxes'], talkMs: 60_001 } })).toEqual([400, 'BAD_REQUEST']);
    expect(await create({ teams: { names: ['Owls', 'Foxes'] } })).toEqual([201, 'created']);
  });

  it('deals, lets players pick, tells each phone its team, and keeps the team over a resume', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'teams', 0, 20), teams(true));
    const display = await attachDisplay(h, game.pin);
    expect(display.view.teams?.map((t) => t.name)).toEqual(['Owls', 'Foxes']);
    expect(display.view.teamTalkMs).toBe(5_000);
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    expect([ann.view.me.team, bob.view.me.team]).toEqual([{ index: 0, name: 'Owls' }, { index: 1, name: 'Foxes' }]);
    expect(ann.view.teamChoices).toEqual([{ index: 0, name: 'Owls' }, { index: 1, name: 'Foxes' }]);

    expect(ok(await ann.client.send('player.team', { team: 1 })).team).toEqual({ index: 1, name: 'Foxes' });
    expect((await ann.client.next('player.team')).team.name).toBe('Foxes');
    expect(errorCode(await ann.client.send('player.team', { team: 5 }))).toBe('TEAM_UNKNOWN');
    expect(errorCode(await host.send('player.team', { team: 0 }))).toBe('FORBIDDEN');
    await h.server.clock.advance(600);
    const list = await display.client.next('players.updated', (m) => m.teams?.find((t) => t.name === 'Foxes')?.memberCount === 2);
    expect(list.teams?.find((t) => t.name === 'Foxes')?.members).toEqual(['Bob', 'Ann']);

    // The reshuffle: every player hears their team; the sizes are balanced again.
    ok(await host.send('host.shuffleTeams', {}));
    const [annTeam, bobTeam] = await Promise.all([ann.client.next('player.team', (m) => m.seq > list.seq), bob.client.next('player.team', (m) => m.seq > list.seq)]);
    expect(new Set([annTeam.team.index, bobTeam.team.index])).toEqual(new Set([0, 1]));
    expect(errorCode(await ann.client.send('host.shuffleTeams', {}))).toBe('FORBIDDEN');

    // A reload: the resumed seat has the same team.
    ann.client.close();
    const again = await h.client();
    expect(ok(await again.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken })).view.me.team).toEqual(annTeam.team);

    ok(await host.send('host.start', {}));
    expect(errorCode(await bob.client.send('player.team', { team: annTeam.team.index }))).toBe('WRONG_PHASE');
    expect(errorCode(await host.send('host.shuffleTeams', {}))).toBe('WRONG_PHASE');
  });

  it('refuses picks where the teacher deals (TEAM_CHOICE_OFF) and team commands in other games (NOT_TEAM_GAME)', async () => {
    const dealt = await hostGame(h, singleQuiz(1, 'dealt', 0, 20), teams(false));
    const ann = await joinPlayer(h, dealt.game.pin, 'Ann');
    expect(ann.view.teamChoices).toBeUndefined();
    expect(errorCode(await ann.client.send('player.team', { team: 1 }))).toBe('TEAM_CHOICE_OFF');
    const plain = await hostGame(h, singleQuiz(1, 'plain', 0, 20));
    const bob = await joinPlayer(h, plain.game.pin, 'Bob');
    expect(bob.view.me.team).toBeUndefined();
    expect(errorCode(await bob.client.send('player.team', { team: 0 }))).toBe('NOT_TEAM_GAME');
    expect(errorCode(await plain.host.send('host.shuffleTeams', {}))).toBe('NOT_TEAM_GAME');
  });
});
