import type { QuizSummary, ReportSummary } from '@quizbus/shared';
import { useId, useState } from 'react';
import { ApiError } from '../../net/api.ts';
import { listReports } from '../../net/file-api.ts';
import { loadReportKey } from '../../net/report-keys.ts';
import { Link } from '../../router/router.tsx';
import { useTeacherSession } from './teacher-gate.tsx';

const when = (ms: number | null) =>
  ms === null ? '—' : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A quiz's past games, on demand: date, players, average score, and a link to the report: for
 * every game when the teacher is logged in, else for the games this browser hosted (the report
 * then needs the game's host token, kept here).
 */
export function PastGames({ quiz }: { quiz: QuizSummary }) {
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [games, setGames] = useState<ReportSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const anyReport = useTeacherSession()?.anyReport === true;

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setProblem(null);
    listReports(quiz.id)
      .then(setGames)
      .catch((err: unknown) => setProblem(err instanceof ApiError ? err.message : 'The past games could not be loaded.'));
  };

  return (
    <div className="past-games">
      <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={regionId} onClick={toggle} aria-label={`Past games of ${quiz.title}`}>
        Past games
      </button>
      <div id={regionId} hidden={!open}>
        {problem ? <p role="alert">{problem}</p> : null}
        {open && games === null && !problem ? <p className="muted">Loading…</p> : null}
        {games && games.length === 0 ? <p className="muted">No games played yet (reports are kept after each game ends).</p> : null}
        {games && games.length > 0 ? (
          <table className="past-games__table">
            <caption className="sr-only">Past games of {quiz.title}</caption>
            <thead>
              <tr>
                <th scope="col">Played</th>
                <th scope="col">Players</th>
                <th scope="col">Average score</th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              {games.map((g) => (
                <tr key={g.gameId}>
                  <td>{when(g.endedAt ?? g.startedAt)}</td>
                  <td>{g.playerCount}</td>
                  <td>{Math.round(g.averageScore).toLocaleString('en')}</td>
                  <td>
                    {anyReport || loadReportKey(g.gameId) ? (
                      <Link href={`/reports/${encodeURIComponent(g.gameId)}`} aria-label={`Report of the game of ${when(g.endedAt)}`}>
                        Open report
                      </Link>
                    ) : (
                      <span className="muted">hosted elsewhere</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
