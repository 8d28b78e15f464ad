import { quizSchema, type GameOptions, type QuizSummary } from '@quizbus/shared';
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { BrandLogo } from '../../components/brand-logo.tsx';
import { apiErrorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { createGame, deleteQuiz, getQuiz, listQuizzes, saveQuiz } from '../../net/api.ts';
import { downloadQuiz, importQuizFile } from '../../net/file-api.ts';
import { carriesImages } from './embedded-images.ts';
import { saveReportKey } from '../../net/report-keys.ts';
import { saveHostSeat } from '../../net/storage.ts';
import { Link, navigate } from '../../router/router.tsx';
import { describePath } from './error-summary.tsx';
import { PastGames } from './past-games.tsx';
import { QuizExportButtons } from './quiz-export-buttons.tsx';
import { SpreadsheetImport } from './spreadsheet-import.tsx';
import { StartGameForm } from './start-game-form.tsx';
import { AssignForm } from './assign-form.tsx';
import { PastAssignments } from './past-assignments.tsx';

/** What the library shows under its heading after an action: success or problem. */
type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * `/host`: the teacher's quiz library. Bundled quizzes can be played, duplicated and
 * exported; the teacher's own can also be edited and deleted. Importing takes a quiz JSON
 * file (the export format).
 */
export function LibraryPage({ search }: { search: string }) {
  const t = useT();
  const [quizzes, setQuizzes] = useState<QuizSummary[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const importId = useId();
  const savedId = new URLSearchParams(search).get('saved');

  const refresh = useCallback(() => {
    listQuizzes()
      .then(setQuizzes)
      .catch((e: unknown) => setNotice({ kind: 'error', text: apiErrorText(t, e) }));
  }, [t]);
  useEffect(refresh, [refresh]);

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await what();
    } catch (e) {
      setNotice({ kind: 'error', text: apiErrorText(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const start = (quiz: QuizSummary, options: GameOptions) =>
    act(async () => {
      const game = await createGame(quiz.id, options);
      saveHostSeat(game.pin, { hostToken: game.hostToken, joinUrl: game.joinUrl });
      saveReportKey(game.gameId, game.hostToken);
      navigate(`/host/${game.pin}`);
    });
  const duplicate = (quiz: QuizSummary) =>
    act(async () => {
      const { id: _id, ...doc } = await getQuiz(quiz.id);
      const copy = await saveQuiz({ ...doc, title: t('library.copyTitle', { title: doc.title }).slice(0, 120) });
      setNotice({ kind: 'ok', text: t('library.made', { title: copy.title }) });
      refresh();
    });
  const exportJson = (quiz: QuizSummary) =>
    act(async () => {
      // The server's export embeds uploaded images, so the file works on another server too.
      await downloadQuiz(quiz.id, 'json');
    });
  const remove = (quiz: QuizSummary) =>
    act(async () => {
      await deleteQuiz(quiz.id);
      setConfirmDelete(null);
      setNotice({ kind: 'ok', text: t('library.deleted', { title: quiz.title }) });
      refresh();
    });
  const importFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void act(async () => {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text()) as unknown;
      } catch {
        setNotice({ kind: 'error', text: t('library.notJson', { file: file.name }) });
        return;
      }
      if (carriesImages(doc)) {
        // Embedded images are checked and stored by the server's import.
        const saved = await importQuizFile(file);
        setNotice({ kind: 'ok', text: t('library.imported', { title: saved.title }) });
        refresh();
        return;
      }
      const parsed = quizSchema.safeParse(doc);
      if (!parsed.success) {
        const first = parsed.error.issues.slice(0, 3).map((i) => `${describePath(t, i.path.map(String).join('.'))}: ${i.message}`);
        setNotice({ kind: 'error', text: t('library.notQuiz', { file: file.name, problems: first.join('; ') }) });
        return;
      }
      const { id: _id, ...quiz } = parsed.data;
      const saved = await saveQuiz(quiz);
      setNotice({ kind: 'ok', text: t('library.imported', { title: saved.title }) });
      refresh();
    });
  };

  return (
    <main className="page library">
      <BrandLogo className="library__brand" />
      <LanguageSwitch className="library__language" />
      <header className="library__head">
        <h1>{t('library.heading')}</h1>
        <div className="library__tools">
          <Link className="button button--primary" href="/host/new">
            {t('library.new')}
          </Link>
          <label className="button" htmlFor={importId}>
            {t('library.importJson')}
          </label>
          <input id={importId} className="sr-only" type="file" accept="application/json,.json" onChange={importFile} />
          <SpreadsheetImport
            busy={busy}
            onImported={(quiz) => {
              setNotice({ kind: 'ok', text: t('library.importedSheet', { title: quiz.title, count: quiz.questions.length }) });
              refresh();
            }}
            onError={(text) => setNotice({ kind: 'error', text })}
          />
        </div>
      </header>
      <div role="status" aria-live="polite">
        {notice ? <p className={`notice notice--${notice.kind}`}>{notice.text}</p> : null}
      </div>
      {quizzes === null ? <p>{t('common.loading')}</p> : null}
      <ul className="quiz-list">
        {(quizzes ?? []).map((q) => (
          <li key={q.id} className={`quiz-card card${q.id === savedId ? ' quiz-card--saved' : ''}`}>
            <div className="quiz-card__info">
              <h2 className="quiz-card__title">{q.title}</h2>
              {q.description ? <p className="quiz-card__description">{q.description}</p> : null}
              <p className="quiz-card__meta">
                {t('library.questions', { count: q.questionCount })}
                {q.readOnly ? <span className="badge">{t('library.bundled')}</span> : <span className="badge badge--own">{t('library.yours')}</span>}
                {q.id === savedId ? <span className="badge badge--ok">{t('library.saved')}</span> : null}
              </p>
            </div>
            {assigning === q.id ? (
              <AssignForm quizId={q.id} title={q.title} onClose={() => setAssigning(null)} />
            ) : starting === q.id ? (
              <StartGameForm title={q.title} busy={busy} onStart={(o) => void start(q, o)} onCancel={() => setStarting(null)} />
            ) : (
              <div className="quiz-card__actions">
                <button type="button" className="button button--primary" onClick={() => setStarting(q.id)} aria-label={t('library.playLabel', { title: q.title })}>
                  {t('library.play')}
                </button>
                <button type="button" className="button" onClick={() => setAssigning(q.id)} aria-label={t('assign.label', { title: q.title })}>
                  {t('assign.button')}
                </button>
                {q.readOnly ? null : (
                  <Link className="button" href={`/host/edit/${encodeURIComponent(q.id)}`} aria-label={t('library.editLabel', { title: q.title })}>
                    {t('library.edit')}
                  </Link>
                )}
                <button type="button" className="button" disabled={busy} onClick={() => void duplicate(q)} aria-label={t('library.duplicateLabel', { title: q.title })}>
                  {t('library.duplicate')}
                </button>
                <span className="quiz-card__export" role="group" aria-label={t('library.exportLabel', { title: q.title })}>
                  <span className="quiz-card__export-label" aria-hidden="true">
                    {t('library.export')}
                  </span>
                  <button type="button" className="button" disabled={busy} onClick={() => void exportJson(q)} aria-label={t('library.exportJson', { title: q.title })}>
                    JSON
                  </button>
                  <QuizExportButtons quiz={q} busy={busy} onExport={(format) => void act(() => downloadQuiz(q.id, format))} />
                </span>
                {q.readOnly ? null : confirmDelete === q.id ? (
                  <span className="quiz-card__confirm">
                    <button type="button" className="button button--danger" disabled={busy} onClick={() => void remove(q)}>
                      {t('library.deleteForGood')}
                    </button>
                    <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(null)}>
                      {t('library.keep')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(q.id)} aria-label={t('library.deleteLabel', { title: q.title })}>
                    {t('library.delete')}
                  </button>
                )}
              </div>
            )}
            <PastGames quiz={q} />
            <PastAssignments quiz={q} />
          </li>
        ))}
      </ul>
    </main>
  );
}
