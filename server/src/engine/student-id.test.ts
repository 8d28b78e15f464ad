import { describe, expect, it } from 'vitest';
import { playerView, screenView } from './projections.ts';
import { replay } from './evolve.ts';
import { Q, TestGame } from './test-game.ts';

/** Issue 7, point 3: a game option asks each player for a name or student id, kept for the host's reports only. */
describe('student identity (askStudentId)', () => {
  const join = (g: TestGame, nickname: string, studentId?: string) => {
    const playerId = g.nextPlayerId();
    // TestGame.join has no student id; the same command with one.
    return g.run({ type: 'join', playerId: `s-${nickname}`, nickname, tokenHash: `token-s-${nickname}-${playerId}`, ...(studentId !== undefined && { studentId }) });
  };

  it('requires a name or student id when the game asks for one', () => {
    const g = new TestGame([Q.single(0)], { askStudentId: true });
    expect(join(g, 'Ann')).toMatchObject({ ok: false, code: 'STUDENT_ID_REQUIRED' });
    expect(join(g, 'Ann', '   ')).toMatchObject({ ok: false, code: 'STUDENT_ID_REQUIRED' });
    expect(join(g, 'Ann', 'x'.repeat(65))).toMatchObject({ ok: false, code: 'STUDENT_ID_INVALID' });
    expect(join(g, 'Ann', 'Ann\u0007')).toMatchObject({ ok: false, code: 'STUDENT_ID_INVALID' });
    expect(g.state.players.size).toBe(0);
  });

  it('keeps the cleaned id in player.joined and in the state, and replays it', () => {
    const g = new TestGame([Q.single(0)], { askStudentId: true });
    expect(join(g, 'Ann', '  Ann   Smith 4B ').ok).toBe(true);
    const joined = g.events.at(-1);
    expect(joined).toMatchObject({ type: 'player.joined', data: { nickname: 'Ann', studentId: 'Ann Smith 4B' } });
    expect(g.state.players.get('s-Ann')?.studentId).toBe('Ann Smith 4B');
    expect(replay(g.events)?.players.get('s-Ann')?.studentId).toBe('Ann Smith 4B');
  });

  it('drops an id sent to a game that does not ask for one', () => {
    const g = new TestGame([Q.single(0)]);
    expect(join(g, 'Ann', 'A-123').ok).toBe(true);
    expect(g.events.at(-1)?.data).not.toHaveProperty('studentId');
    expect(g.state.players.get('s-Ann')?.studentId).toBeUndefined();
  });

  it('never shows the id in a view', () => {
    const g = new TestGame([Q.single(0)], { askStudentId: true });
    join(g, 'Ann', 'SECRET-ID-42');
    g.start();
    g.toOpen();
    g.toClose();
    const views = [screenView(g.state, 'host', g.now), screenView(g.state, 'display', g.now), playerView(g.state, 's-Ann', g.now)];
    for (const v of views) expect(JSON.stringify(v)).not.toContain('SECRET-ID-42');
  });
});
