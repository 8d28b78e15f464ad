import { z } from 'zod';
import type { ServerLocale } from './report-labels.ts';

/**
 * The messages the shared quiz schema writes itself (shared/src/quiz/quiz-schema.ts), in the
 * other languages, for a refused import. English is the schema's own wording, so it is not
 * repeated here; a message not listed is left as it is (zod's own messages are translated by
 * zod's locales, see schemaParseOptions). In a spreadsheet, options and items are answers.
 */
const PATTERNS = {
  notEmpty: /^must not be empty$/,
  maxChars: /^at most (\d+) characters$/,
  minAnswers: /^at least (\d+) (?:options|items|answers)$/,
  maxAnswers: /^at most (\d+) (?:options|items|answers)$/,
  httpUrl: /^must be an http\(s\) URL$/,
  oneOfOptions: /^must name one of the options$/,
  oneCorrect: /^at least one correct option$/,
  optionsExist: /^must name options that exist$/,
  noRepeat: /^must not repeat an option$/,
  oneAccepted: /^at least one accepted answer$/,
  maxAboveMin: /^must be greater than min$/,
  betweenMinMax: /^must lie between min and max$/,
  tooManySteps: /^too many steps between min and max$/,
  idFormat: /^lowercase letters, digits and dashes$/,
  oneQuestion: /^a quiz needs at least one question$/,
} as const;
export type SchemaMessageKey = keyof typeof PATTERNS;

/** Each translation takes the number the English message holds (when it holds one). */
export type SchemaMessages = Record<SchemaMessageKey, (n: string) => string>;

