import { connectMany, SoakSocket, type SoakAck } from './soak-socket.ts';

/** One class in a cycle: a game, its host and display, its players and their session tokens. */
interface Room {
  pin: string;
  host: SoakSocket;
  display: SoakSocket;
  players: Array<{ socket: SoakSocket; token: string; gone: boolean }>;
}

export interface CycleOptions {
  /** Node base URLs; games, hosts and players are spread over them. */
  urls: readonly string[];
  quizId: string;
  questions: number;
  games: number;
  /** Players over all games. */
  players: number;
  cycle: number;
  /** Tallies refusals by code (a healthy run has none but the expected ones). */
  count: (what: string) => void;
}

const post = async (url: string, path: string, body: unknown) => {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, string>>;
};

/**
 * One soak cycle: `games` games start, `players` students join, each question is answered by
 * everyone, a reconnect storm drops every player socket at once and brings them all back
 * (on another node when there are several) with their session tokens, a tenth of the class
 * leaves and as many join late, and the games end (half finished, half ended by the host).
 * Every socket is closed at the end.
 */
export async function runCycle(o: CycleOptions): Promise<void> {
  const { urls, count } = o;
  const tally = (ack: SoakAck, what: string) => count(ack.ok ? `${what} ok` : `${what} ${ack.error.code}`);
  const perGame = Math.floor(o.players / o.games);
  const rooms: Room[] = [];
  for (let g = 0; g < o.games; g += 1) {
    const game = await post(urls[g % urls.length] as string, '/api/games', { quizId: o.quizId, options: { allowLateJoin: true } });
    const [host, display] = await Promise.all([new SoakSocket(urls[0] as string).connected(), new SoakSocket(urls[urls.length - 1] as string).connected()]);
    tally(await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken }), 'host.attach');
    tally(await display.send('display.attach', { pin: game.pin }), 'display.attach');
    rooms.push({ pin: game.pin as string, host, display, players: [] });
  }

  // Everyone joins (all classes at once).
  await Promise.all(
    rooms.map(async (room, g) => {
      const sockets = await connectMany(urls, perGame, g);
      room.players = await Promise.all(
        sockets.map(async (socket, i) => {
          const ack = await socket.send('player.join', { pin: room.pin, nickname: `c${o.cycle}g${g}p${i}` });
          tally(ack, 'player.join');
          return { socket, token: ack.ok ? String(ack.sessionToken) : '', gone: !ack.ok };
        }),
      );
    }),
  );
  await Promise.all(rooms.map(async (r) => tally(await r.host.send('host.start', {}), 'host.start')));

  for (let q = 0; q < o.questions; q += 1) {
    // The storm hits while question 1 is open; leavers and late joiners come at a leaderboard.
    if (q === 1) await reconnectStorm(rooms, urls, tally);
    await Promise.all(rooms.map((room) => playQuestion(room, q, tally)));
    if (q === 0) await leaveAndJoin(rooms, urls, o, tally);
    if (q < o.questions - 1) await Promise.all(rooms.map(async (r) => tally(await r.host.send('host.next', {}), 'host.next')));
  }

  // At the last leaderboard: half the games are finished, half ended early by the host.
  await Promise.all(
    rooms.map(async (room, g) => {
      if (g % 2 === 0) tally(await room.host.send('host.end', {}), 'host.end');
      else {
        const ended = room.host.next('game.ended');
        tally(await room.host.send('host.next', {}), 'host.next');
        if (!(await ended)) count('game.ended missing');
      }
    }),
  );
  for (const room of rooms) {
    room.host.close();
    room.display.close();
    for (const p of room.players) p.socket.close();
  }
}

/** Every present player answers question q; the host waits for the close and shows the leaderboard. */
async function playQuestion(room: Room, q: number, tally: (a: SoakAck, w: string) => void): Promise<void> {
  const closed = room.host.next<{ reveal: { index: number } }>('question.closed', (m) => m.reveal.index === q);
  const present = room.players.filter((p) => !p.gone);
  const acks = await Promise.all(present.map((p, i) => p.socket.send('answer.submit', { index: q, answer: { kind: 'choice', choice: i % 3 } })));
  for (const a of acks) tally(a, 'answer.submit');
  if (!(await closed)) {
    tally(await room.host.send('host.skip', {}), 'host.skip (question stuck open)');
  }
  tally(await room.host.send('host.next', {}), 'host.next');
}

/** Every player socket of every game drops at once; all come back at once and resume. */
async function reconnectStorm(rooms: Room[], urls: readonly string[], tally: (a: SoakAck, w: string) => void): Promise<void> {
  const players = rooms.flatMap((r) => r.players.filter((p) => !p.gone).map((p) => ({ room: r, p })));
  for (const { p } of players) p.socket.close();
  const fresh = await connectMany(urls, players.length, 1);
  await Promise.all(
    players.map(async ({ room, p }, i) => {
      p.socket = fresh[i] as SoakSocket;
      tally(await p.socket.send('player.resume', { pin: room.pin, sessionToken: p.token }), 'player.resume');
    }),
  );
}

/** A tenth of each class leaves for good and as many new students join late. */
async function leaveAndJoin(rooms: Room[], urls: readonly string[], o: CycleOptions, tally: (a: SoakAck, w: string) => void): Promise<void> {
  await Promise.all(
    rooms.map(async (room, g) => {
      const n = Math.max(1, Math.floor(room.players.length / 10));
      for (const p of room.players.slice(0, n)) {
        p.socket.close();
        p.gone = true;
      }
      const sockets = await connectMany(urls, n, g);
      const late = await Promise.all(
        sockets.map(async (socket, i) => {
          const ack = await socket.send('player.join', { pin: room.pin, nickname: `c${o.cycle}g${g}late${i}` });
          tally(ack, 'player.join (late)');
          return { socket, token: ack.ok ? String(ack.sessionToken) : '', gone: !ack.ok };
        }),
      );
      room.players.push(...late);
    }),
  );
}
