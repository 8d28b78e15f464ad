import type { ServerLocale } from './report-labels.ts';

/**
 * What a refused spreadsheet import says, in each language the client ships: every row
 * problem and the summary. Row numbers, column keys, type names and cell values a teacher
 * types (single, true-false, standard …) stay as they are in every language, since they are
 * what the file holds. Each message takes one object of placeholders, the same in every
 * language (import-messages.test.ts checks it).
 */
export interface ImportMessages {
  summary: (p: { count: number }) => string;
  unknownColumn: (p: { column: string; columns: string }) => string;
  duplicateColumn: (p: { column: string }) => string;
  noQuestionColumn: () => string;
  tooManyQuestions: (p: { max: number; count: number }) => string;
  noQuestions: () => string;
  seconds: (p: { min: number; max: number }) => string;
  points: () => string;
  singleOneAnswer: () => string;
  pollNoCorrect: () => string;
  trueFalse: () => string;
  typeAnswerList: () => string;
  needsNumber: () => string;
  mustBeNumber: () => string;
  unknownType: (p: { type: string }) => string;
  answerOrType: () => string;
  setType: () => string;
  answerNumber: () => string;
  answerNumbersFormat: () => string;
  noSuchAnswer: (p: { n: number }) => string;
  answerEmpty: (p: { n: number }) => string;
  answerTwice: () => string;
  unclosedQuote: () => string;
  emptyFile: () => string;
  notXlsx: () => string;
  noSheet: () => string;
  noHeaderRow: (p: { rows: number }) => string;
}

export type ImportMessageKey = keyof ImportMessages;

const TYPES = 'single, multi, true-false, type-answer, slider, ordering, poll';

