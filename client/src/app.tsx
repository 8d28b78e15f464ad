import { useEffect, type ReactNode } from 'react';
import { DisplayPage } from './routes/display/display-page.tsx';
import { HostConsolePage } from './routes/host/host-console-page.tsx';
import { LibraryPage } from './routes/host/library-page.tsx';
import { QuizEditorPage } from './routes/host/quiz-editor-page.tsx';
import { TeacherGate } from './routes/host/teacher-gate.tsx';
import { JoinPage } from './routes/join/join-page.tsx';
import { PlayPage } from './routes/play/play-page.tsx';
import { ReportPage } from './routes/report/report-page.tsx';
import { Link, useLocation } from './router/router.tsx';

/** Page titles, so a screen reader and the browser tab say where one is. */
function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Quizbus`;
  }, [title]);
}

/** The screens by path: join, play, host (library, editor, console), display. */
export function App() {
  const { pathname, search } = useLocation();
  let m: RegExpMatchArray | null;
  if (pathname === '/' || pathname === '') return <Titled title="Join a game"><JoinPage search={search} /></Titled>;
  if (pathname === '/play') return <Titled title="Play"><PlayPage /></Titled>;
  // The library and editor need the teacher login when the server has a TEACHER_PASSWORD.
  if (pathname === '/host' || pathname === '/host/') return <Titled title="Quizzes"><TeacherGate><LibraryPage search={search} /></TeacherGate></Titled>;
  if (pathname === '/host/new') return <Titled title="New quiz"><TeacherGate><QuizEditorPage /></TeacherGate></Titled>;
  if ((m = pathname.match(/^\/host\/edit\/([a-z0-9-]{1,64})$/))) {
    return <Titled title="Edit quiz"><TeacherGate><QuizEditorPage key={m[1]} quizId={m[1]} /></TeacherGate></Titled>;
  }
  if ((m = pathname.match(/^\/host\/(\d{6})$/))) return <Titled title={`Host game ${m[1]}`}><HostConsolePage key={m[1]} pin={m[1] as string} /></Titled>;
  if ((m = pathname.match(/^\/reports\/(g_[A-Za-z0-9_-]{1,62})$/))) return <Titled title="Game report"><TeacherGate onlyWhenAsked><ReportPage key={m[1]} gameId={m[1] as string} /></TeacherGate></Titled>;
  if ((m = pathname.match(/^\/display\/(\d{6})$/))) return <Titled title={`Display game ${m[1]}`}><DisplayPage key={m[1]} pin={m[1] as string} /></Titled>;
  return (
    <Titled title="Not found">
      <main className="page page--narrow">
        <h1>Nothing here</h1>
        <p>
          <Link href="/">Join a game</Link> · <Link href="/host">Host a quiz</Link>
        </p>
      </main>
    </Titled>
  );
}

function Titled({ title, children }: { title: string; children: ReactNode }) {
  useTitle(title);
  return <>{children}</>;
}
