import { QUESTION_TYPES, type QuestionType } from '@quizbus/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { apiErrorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { ApiError, getQuiz, saveQuiz } from '../../net/api.ts';
import { Link, navigate } from '../../router/router.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { QuestionEditor, TYPE_NAMES } from './question-editor.tsx';
import { moveItem } from '../../state/move-item.ts';
import { draftFromQuiz, errorsFromIssues, newDraft, newQuestion, validateDraft, type FieldErrors, type QuizDraft } from './quiz-draft.ts';

/**
 * `/host/new` and `/host/edit/:id`: the quiz editor. Validation uses the shared quiz schema,
 * so the messages next to the fields are the server's rules; they appear after the first
 * save attempt and update as the teacher types.
 */
export function QuizEditorPage({ quizId }: { quizId?: string }) {
  const t = useT();
  const [draft, setDraft] = useState<QuizDraft | null>(quizId ? null : newDraft());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [addType, setAddType] = useState<QuestionType>('single');
  const addTypeId = useId();

  useEffect(() => {
    if (!quizId) return;
    getQuiz(quizId)
      .then((q) => setDraft(draftFromQuiz(q)))
      .catch((e: unknown) => setLoadError(apiErrorText(t, e)));
  }, [quizId, t]);

  const { quiz, errors: localErrors } = useMemo(() => (draft ? validateDraft(draft, t) : { quiz: null, errors: {} }), [draft, t]);
  const errors = attempt > 0 ? { ...serverErrors, ...localErrors } : {};

  if (loadError) {
    return (
      <main className="page">
        <h1>{t('title.editQuiz')}</h1>
        <p role="alert">{loadError}</p>
        <Link href="/host">{t('host.backToQuizzes')}</Link>
      </main>
    );
  }
  if (!draft || !quiz) return <main className="page"><p>{t('common.loading')}</p></main>;

  const setQuestion = (i: number, q: QuizDraft['questions'][number]) => setDraft({ ...draft, questions: draft.questions.map((x, j) => (j === i ? q : x)) });

  const save = async (asCopy = false) => {
    setAttempt((a) => a + 1);
    setServerErrors({});
    setProblem(null);
    if (Object.keys(localErrors).length > 0) return;
    setSaving(true);
    try {
      const saved = await saveQuiz(quiz, asCopy ? undefined : quizId);
      navigate(`/host?saved=${encodeURIComponent(saved.id)}`);
    } catch (e) {
      if (e instanceof ApiError) {
        setServerErrors(errorsFromIssues(e.issues));
        setProblem(e.code === 'READ_ONLY' ? t('editor.readOnly') : apiErrorText(t, e));
      } else setProblem(t('editor.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="page editor">
      <p>
        <Link href="/host">{t('host.quizzesLink')}</Link>
      </p>
      <h1>{quizId ? t('title.editQuiz') : t('title.newQuiz')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary errors={errors} attempt={attempt} />
        <div className="card">
          <TextField label={t('field.title')} value={draft.title} maxLength={120} onChange={(title) => setDraft({ ...draft, title })} error={errors.title} path="title" />
          <TextField label={t('editor.description')} multiline maxLength={600} value={draft.description} onChange={(description) => setDraft({ ...draft, description })} error={errors.description} path="description" />
          <TextField
            label={t('editor.readTime')}
            inputMode="numeric"
            value={draft.readTimeSec}
            onChange={(readTimeSec) => setDraft({ ...draft, readTimeSec })}
            error={errors.readTimeSec}
            path="readTimeSec"
            hint={t('editor.readTimeHint')}
          />
        </div>
        {errors.questions ? <p className="field__error">{errors.questions}</p> : null}
        {draft.questions.map((q, i) => (
          <QuestionEditor
            key={q.key}
            q={q}
            index={i}
            count={draft.questions.length}
            errors={errors}
            onChange={(next) => setQuestion(i, next)}
            onMove={(by) => setDraft({ ...draft, questions: moveItem(draft.questions, i, i + by) })}
            onRemove={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}
          />
        ))}
        <div className="editor__add card">
          <label htmlFor={addTypeId}>{t('editor.newType')}</label>
          <select id={addTypeId} className="input" value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(TYPE_NAMES[type])}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={draft.questions.length >= 100} onClick={() => setDraft({ ...draft, questions: [...draft.questions, newQuestion(addType)] })}>
            {t('editor.addQuestion')}
          </button>
        </div>
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="editor__actions">
          <button type="submit" className="button button--primary button--large" disabled={saving}>
            {saving ? t('editor.saving') : t('editor.save')}
          </button>
          {quizId ? (
            <button type="button" className="button" disabled={saving} onClick={() => void save(true)}>
              {t('editor.saveCopy')}
            </button>
          ) : null}
          <Link className="button button--quiet" href="/host">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
