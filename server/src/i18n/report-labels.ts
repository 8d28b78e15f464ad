/**
 * The words of the files a teacher downloads (results CSV, report CSV and workbook) in each
 * language the client ships. English keeps the stable snake_case column keys the files have
 * always had, so scripts that read them keep working; the other languages name the columns
 * and sheets for people. docs/spreadsheets.md lists the keys.
 */
import { teamReportLabels, type TeamReportLabels } from './team-report-labels.ts';

export const SERVER_LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'zh-CN', 'pl'] as const;
export type ServerLocale = (typeof SERVER_LOCALES)[number];

export const COLUMN_KEYS = [
  'rank',
  'nickname',
  'student_id',
  'score',
  'correct_answers',
  'questions_answered',
  'accuracy_percent',
  'average_response_seconds',
  'difficulty_rank',
  'question_number',
  'question',
  'type',
  'correct_answer',
  'percent_correct',
  'correct',
  'partial',
  'answered',
  'players',
  'answers',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type SheetKey = 'summary' | 'students' | 'questions' | 'answers' | 'points';
export type SummaryKey = 'quiz' | 'pin' | 'started' | 'ended' | 'howItEnded' | 'players' | 'questionsPlayed' | 'averageScore';
export type EndKey = 'finished' | 'host' | 'idle' | 'running';

/** Everything a downloaded file says, in one language. */
export interface ReportLabels {
  columns: Record<ColumnKey, string>;
  sheets: Record<SheetKey, string>;
  summary: Record<SummaryKey, string>;
  ended: Record<EndKey, string>;
  /** The heading of question n's column: "q3", "F3", "س3". */
  question: (n: number) => string;
  /** Team games' words (team-report-labels.ts). */
  teams?: TeamReportLabels;
}

const identity = Object.fromEntries(COLUMN_KEYS.map((k) => [k, k])) as Record<ColumnKey, string>;

const LABELS: Record<ServerLocale, ReportLabels> = {
  en: {
    columns: identity,
    sheets: { summary: 'Summary', students: 'Students', questions: 'Questions', answers: 'Answers', points: 'Points' },
    summary: { quiz: 'quiz', pin: 'game PIN', started: 'started', ended: 'ended', howItEnded: 'how it ended', players: 'players', questionsPlayed: 'questions played', averageScore: 'average score' },
    ended: { finished: 'finished', host: 'host', idle: 'idle', running: 'still running' },
    question: (n) => `q${n}`,
  },
  es: {
    columns: { rank: 'Puesto', nickname: 'Apodo', student_id: 'Nombre o número de estudiante', score: 'Puntuación', correct_answers: 'Respuestas correctas', questions_answered: 'Preguntas respondidas', accuracy_percent: 'Acierto (%)', average_response_seconds: 'Tiempo medio de respuesta (s)', difficulty_rank: 'Dificultad (1 = la más difícil)', question_number: 'N.º de pregunta', question: 'Pregunta', type: 'Tipo', correct_answer: 'Respuesta correcta', percent_correct: 'Correctas (%)', correct: 'Correctas', partial: 'En parte correctas', answered: 'Respondieron', players: 'Jugadores', answers: 'Respuestas' },
    sheets: { summary: 'Resumen', students: 'Estudiantes', questions: 'Preguntas', answers: 'Respuestas', points: 'Puntos' },
    summary: { quiz: 'Cuestionario', pin: 'PIN de la partida', started: 'Inicio', ended: 'Fin', howItEnded: 'Cómo terminó', players: 'Jugadores', questionsPlayed: 'Preguntas jugadas', averageScore: 'Puntuación media' },
    ended: { finished: 'jugada hasta el final', host: 'terminada por el profesor', idle: 'terminada por inactividad', running: 'aún en curso' },
    question: (n) => `P${n}`,
  },
  fr: {
    columns: { rank: 'Rang', nickname: 'Pseudo', student_id: 'Nom ou numéro d’élève', score: 'Score', correct_answers: 'Bonnes réponses', questions_answered: 'Questions répondues', accuracy_percent: 'Réussite (%)', average_response_seconds: 'Temps de réponse moyen (s)', difficulty_rank: 'Difficulté (1 = la plus difficile)', question_number: 'N° de question', question: 'Question', type: 'Type', correct_answer: 'Bonne réponse', percent_correct: 'Justes (%)', correct: 'Justes', partial: 'En partie justes', answered: 'Ont répondu', players: 'Joueurs', answers: 'Réponses' },
    sheets: { summary: 'Résumé', students: 'Élèves', questions: 'Questions', answers: 'Réponses', points: 'Points' },
    summary: { quiz: 'Quiz', pin: 'PIN de la partie', started: 'Début', ended: 'Fin', howItEnded: 'Fin de partie', players: 'Joueurs', questionsPlayed: 'Questions jouées', averageScore: 'Score moyen' },
    ended: { finished: 'jouée jusqu’au bout', host: 'terminée par l’enseignant', idle: 'terminée après une inactivité', running: 'toujours en cours' },
    question: (n) => `Q${n}`,
  },
  de: {
    columns: { rank: 'Platz', nickname: 'Spitzname', student_id: 'Name oder Schülernummer', score: 'Punkte', correct_answers: 'Richtige Antworten', questions_answered: 'Beantwortete Fragen', accuracy_percent: 'Trefferquote (%)', average_response_seconds: 'Durchschnittliche Antwortzeit (s)', difficulty_rank: 'Schwierigkeit (1 = am schwersten)', question_number: 'Frage Nr.', question: 'Frage', type: 'Typ', correct_answer: 'Richtige Antwort', percent_correct: 'Richtig (%)', correct: 'Richtig', partial: 'Teilweise richtig', answered: 'Beantwortet', players: 'Spieler·innen', answers: 'Antworten' },
    sheets: { summary: 'Übersicht', students: 'Schüler·innen', questions: 'Fragen', answers: 'Antworten', points: 'Punkte' },
    summary: { quiz: 'Quiz', pin: 'Spiel-PIN', started: 'Beginn', ended: 'Ende', howItEnded: 'Wie es endete', players: 'Spieler·innen', questionsPlayed: 'Gespielte Fragen', averageScore: 'Durchschnittliche Punktzahl' },
    ended: { finished: 'bis zum Ende gespielt', host: 'von der Lehrkraft beendet', idle: 'nach Inaktivität beendet', running: 'läuft noch' },
    question: (n) => `F${n}`,
  },
  'pt-BR': {
    columns: { rank: 'Posição', nickname: 'Apelido', student_id: 'Nome ou número de matrícula', score: 'Pontuação', correct_answers: 'Respostas certas', questions_answered: 'Perguntas respondidas', accuracy_percent: 'Aproveitamento (%)', average_response_seconds: 'Tempo médio de resposta (s)', difficulty_rank: 'Dificuldade (1 = a mais difícil)', question_number: 'Nº da pergunta', question: 'Pergunta', type: 'Tipo', correct_answer: 'Resposta certa', percent_correct: 'Acertos (%)', correct: 'Certas', partial: 'Parcialmente certas', answered: 'Responderam', players: 'Jogadores', answers: 'Respostas' },
    sheets: { summary: 'Resumo', students: 'Alunos', questions: 'Perguntas', answers: 'Respostas', points: 'Pontos' },
    summary: { quiz: 'Quiz', pin: 'PIN do jogo', started: 'Início', ended: 'Fim', howItEnded: 'Como terminou', players: 'Jogadores', questionsPlayed: 'Perguntas jogadas', averageScore: 'Pontuação média' },
    ended: { finished: 'jogado até o fim', host: 'encerrado pelo professor', idle: 'encerrado por inatividade', running: 'ainda em andamento' },
    question: (n) => `P${n}`,
  },
  ar: {
    columns: { rank: 'المركز', nickname: 'الاسم المستعار', student_id: 'الاسم أو الرقم المدرسي', score: 'النقاط', correct_answers: 'الإجابات الصحيحة', questions_answered: 'الأسئلة المُجاب عنها', accuracy_percent: 'الدقة (%)', average_response_seconds: 'متوسط زمن الإجابة (ث)', difficulty_rank: 'الصعوبة (1 = الأصعب)', question_number: 'رقم السؤال', question: 'السؤال', type: 'النوع', correct_answer: 'الإجابة الصحيحة', percent_correct: 'الصحيحة (%)', correct: 'صحيحة', partial: 'صحيحة جزئيًا', answered: 'أجابوا', players: 'اللاعبون', answers: 'الإجابات' },
    sheets: { summary: 'ملخص', students: 'الطلاب', questions: 'الأسئلة', answers: 'الإجابات', points: 'النقاط' },
    summary: { quiz: 'المسابقة', pin: 'رمز اللعبة', started: 'البداية', ended: 'النهاية', howItEnded: 'كيف انتهت', players: 'اللاعبون', questionsPlayed: 'الأسئلة التي لُعبت', averageScore: 'متوسط النقاط' },
    ended: { finished: 'لُعبت حتى النهاية', host: 'أنهاها المعلم', idle: 'انتهت بعد فترة خمول', running: 'ما زالت جارية' },
    question: (n) => `س${n}`,
  },
  'zh-CN': {
    columns: { rank: '名次', nickname: '昵称', student_id: '姓名或学号', score: '得分', correct_answers: '答对题数', questions_answered: '作答题数', accuracy_percent: '正确率（%）', average_response_seconds: '平均用时（秒）', difficulty_rank: '难度排名（1 = 最难）', question_number: '题号', question: '题目', type: '类型', correct_answer: '正确答案', percent_correct: '答对率（%）', correct: '答对', partial: '部分正确', answered: '作答人数', players: '玩家人数', answers: '答案分布' },
    sheets: { summary: '概览', students: '学生', questions: '题目', answers: '作答', points: '得分' },
    summary: { quiz: '测验', pin: '游戏 PIN', started: '开始时间', ended: '结束时间', howItEnded: '结束方式', players: '玩家人数', questionsPlayed: '已进行题数', averageScore: '平均得分' },
    ended: { finished: '已完整进行', host: '由主持人结束', idle: '因长时间无操作而结束', running: '仍在进行' },
    question: (n) => `第${n}题`,
  },
  pl: {
    columns: { rank: 'Miejsce', nickname: 'Pseudonim', student_id: 'Imię i nazwisko lub numer ucznia', score: 'Wynik', correct_answers: 'Poprawne odpowiedzi', questions_answered: 'Pytania z odpowiedzią', accuracy_percent: 'Skuteczność (%)', average_response_seconds: 'Średni czas odpowiedzi (s)', difficulty_rank: 'Trudność (1 = najtrudniejsze)', question_number: 'Nr pytania', question: 'Pytanie', type: 'Rodzaj', correct_answer: 'Poprawna odpowiedź', percent_correct: 'Poprawne (%)', correct: 'Poprawne', partial: 'Częściowo poprawne', answered: 'Odpowiedziało', players: 'Gracze', answers: 'Odpowiedzi' },
    sheets: { summary: 'Podsumowanie', students: 'Uczniowie', questions: 'Pytania', answers: 'Odpowiedzi', points: 'Punkty' },
    summary: { quiz: 'Quiz', pin: 'PIN gry', started: 'Początek', ended: 'Koniec', howItEnded: 'Jak się zakończyła', players: 'Gracze', questionsPlayed: 'Rozegrane pytania', averageScore: 'Średni wynik' },
    ended: { finished: 'rozegrana do końca', host: 'zakończona przez nauczyciela', idle: 'zakończona z powodu bezczynności', running: 'wciąż trwa' },
    question: (n) => `P${n}`,
  },
};

/** The labels for a language (English when none is given). */
export function reportLabels(locale: ServerLocale = 'en'): ReportLabels {
  return { ...LABELS[locale], teams: teamReportLabels(locale) };
}

/** The shipped language closest to a tag: exact ("pt-BR"), then by language ("pt-PT" → "pt-BR"). */
export function matchServerLocale(tag: string): ServerLocale | null {
  const lower = tag.trim().toLowerCase();
  const exact = SERVER_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return SERVER_LOCALES.find((l) => l.toLowerCase().split('-')[0] === language) ?? null;
}

/**
 * The language of a download: an explicit `?lang=` wins, else the best Accept-Language entry
 * (by q-value) that ships, else English.
 */
export function requestLocale(lang: unknown, acceptLanguage: string | undefined): ServerLocale {
  if (typeof lang === 'string') {
    const chosen = matchServerLocale(lang);
    if (chosen) return chosen;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const match = matchServerLocale(tag);
    if (match) return match;
  }
  return 'en';
}