export const SCHEMA_MESSAGES: Record<Exclude<ServerLocale, 'en'>, SchemaMessages> = {
  es: {
    notEmpty: () => 'no puede estar vacío', maxChars: (n) => `como máximo ${n} caracteres`, minAnswers: (n) => `al menos ${n} respuestas`, maxAnswers: (n) => `como máximo ${n} respuestas`,
    httpUrl: () => 'debe ser una URL http(s)', oneOfOptions: () => 'debe indicar una de las respuestas', oneCorrect: () => 'al menos una respuesta correcta', optionsExist: () => 'debe indicar respuestas que existan',
    noRepeat: () => 'no puede repetir una respuesta', oneAccepted: () => 'al menos una respuesta aceptada', maxAboveMin: () => 'debe ser mayor que min', betweenMinMax: () => 'debe estar entre min y max',
    tooManySteps: () => 'demasiados pasos entre min y max', idFormat: () => 'letras minúsculas, cifras y guiones', oneQuestion: () => 'un cuestionario necesita al menos una pregunta',
  },
  fr: {
    notEmpty: () => 'ne doit pas être vide', maxChars: (n) => `au plus ${n} caractères`, minAnswers: (n) => `au moins ${n} réponses`, maxAnswers: (n) => `au plus ${n} réponses`,
    httpUrl: () => 'doit être une URL http(s)', oneOfOptions: () => 'doit désigner une des réponses', oneCorrect: () => 'au moins une bonne réponse', optionsExist: () => 'doit désigner des réponses qui existent',
    noRepeat: () => 'ne doit pas répéter une réponse', oneAccepted: () => 'au moins une réponse acceptée', maxAboveMin: () => 'doit être supérieur à min', betweenMinMax: () => 'doit être entre min et max',
    tooManySteps: () => 'trop de pas entre min et max', idFormat: () => 'lettres minuscules, chiffres et tirets', oneQuestion: () => 'un quiz doit avoir au moins une question',
  },
  de: {
    notEmpty: () => 'darf nicht leer sein', maxChars: (n) => `höchstens ${n} Zeichen`, minAnswers: (n) => `mindestens ${n} Antworten`, maxAnswers: (n) => `höchstens ${n} Antworten`,
    httpUrl: () => 'muss eine http(s)-URL sein', oneOfOptions: () => 'muss eine der Antworten nennen', oneCorrect: () => 'mindestens eine richtige Antwort', optionsExist: () => 'muss vorhandene Antworten nennen',
    noRepeat: () => 'darf keine Antwort wiederholen', oneAccepted: () => 'mindestens eine akzeptierte Antwort', maxAboveMin: () => 'muss größer als min sein', betweenMinMax: () => 'muss zwischen min und max liegen',
    tooManySteps: () => 'zu viele Schritte zwischen min und max', idFormat: () => 'Kleinbuchstaben, Ziffern und Bindestriche', oneQuestion: () => 'ein Quiz braucht mindestens eine Frage',
  },
  'pt-BR': {
    notEmpty: () => 'não pode ficar vazio', maxChars: (n) => `no máximo ${n} caracteres`, minAnswers: (n) => `pelo menos ${n} respostas`, maxAnswers: (n) => `no máximo ${n} respostas`,
    httpUrl: () => 'deve ser uma URL http(s)', oneOfOptions: () => 'deve indicar uma das respostas', oneCorrect: () => 'pelo menos uma resposta certa', optionsExist: () => 'deve indicar respostas que existem',
    noRepeat: () => 'não pode repetir uma resposta', oneAccepted: () => 'pelo menos uma resposta aceita', maxAboveMin: () => 'deve ser maior que min', betweenMinMax: () => 'deve estar entre min e max',
    tooManySteps: () => 'passos demais entre min e max', idFormat: () => 'letras minúsculas, algarismos e hifens', oneQuestion: () => 'um quiz precisa de pelo menos uma pergunta',
  },
  ar: {
    notEmpty: () => 'يجب ألا يكون فارغًا', maxChars: (n) => `${n} حرفًا على الأكثر`, minAnswers: (n) => `${n} إجابات على الأقل`, maxAnswers: (n) => `${n} إجابات على الأكثر`,
    httpUrl: () => 'يجب أن يكون رابط http(s)', oneOfOptions: () => 'يجب أن يشير إلى إحدى الإجابات', oneCorrect: () => 'إجابة صحيحة واحدة على الأقل', optionsExist: () => 'يجب أن يشير إلى إجابات موجودة',
    noRepeat: () => 'يجب ألا يكرر إجابة', oneAccepted: () => 'إجابة مقبولة واحدة على الأقل', maxAboveMin: () => 'يجب أن يكون أكبر من min', betweenMinMax: () => 'يجب أن يقع بين min وmax',
    tooManySteps: () => 'عدد الخطوات بين min وmax كبير جدًا', idFormat: () => 'أحرف لاتينية صغيرة وأرقام وشرطات', oneQuestion: () => 'تحتاج المسابقة إلى سؤال واحد على الأقل',
  },
  'zh-CN': {
    notEmpty: () => '不能为空', maxChars: (n) => `最多 ${n} 个字符`, minAnswers: (n) => `至少 ${n} 个答案`, maxAnswers: (n) => `最多 ${n} 个答案`,
    httpUrl: () => '必须是 http(s) 网址', oneOfOptions: () => '必须指向其中一个答案', oneCorrect: () => '至少要有一个正确答案', optionsExist: () => '必须指向存在的答案',
    noRepeat: () => '不能重复同一个答案', oneAccepted: () => '至少要有一个可接受的答案', maxAboveMin: () => '必须大于 min', betweenMinMax: () => '必须介于 min 和 max 之间',
    tooManySteps: () => 'min 和 max 之间的步数太多', idFormat: () => '只能使用小写字母、数字和连字符', oneQuestion: () => '测验至少需要一道题',
  },
  pl: {
    notEmpty: () => 'nie może być puste', maxChars: (n) => `najwyżej ${n} znaków`, minAnswers: (n) => `co najmniej ${n} odpowiedzi`, maxAnswers: (n) => `najwyżej ${n} odpowiedzi`,
    httpUrl: () => 'musi być adresem URL http(s)', oneOfOptions: () => 'musi wskazywać jedną z odpowiedzi', oneCorrect: () => 'co najmniej jedna poprawna odpowiedź', optionsExist: () => 'musi wskazywać istniejące odpowiedzi',
    noRepeat: () => 'nie może powtarzać odpowiedzi', oneAccepted: () => 'co najmniej jedna akceptowana odpowiedź', maxAboveMin: () => 'musi być większe niż min', betweenMinMax: () => 'musi leżeć między min a max',
    tooManySteps: () => 'zbyt wiele kroków między min a max', idFormat: () => 'małe litery, cyfry i myślniki', oneQuestion: () => 'quiz musi mieć co najmniej jedno pytanie',
  },
};

/** A schema message in `locale`; English, and any message not listed, come back as they are. */
export function translateSchemaMessage(locale: ServerLocale, message: string): string {
  if (locale === 'en') return message;
  for (const [key, pattern] of Object.entries(PATTERNS) as Array<[SchemaMessageKey, RegExp]>) {
    const match = pattern.exec(message);
    if (match) return SCHEMA_MESSAGES[locale][key](match[1] ?? '');
  }
  return message;
}

const ZOD_LOCALES: Record<ServerLocale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  es: z.locales.es,
  fr: z.locales.fr,
  de: z.locales.de,
  'pt-BR': z.locales.ptBR,
  ar: z.locales.ar,
  'zh-CN': z.locales.zhCN,
  pl: z.locales.pl,
};

/**
 * The parse options that put zod's own schema messages ("Too small: expected string to have
 * >=1 characters") in a language, through zod's shipped locales; messages the shared schemas
 * write themselves stay as written. English passes nothing, so English output is unchanged.
 */
export function schemaParseOptions(locale: ServerLocale): { error?: z.core.$ZodErrorMap } {
  return locale === 'en' ? {} : { error: ZOD_LOCALES[locale]().localeError };
}