const MESSAGES: Record<ServerLocale, ImportMessages> = {
  en: {
    summary: ({ count }) => `${count === 1 ? 'One problem' : `${count} problems`} in the file; nothing was imported.`,
    unknownColumn: ({ column, columns }) => `unknown column "${column}"; the columns are ${columns}`,
    duplicateColumn: ({ column }) => `the column ${column} appears twice`,
    noQuestionColumn: () => 'no "question" column in the header row',
    tooManyQuestions: ({ max, count }) => `a quiz holds at most ${max} questions; this is question ${count}`,
    noQuestions: () => 'the file has no questions under its header row',
    seconds: ({ min, max }) => `must be a whole number of seconds from ${min} to ${max}`,
    points: () => 'must be standard, double or none (or 1000, 2000, 0)',
    singleOneAnswer: () => 'a single-choice question has one right answer; set the type to multi for several',
    pollNoCorrect: () => 'a poll has no right answer: leave correct empty',
    trueFalse: () => 'must be true or false (or 1 for True, 2 for False)',
    typeAnswerList: () => 'list the accepted answers, separated by |',
    needsNumber: () => 'needs a number',
    mustBeNumber: () => 'must be a number',
    unknownType: ({ type }) => `unknown type "${type}": use single, multi, true-false, type-answer, slider, ordering or poll`,
    answerOrType: () => 'give the number of the right answer (e.g. 2), or set the type (poll, ordering, …)',
    setType: () => 'set the type of this question: single, multi, true-false, type-answer, slider, ordering or poll',
    answerNumber: () => 'give the number of the right answer (e.g. 2), or several as 1,3',
    answerNumbersFormat: () => 'must be answer numbers separated by commas, e.g. 2 or 1,3',
    noSuchAnswer: ({ n }) => `there is no answer ${n}: answers are numbered 1 to 6`,
    answerEmpty: ({ n }) => `answer ${n} is empty`,
    answerTwice: () => 'names an answer twice',
    unclosedQuote: () => 'a quoted field is not closed (a " is missing)',
    emptyFile: () => 'the file is empty',
    notXlsx: () => 'the file is not an Excel workbook (.xlsx)',
    noSheet: () => 'the workbook has no sheet',
    noHeaderRow: ({ rows }) => `no header row with a "Question" column in the first ${rows} rows of the first sheet`,
  },
  es: {
    summary: ({ count }) => `${count === 1 ? 'Hay un problema' : `Hay ${count} problemas`} en el archivo; no se ha importado nada.`,
    unknownColumn: ({ column, columns }) => `columna desconocida «${column}»; las columnas son ${columns}`,
    duplicateColumn: ({ column }) => `la columna ${column} aparece dos veces`,
    noQuestionColumn: () => 'no hay ninguna columna «question» en la fila de encabezado',
    tooManyQuestions: ({ max, count }) => `un cuestionario tiene como máximo ${max} preguntas; esta es la pregunta ${count}`,
    noQuestions: () => 'el archivo no tiene preguntas bajo la fila de encabezado',
    seconds: ({ min, max }) => `debe ser un número entero de segundos entre ${min} y ${max}`,
    points: () => 'debe ser standard, double o none (o 1000, 2000, 0)',
    singleOneAnswer: () => 'una pregunta de opción única tiene una sola respuesta correcta; pon el tipo multi si hay varias',
    pollNoCorrect: () => 'una encuesta no tiene respuesta correcta: deja correct vacío',
    trueFalse: () => 'debe ser true o false (o 1 para verdadero, 2 para falso)',
    typeAnswerList: () => 'escribe las respuestas aceptadas, separadas por |',
    needsNumber: () => 'necesita un número',
    mustBeNumber: () => 'debe ser un número',
    unknownType: ({ type }) => `tipo desconocido «${type}»: usa ${TYPES}`,
    answerOrType: () => 'indica el número de la respuesta correcta (p. ej., 2) o pon el tipo (poll, ordering, …)',
    setType: () => `indica el tipo de esta pregunta: ${TYPES}`,
    answerNumber: () => 'indica el número de la respuesta correcta (p. ej., 2) o varios, como 1,3',
    answerNumbersFormat: () => 'deben ser números de respuesta separados por comas, p. ej., 2 o 1,3',
    noSuchAnswer: ({ n }) => `no existe la respuesta ${n}: las respuestas van del 1 al 6`,
    answerEmpty: ({ n }) => `la respuesta ${n} está vacía`,
    answerTwice: () => 'nombra una respuesta dos veces',
    unclosedQuote: () => 'un campo entre comillas no está cerrado (falta una ")',
    emptyFile: () => 'el archivo está vacío',
    notXlsx: () => 'el archivo no es un libro de Excel (.xlsx)',
    noSheet: () => 'el libro no tiene ninguna hoja',
    noHeaderRow: ({ rows }) => `no hay ninguna fila de encabezado con una columna «Question» en las primeras ${rows} filas de la primera hoja`,
  },
  fr: {
    summary: ({ count }) => `${count === 1 ? 'Un problème' : `${count} problèmes`} dans le fichier ; rien n’a été importé.`,
    unknownColumn: ({ column, columns }) => `colonne inconnue « ${column} » ; les colonnes sont ${columns}`,
    duplicateColumn: ({ column }) => `la colonne ${column} apparaît deux fois`,
    noQuestionColumn: () => 'aucune colonne « question » dans la ligne d’en-tête',
    tooManyQuestions: ({ max, count }) => `un quiz compte au plus ${max} questions ; ceci est la question ${count}`,
    noQuestions: () => 'le fichier ne contient aucune question sous sa ligne d’en-tête',
    seconds: ({ min, max }) => `doit être un nombre entier de secondes entre ${min} et ${max}`,
    points: () => 'doit être standard, double ou none (ou 1000, 2000, 0)',
    singleOneAnswer: () => 'une question à choix unique a une seule bonne réponse ; indiquez le type multi s’il y en a plusieurs',
    pollNoCorrect: () => 'un sondage n’a pas de bonne réponse : laissez correct vide',
    trueFalse: () => 'doit être true ou false (ou 1 pour vrai, 2 pour faux)',
    typeAnswerList: () => 'indiquez les réponses acceptées, séparées par |',
    needsNumber: () => 'un nombre est nécessaire',
    mustBeNumber: () => 'doit être un nombre',
    unknownType: ({ type }) => `type inconnu « ${type} » : utilisez ${TYPES}`,
    answerOrType: () => 'indiquez le numéro de la bonne réponse (par ex. 2), ou le type (poll, ordering, …)',
    setType: () => `indiquez le type de cette question : ${TYPES}`,
    answerNumber: () => 'indiquez le numéro de la bonne réponse (par ex. 2), ou plusieurs comme 1,3',
    answerNumbersFormat: () => 'doit être des numéros de réponse séparés par des virgules, par ex. 2 ou 1,3',
    noSuchAnswer: ({ n }) => `il n’y a pas de réponse ${n} : les réponses sont numérotées de 1 à 6`,
    answerEmpty: ({ n }) => `la réponse ${n} est vide`,
    answerTwice: () => 'cite une réponse deux fois',
    unclosedQuote: () => 'un champ entre guillemets n’est pas fermé (il manque un ")',
    emptyFile: () => 'le fichier est vide',
    notXlsx: () => 'le fichier n’est pas un classeur Excel (.xlsx)',
    noSheet: () => 'le classeur n’a aucune feuille',
    noHeaderRow: ({ rows }) => `aucune ligne d’en-tête avec une colonne « Question » dans les ${rows} premières lignes de la première feuille`,
  },
  de: {
    summary: ({ count }) => `${count === 1 ? 'Ein Problem' : `${count} Probleme`} in der Datei; es wurde nichts importiert.`,
    unknownColumn: ({ column, columns }) => `unbekannte Spalte „${column}“; die Spalten sind ${columns}`,
    duplicateColumn: ({ column }) => `die Spalte ${column} kommt zweimal vor`,
    noQuestionColumn: () => 'keine Spalte „question“ in der Kopfzeile',
    tooManyQuestions: ({ max, count }) => `ein Quiz hat höchstens ${max} Fragen; dies ist Frage ${count}`,
    noQuestions: () => 'die Datei enthält unter der Kopfzeile keine Fragen',
    seconds: ({ min, max }) => `muss eine ganze Zahl von Sekunden zwischen ${min} und ${max} sein`,
    points: () => 'muss standard, double oder none sein (oder 1000, 2000, 0)',
    singleOneAnswer: () => 'eine Einfachauswahl-Frage hat genau eine richtige Antwort; für mehrere den Typ multi wählen',
    pollNoCorrect: () => 'eine Umfrage hat keine richtige Antwort: correct leer lassen',
    trueFalse: () => 'muss true oder false sein (oder 1 für wahr, 2 für falsch)',
    typeAnswerList: () => 'die akzeptierten Antworten angeben, getrennt durch |',
    needsNumber: () => 'braucht eine Zahl',
    mustBeNumber: () => 'muss eine Zahl sein',
    unknownType: ({ type }) => `unbekannter Typ „${type}“: ${TYPES} verwenden`,
    answerOrType: () => 'die Nummer der richtigen Antwort angeben (z. B. 2) oder den Typ festlegen (poll, ordering, …)',
    setType: () => `den Typ dieser Frage festlegen: ${TYPES}`,
    answerNumber: () => 'die Nummer der richtigen Antwort angeben (z. B. 2) oder mehrere wie 1,3',
    answerNumbersFormat: () => 'muss aus Antwortnummern bestehen, durch Kommas getrennt, z. B. 2 oder 1,3',
    noSuchAnswer: ({ n }) => `es gibt keine Antwort ${n}: die Antworten sind von 1 bis 6 nummeriert`,
    answerEmpty: ({ n }) => `Antwort ${n} ist leer`,
    answerTwice: () => 'nennt eine Antwort zweimal',
    unclosedQuote: () => 'ein Feld in Anführungszeichen ist nicht geschlossen (ein " fehlt)',
    emptyFile: () => 'die Datei ist leer',
    notXlsx: () => 'die Datei ist keine Excel-Arbeitsmappe (.xlsx)',
    noSheet: () => 'die Arbeitsmappe hat kein Tabellenblatt',
    noHeaderRow: ({ rows }) => `keine Kopfzeile mit einer Spalte „Question“ in den ersten ${rows} Zeilen des ersten Tabellenblatts`,
  },
  'pt-BR': {
    summary: ({ count }) => `${count === 1 ? 'Um problema' : `${count} problemas`} no arquivo; nada foi importado.`,
    unknownColumn: ({ column, columns }) => `coluna desconhecida "${column}"; as colunas são ${columns}`,
    duplicateColumn: ({ column }) => `a coluna ${column} aparece duas vezes`,
    noQuestionColumn: () => 'não há coluna "question" na linha de cabeçalho',
    tooManyQuestions: ({ max, count }) => `um quiz tem no máximo ${max} perguntas; esta é a pergunta ${count}`,
    noQuestions: () => 'o arquivo não tem perguntas abaixo da linha de cabeçalho',
    seconds: ({ min, max }) => `deve ser um número inteiro de segundos de ${min} a ${max}`,
    points: () => 'deve ser standard, double ou none (ou 1000, 2000, 0)',
    singleOneAnswer: () => 'uma pergunta de escolha única tem uma só resposta certa; use o tipo multi para várias',
    pollNoCorrect: () => 'uma enquete não tem resposta certa: deixe correct vazio',
    trueFalse: () => 'deve ser true ou false (ou 1 para verdadeiro, 2 para falso)',
    typeAnswerList: () => 'liste as respostas aceitas, separadas por |',
    needsNumber: () => 'precisa de um número',
    mustBeNumber: () => 'deve ser um número',
    unknownType: ({ type }) => `tipo desconhecido "${type}": use ${TYPES}`,
    answerOrType: () => 'informe o número da resposta certa (por exemplo, 2) ou defina o tipo (poll, ordering, …)',
    setType: () => `defina o tipo desta pergunta: ${TYPES}`,
    answerNumber: () => 'informe o número da resposta certa (por exemplo, 2) ou vários, como 1,3',
    answerNumbersFormat: () => 'devem ser números de respostas separados por vírgulas, por exemplo, 2 ou 1,3',
    noSuchAnswer: ({ n }) => `não existe a resposta ${n}: as respostas são numeradas de 1 a 6`,
    answerEmpty: ({ n }) => `a resposta ${n} está vazia`,
    answerTwice: () => 'cita uma resposta duas vezes',
    unclosedQuote: () => 'um campo entre aspas não foi fechado (falta uma ")',
    emptyFile: () => 'o arquivo está vazio',
    notXlsx: () => 'o arquivo não é uma pasta de trabalho do Excel (.xlsx)',
    noSheet: () => 'a pasta de trabalho não tem nenhuma planilha',
    noHeaderRow: ({ rows }) => `nenhuma linha de cabeçalho com uma coluna "Question" nas primeiras ${rows} linhas da primeira planilha`,
  },
  ar: {
    summary: ({ count }) => `عدد المشكلات في الملف: ${count}؛ لم يُستورد أي شيء.`,
    unknownColumn: ({ column, columns }) => `عمود غير معروف "${column}"؛ الأعمدة هي ${columns}`,
    duplicateColumn: ({ column }) => `العمود ${column} مكرر مرتين`,
    noQuestionColumn: () => 'لا يوجد عمود "question" في صف العناوين',
    tooManyQuestions: ({ max, count }) => `تتسع المسابقة لـ ${max} سؤال على الأكثر؛ وهذا هو السؤال رقم ${count}`,
    noQuestions: () => 'لا يحتوي الملف على أسئلة تحت صف العناوين',
    seconds: ({ min, max }) => `يجب أن يكون عددًا صحيحًا من الثواني من ${min} إلى ${max}`,
    points: () => 'يجب أن تكون القيمة standard أو double أو none (أو 1000 أو 2000 أو 0)',
    singleOneAnswer: () => 'لسؤال الاختيار الواحد إجابة صحيحة واحدة؛ اختر النوع multi إذا كانت هناك عدة إجابات',
    pollNoCorrect: () => 'الاستطلاع ليس له إجابة صحيحة: اترك correct فارغًا',
    trueFalse: () => 'يجب أن تكون القيمة true أو false (أو 1 لصحيح، 2 لخطأ)',
    typeAnswerList: () => 'اكتب الإجابات المقبولة مفصولة بالرمز |',
    needsNumber: () => 'يحتاج إلى رقم',
    mustBeNumber: () => 'يجب أن يكون رقمًا',
    unknownType: ({ type }) => `نوع غير معروف "${type}": استخدم ${TYPES}`,
    answerOrType: () => 'اكتب رقم الإجابة الصحيحة (مثل 2)، أو حدد النوع (poll، ordering، …)',
    setType: () => `حدد نوع هذا السؤال: ${TYPES}`,
    answerNumber: () => 'اكتب رقم الإجابة الصحيحة (مثل 2)، أو عدة أرقام مثل 1,3',
    answerNumbersFormat: () => 'يجب أن تكون أرقام إجابات مفصولة بفواصل، مثل 2 أو 1,3',
    noSuchAnswer: ({ n }) => `لا توجد إجابة رقم ${n}: الإجابات مرقمة من 1 إلى 6`,
    answerEmpty: ({ n }) => `الإجابة رقم ${n} فارغة`,
    answerTwice: () => 'يذكر إجابة واحدة مرتين',
    unclosedQuote: () => 'حقل بين علامتي تنصيص غير مغلق (تنقص علامة ")',
    emptyFile: () => 'الملف فارغ',
    notXlsx: () => 'الملف ليس مصنف Excel ‏(.xlsx)',
    noSheet: () => 'المصنف لا يحتوي على أي ورقة',
    noHeaderRow: ({ rows }) => `لا يوجد صف عناوين فيه عمود "Question" في أول ${rows} صفًا من الورقة الأولى`,
  },
  'zh-CN': {
    summary: ({ count }) => `文件中有 ${count} 个问题，未导入任何内容。`,
    unknownColumn: ({ column, columns }) => `未知的列“${column}”；可用的列为 ${columns}`,
    duplicateColumn: ({ column }) => `列 ${column} 出现了两次`,
    noQuestionColumn: () => '标题行中没有“question”列',
    tooManyQuestions: ({ max, count }) => `一个测验最多包含 ${max} 道题；这是第 ${count} 道题`,
    noQuestions: () => '文件的标题行下方没有题目',
    seconds: ({ min, max }) => `必须是 ${min} 到 ${max} 之间的整数秒数`,
    points: () => '必须是 standard、double 或 none（或 1000、2000、0）',
    singleOneAnswer: () => '单选题只有一个正确答案；如有多个，请将类型设为 multi',
    pollNoCorrect: () => '投票没有正确答案：请将 correct 留空',
    trueFalse: () => '必须是 true 或 false（或 1 表示正确，2 表示错误）',
    typeAnswerList: () => '请列出可接受的答案，用 | 分隔',
    needsNumber: () => '需要填写一个数字',
    mustBeNumber: () => '必须是数字',
    unknownType: ({ type }) => `未知的类型“${type}”：请使用 ${TYPES}`,
    answerOrType: () => '请填写正确答案的编号（例如 2），或设置类型（poll、ordering 等）',
    setType: () => `请设置此题的类型：${TYPES}`,
    answerNumber: () => '请填写正确答案的编号（例如 2），多个答案写作 1,3',
    answerNumbersFormat: () => '必须是用逗号分隔的答案编号，例如 2 或 1,3',
    noSuchAnswer: ({ n }) => `没有答案 ${n}：答案编号为 1 到 6`,
    answerEmpty: ({ n }) => `答案 ${n} 为空`,
    answerTwice: () => '同一个答案写了两次',
    unclosedQuote: () => '带引号的字段未闭合（缺少一个 "）',
    emptyFile: () => '文件为空',
    notXlsx: () => '该文件不是 Excel 工作簿（.xlsx）',
    noSheet: () => '该工作簿没有工作表',
    noHeaderRow: ({ rows }) => `第一个工作表的前 ${rows} 行中没有包含“Question”列的标题行`,
  },
  pl: {
    summary: ({ count }) => `${polishProblems(count)} w pliku; nic nie zostało zaimportowane.`,
    unknownColumn: ({ column, columns }) => `nieznana kolumna „${column}”; dostępne kolumny to ${columns}`,
    duplicateColumn: ({ column }) => `kolumna ${column} występuje dwa razy`,
    noQuestionColumn: () => 'w wierszu nagłówka brak kolumny „question”',
    tooManyQuestions: ({ max, count }) => `quiz może mieć najwyżej ${max} pytań; to jest pytanie ${count}`,
    noQuestions: () => 'plik nie zawiera pytań pod wierszem nagłówka',
    seconds: ({ min, max }) => `musi być całkowitą liczbą sekund od ${min} do ${max}`,
    points: () => 'musi mieć wartość standard, double lub none (albo 1000, 2000, 0)',
    singleOneAnswer: () => 'pytanie jednokrotnego wyboru ma jedną poprawną odpowiedź; przy kilku ustaw rodzaj multi',
    pollNoCorrect: () => 'ankieta nie ma poprawnej odpowiedzi: zostaw correct puste',
    trueFalse: () => 'musi mieć wartość true lub false (albo 1 dla prawdy, 2 dla fałszu)',
    typeAnswerList: () => 'podaj akceptowane odpowiedzi, oddzielone znakiem |',
    needsNumber: () => 'wymaga liczby',
    mustBeNumber: () => 'musi być liczbą',
    unknownType: ({ type }) => `nieznany rodzaj „${type}”: użyj ${TYPES}`,
    answerOrType: () => 'podaj numer poprawnej odpowiedzi (np. 2) albo ustaw rodzaj (poll, ordering, …)',
    setType: () => `ustaw rodzaj tego pytania: ${TYPES}`,
    answerNumber: () => 'podaj numer poprawnej odpowiedzi (np. 2) albo kilka, np. 1,3',
    answerNumbersFormat: () => 'muszą to być numery odpowiedzi oddzielone przecinkami, np. 2 lub 1,3',
    noSuchAnswer: ({ n }) => `nie ma odpowiedzi ${n}: odpowiedzi mają numery od 1 do 6`,
    answerEmpty: ({ n }) => `odpowiedź ${n} jest pusta`,
    answerTwice: () => 'wymienia tę samą odpowiedź dwa razy',
    unclosedQuote: () => 'pole w cudzysłowie nie jest zamknięte (brakuje znaku ")',
    emptyFile: () => 'plik jest pusty',
    notXlsx: () => 'plik nie jest skoroszytem Excela (.xlsx)',
    noSheet: () => 'skoroszyt nie ma żadnego arkusza',
    noHeaderRow: ({ rows }) => `w pierwszych ${rows} wierszach pierwszego arkusza brak wiersza nagłówka z kolumną „Question”`,
  },
};

/** "1 problem", "3 problemy", "5 problemów", "22 problemy": Polish plural forms. */
function polishProblems(count: number): string {
  const form = new Intl.PluralRules('pl').select(count);
  return `${count} ${form === 'one' ? 'problem' : form === 'few' ? 'problemy' : 'problemów'}`;
}

/** Every locale's messages, for the completeness test. */
export const IMPORT_MESSAGES: Readonly<Record<ServerLocale, ImportMessages>> = MESSAGES;

/** The import messages for a language (English when none is given). */
export function importMessages(locale: ServerLocale = 'en'): ImportMessages {
  return MESSAGES[locale];
}
