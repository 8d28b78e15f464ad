import { Suspense, useEffect, type ReactNode } from 'react';
import { JoinPage } from './routes/join/join-page.tsx';
import { lazyPage, withZod } from './router/lazy-page.ts';
import { useT, type MessageId, type MessageValues } from './i18n/i18n-context.ts';
import { Link, useLocation } from './router/router.tsx';

// The join page is in the entry script (it is what a phone opens); every other screen is a
// chunk of its own. The play screen is fetched as soon as the join page is up, so Join does
// not wait for it. The other screens parse with zod, set up before they load (withZod).
const loadPlay = () => import('./routes/play/play-page.tsx');
const PlayPage = lazyPage(loadPlay, (m) => m.PlayPage);
const DisplayPage = lazyPage(withZod(() => import('./routes/display/display-page.tsx')), (m) => m.DisplayPage);
const HostConsolePage = lazyPage(withZod(() => import('./routes/host/host-console-page.tsx')), (m) => m.HostConsolePage);
const LibraryPage = lazyPage(withZod(() => import('./routes/host/library-page.tsx')), (m) => m.LibraryPage);
const QuizEditorPage = lazyPage(withZod(() => import('./routes/host/quiz-editor-page.tsx')), (m) => m.QuizEditorPage);
const TeacherGate = lazyPage(withZod(() => import('./routes/host/teacher-gate.tsx')), (m) => m.TeacherGate);
const AssignmentPlayPage = lazyPage(withZod(() => import('./routes/assignment/assignment-play-page.tsx')), (m) => m.AssignmentPlayPage);
const AssignmentProgressPage = lazyPage(withZod(() => import('./routes/host/assignment-progress-page.tsx')), (m) => m.AssignmentProgressPage);
const ReportPage = lazyPage(withZod(() => import('./routes/report/report-page.tsx')), (m) => m.ReportPage);

/** Page titles, so a screen reader and the browser tab say where one is. */
function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Quizbus`;
  }, [title]);
}

/** Starts loading a screen's chunk once the current screen is up, while the student types. */
function usePreload(when: boolean, load: () => Promise<unknown>): void {
  useEffect(() => {
    // A failed preload is not an error: the screen loads (or reports) when it is opened.
    if (when) load().catch(() => undefined);
  }, [when, load]);
}

/** A page title: a message id and its values. */
type Title = MessageId | [MessageId, MessageValues];

/** The screens by path: join, play, host (library, editor, console), display. */
export function App() {
  const { pathname, search } = useLocation();
  usePreload(pathname === '/' || pathname === '', loadPlay);
  const t = useT();
  let m: RegExpMatchArray | null;
  if (pathname === '/' || pathname === '') return <Titled title="title.join"><JoinPage search={search} /></Titled>;
  if (pathname === '/play') return <Titled title="title.play"><PlayPage /></Titled>;
  // The library and editor need the teacher login when the server has a TEACHER_PASSWORD.
  if (pathname === '/host' || pathname === '/host/') return <Titled title="title.library"><TeacherGate><LibraryPage search={search} /></TeacherGate></Titled>;
  if (pathname === '/host/new') return <Titled title="title.newQuiz"><TeacherGate><QuizEditorPage /></TeacherGate></Titled>;
  if ((m = pathname.match(/^\/host\/edit\/([a-z0-9-]{1,64})$/))) {
    return <Titled title="title.editQuiz"><TeacherGate><QuizEditorPage key={m[1]} quizId={m[1]} /></TeacherGate></Titled>;
  }
  if ((m = pathname.match(/^\/host\/(\d{6})$/))) return <Titled title={['title.host', { pin: m[1] as string }]}><HostConsolePage key={m[1]} pin={m[1] as string} /></Titled>;
  if ((m = pathname.match(/^\/reports\/(g_[A-Za-z0-9_-]{1,62})$/))) return <Titled title="title.report"><TeacherGate onlyWhenAsked><ReportPage key={m[1]} gameId={m[1] as string} /></TeacherGate></Titled>;
  if ((m = pathname.match(/^\/a\/(\d{7})$/))) return <Titled title="title.assignment"><AssignmentPlayPage key={m[1]} pin={m[1] as string} /></Titled>;
  if ((m = pathname.match(/^\/host\/assignments\/(a_[A-Za-z0-9_-]{1,62})$/))) {
    return <Titled title="title.assignmentProgress"><TeacherGate><AssignmentProgressPage key={m[1]} assignmentId={m[1] as string} /></TeacherGate></Titled>;
  }
  if ((m = pathname.match(/^\/display\/(\d{6})$/))) return <Titled title={['title.display', { pin: m[1] as string }]}><DisplayPage key={m[1]} pin={m[1] as string} /></Titled>;
  return (
    <Titled title="title.notFound">
      <main className="page page--narrow">
        <h1>{t('notFound.heading')}</h1>
        <p>
          <Link href="/">{t('notFound.join')}</Link> · <Link href="/host">{t('notFound.host')}</Link>
        </p>
      </main>
    </Titled>
  );
}

function Titled({ title, children }: { title: Title; children: ReactNode }) {
  const t = useT();
  useTitle(typeof title === 'string' ? t(title) : t(...title));
  // Nothing while a screen's chunk loads: it takes a moment, and a flash of text would distract.
  return <Suspense fallback={null}>{children}</Suspense>;
}
