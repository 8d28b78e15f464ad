/**
 * The host tokens this browser holds, by game id, so the report of a game stays readable
 * here after the game (and its PIN) are gone. localStorage, like the host seats; a failing
 * storage only costs access to old reports from this browser.
 */
const key = (gameId: string) => `quizbus.report.${gameId}`;

/** Remembers the host token of a game this browser hosts. */
export function saveReportKey(gameId: string, hostToken: string): void {
  try {
    localStorage.setItem(key(gameId), hostToken);
  } catch {
    // Full or disabled storage: the report is still readable from the host console while it runs.
  }
}

/** The host token for a game's report, if this browser hosted it. */
export function loadReportKey(gameId: string): string | null {
  try {
    return localStorage.getItem(key(gameId));
  } catch {
    return null;
  }
}
