/**
 * What the browser remembers between page loads: a phone's seat in a game and the host
 * tokens of games this browser created. localStorage, because a reload or a phone waking up
 * must find them again; a failing storage (private mode, quota) only costs the resume.
 */

const PLAYER_KEY = 'quizbus.player';
const hostKey = (pin: string) => `quizbus.host.${pin}`;

/** A player's seat: enough to send player.resume after a reload. */
export interface PlayerSeat {
  pin: string;
  sessionToken: string;
  playerId: string;
  nickname: string;
}

/** The host's key to one game, from the create-game response. */
export interface HostSeat {
  hostToken: string;
  joinUrl: string;
}

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled; the game still works, only a reload loses the seat.
  }
}

function isRecordOfStrings<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  if (typeof value !== 'object' || value === null) return false;
  const rec = value as Record<string, unknown>;
  return keys.every((k) => typeof rec[k] === 'string');
}

/** The seat this browser holds, if any. */
export function loadPlayerSeat(): PlayerSeat | null {
  const v = read(PLAYER_KEY);
  return isRecordOfStrings(v, ['pin', 'sessionToken', 'playerId', 'nickname'] as const) ? v : null;
}

/** Remembers (or with null forgets) this browser's seat. */
export function savePlayerSeat(seat: PlayerSeat | null): void {
  write(PLAYER_KEY, seat);
}

/** The host token this browser got when it created the game with this PIN. */
export function loadHostSeat(pin: string): HostSeat | null {
  const v = read(hostKey(pin));
  return isRecordOfStrings(v, ['hostToken', 'joinUrl'] as const) ? v : null;
}

/** Remembers the host token of a game this browser created. */
export function saveHostSeat(pin: string, seat: HostSeat | null): void {
  write(hostKey(pin), seat);
}

/** Which screen a sound setting belongs to: each remembers its own. */
export type SoundScreen = 'display' | 'host' | 'player';
const soundKey = (screen: SoundScreen) => `quizbus.sound.${screen}`;

/**
 * Whether this screen plays sound: as last set here, else on for the display and the host and
 * off for a phone (a class of phones beeping at once is noise; a student opts in).
 */
export function loadSoundOn(screen: SoundScreen): boolean {
  const saved = read(soundKey(screen));
  return typeof saved === 'boolean' ? saved : screen !== 'player';
}

/** Remembers this screen's sound setting on this device. */
export function saveSoundOn(screen: SoundScreen, on: boolean): void {
  write(soundKey(screen), on);
}

/** A student's attempt at an assignment: enough to resume it after a reload or a day later. */
export interface AttemptSeat {
  attemptId: string;
  token: string;
}

const attemptKey = (assignmentId: string) => `quizbus.attempt.${assignmentId}`;

/** The attempt this browser holds at an assignment, if any. */
export function loadAttemptSeat(assignmentId: string): AttemptSeat | null {
  const v = read(attemptKey(assignmentId));
  return isRecordOfStrings(v, ['attemptId', 'token'] as const) ? { attemptId: v.attemptId, token: v.token } : null;
}

export function saveAttemptSeat(assignmentId: string, seat: AttemptSeat | null): void {
  write(attemptKey(assignmentId), seat);
}
