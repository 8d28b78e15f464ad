import { describe, expect, it } from 'vitest';
import { gameOptionsSchema } from '@quizbus/shared';
import type { Answer, GameOptions, GameQuestion, Grade } from '@quizbus/shared';
import { answerProblem, grade, normalizeText, score } from './grading.ts';
import { A, Q } from './test-game.ts';

const defaults: GameOptions = gameOptionsSchema.parse({});

describe('normalizeText', () => {
  it.each([
    ['case', 'PaRiS', 'paris'],
    ['accents: Zürich', 'Zürich', 'zurich'],
    ['accents: precomposed and combining forms agree', 'Zu\u0308rich', 'zurich'],
    ['accents: Ærø keeps the letters it cannot decompose', 'Crème Brûlée', 'cremebrulee'],
    ['leading and trailing spaces', '  Paris  ', 'paris'],
    ['inner spaces', 'New York', 'newyork'],
    ['inner tabs and newlines', 'New\tYork\n City', 'newyorkcity'],
    ['no-break and ideographic spaces', 'New\u00a0York\u3000City', 'newyorkcity'],
    ['zero-width space', 'Pa\u200bris', 'paris'],
    ['non-breaking hyphen', 'event\u2011driven', 'event-driven'],
    ['en dash', 'event\u2013driven', 'event-driven'],
    ['em dash', 'event\u2014driven', 'event-driven'],
    ['hyphen U+2010', 'event\u2010driven', 'event-driven'],
    ['horizontal bar', 'event\u2015driven', 'event-driven'],
    ['full-width letters', 'ＰＡＲＩＳ', 'paris'],
    ['everything at once', '  Event – Driven\tZÜRICH ', 'event-drivenzurich'],
    ['Arabic: harakat removed', 'القَاهِرَة', 'القاهره'],
    ['Arabic: hamza on alef and madda fold to alef', 'أحمد إسلام آمال', 'احمداسلامامال'],
    ['Arabic: tatweel removed', 'بـــغداد', 'بغداد'],
    ['Arabic: alef maqsura as ya', 'مصطفى', 'مصطفي'],
    ['Arabic-Indic digits', '١٢٣ ۴۵', '12345'],
    ['Chinese: full-width letters, digits and space', 'ＡＢＣ１２３\u3000北京', 'abc123北京'],
    ['Chinese characters stay as they are', '上海', '上海'],
  ])('%s', (_case, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['  Event-Driven ', 'event‑driven'],
    ['Zürich', 'zurich'],
    ['SAN FRANCISCO', 'san francisco'],
    ['القاهرة', 'القاهره'],
    ['إسطنبول', 'اسطنبول'],
    ['北京', ' 北京 '],
    ['ＤＮＡ', 'dna'],
  ])('"%s" and "%s" compare equal', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
  });

  it.each([
    ['paris', 'pariss'],
    ['event-driven', 'eventdriven'],
    ['zurich', 'zurick'],
    ['القاهرة', 'الاسكندرية'],
    ['北京', '南京'],
  ])('"%s" and "%s" stay different', (a, b) => {
    expect(normalizeText(a)).not.toBe(normalizeText(b));
  });
});

describe('answerProblem', () => {
  const fits: Array<[string, GameQuestion, Answer]> = [
    ['single, first option', Q.single(), A.choice(0)],
    ['single, last option', Q.single(), A.choice(3)],
    ['true-false', Q.trueFalse(), A.choice(1)],
    ['poll', Q.poll(), A.choice(2)],
    ['multi, one pick', Q.multi(), A.choices(1)],
    ['multi, every option', Q.multi(), A.choices(3, 2, 1, 0)],
    ['type-answer', Q.typeAnswer(), A.text('anything')],
    ['slider at min', Q.slider(), A.number(0)],
    ['slider at max', Q.slider(), A.number(100)],
    ['slider between steps', Q.slider(), A.number(49.5)],
    ['ordering, a wrong but complete order', Q.ordering(), A.order(0, 1, 2)],
    ['ordering, the solution', Q.ordering(), A.order(2, 0, 1)],
  ];
  it.each(fits)('accepts %s', (_case, q, a) => {
    expect(answerProblem(q, a)).toBeNull();
  });

  const problems: Array<[string, GameQuestion, Answer, RegExp]> = [
    // wrong kinds, for every type
    ['single takes a choice, not choices', Q.single(), A.choices(0), /choice/],
    ['single takes a choice, not text', Q.single(), A.text('Red'), /choice/],
    ['true-false takes a choice, not a number', Q.trueFalse(), A.number(1), /choice/],
    ['poll takes a choice, not an order', Q.poll(), A.order(0, 1), /choice/],
    ['multi takes choices, not a choice', Q.multi(), A.choice(0), /choices/],
    ['type-answer takes text, not a choice', Q.typeAnswer(), A.choice(0), /text/],
    ['slider takes a number, not text', Q.slider(), A.text('50'), /number/],
    ['ordering takes an order, not choices', Q.ordering(), A.choices(0, 1, 2), /order/],
    // out of range
    ['single, choice past the options', Q.single(), A.choice(4), /below 4/],
    ['true-false, choice 2', Q.trueFalse(), A.choice(2), /below 2/],
    ['poll, choice past the options', Q.poll(), A.choice(3), /below 3/],
    ['single, negative choice', Q.single(), A.choice(-1), /choice/],
    ['single, fractional choice', Q.single(), A.choice(0.5), /choice/],
    ['multi, pick past the options', Q.multi(), A.choices(0, 4), /below 4/],
    ['multi, negative pick', Q.multi(), A.choices(0, -1), /choices/],
    ['multi, no picks', Q.multi(), A.choices(), /choices/],
    ['slider below min', Q.slider(), A.number(-0.5), /between 0 and 100/],
    ['slider above max', Q.slider(), A.number(100.01), /between 0 and 100/],
    ['slider NaN', Q.slider(), A.number(Number.NaN), /between/],
    ['type-answer empty', Q.typeAnswer(), A.text(''), /empty/],
    ['type-answer only whitespace', Q.typeAnswer(), A.text(' \t\n '), /empty/],
    ['type-answer only zero-width spaces', Q.typeAnswer(), A.text('\u200b\u200b'), /empty/],
    // duplicates
    ['multi, a repeated pick', Q.multi(), A.choices(0, 0), /repeat/],
    ['multi, a repeated pick among others', Q.multi(), A.choices(0, 2, 0), /repeat/],
    // non-permutations
    ['ordering, too short', Q.ordering(), A.order(0, 1), /once/],
    ['ordering, too long', Q.ordering(), A.order(0, 1, 2, 3), /once/],
    ['ordering, a repeated item', Q.ordering(), A.order(0, 0, 1), /once/],
    ['ordering, an index past the items', Q.ordering(), A.order(0, 1, 3), /once/],
    ['ordering, a negative index', Q.ordering(), A.order(-1, 1, 2), /once/],
    ['ordering, a fractional index', Q.ordering(), A.order(0.5, 1, 2), /once/],
  ];
  it.each(problems)('rejects %s', (_case, q, a, message) => {
    const problem = answerProblem(q, a);
    expect(problem).not.toBeNull();
    expect(problem).toMatch(message);
  });
});

describe('grade', () => {
  const table: Array<[string, GameQuestion, Answer, Grade, number]> = [
    ['single right', Q.single(2), A.choice(2), 'correct', 1],
    ['single wrong', Q.single(2), A.choice(1), 'wrong', 0],
    ['single, wrong kind', Q.single(0), A.choices(0), 'wrong', 0],
    ['true-false right (false)', Q.trueFalse(1), A.choice(1), 'correct', 1],
    ['true-false wrong', Q.trueFalse(1), A.choice(0), 'wrong', 0],
    ['multi exact', Q.multi([0, 2]), A.choices(2, 0), 'correct', 1],
    ['multi partial: half', Q.multi([0, 2]), A.choices(0), 'partial', 0.5],
    ['multi partial: two of three', Q.multi([0, 1, 2]), A.choices(0, 1), 'partial', 2 / 3],
    ['multi partial: all right plus a wrong one', Q.multi([0, 1, 2]), A.choices(0, 1, 2, 3), 'partial', 2 / 3],
    ['multi wrong picks cancel the right one', Q.multi([0, 2]), A.choices(0, 1), 'wrong', 0],
    ['multi only wrong picks', Q.multi([0, 2]), A.choices(1, 3), 'wrong', 0],
    ['multi, wrong kind', Q.multi([0]), A.choice(0), 'wrong', 0],
    ['type-answer, first accepted spelling', Q.typeAnswer(['Zürich', 'Zurich']), A.text('Zürich'), 'correct', 1],
    ['type-answer, second accepted spelling', Q.typeAnswer(['Zürich', 'Zuerich']), A.text('zuerich'), 'correct', 1],
    ['type-answer, without accent and in capitals', Q.typeAnswer(['Zürich']), A.text('  ZURICH '), 'correct', 1],
    ['type-answer, dash variant and spaces', Q.typeAnswer(['Event-Driven']), A.text('event – driven'), 'correct', 1],
    ['type-answer, a typo', Q.typeAnswer(['Zürich']), A.text('Zurick'), 'wrong', 0],
    ['type-answer, Arabic without harakat and with ه for ة', Q.typeAnswer(['القَاهِرَة']), A.text('القاهره'), 'correct', 1],
    ['type-answer, Arabic with hamza where the list has none', Q.typeAnswer(['اسطنبول']), A.text('إسطنبول'), 'correct', 1],
    ['type-answer, Arabic, another city', Q.typeAnswer(['القاهرة']), A.text('الجيزة'), 'wrong', 0],
    ['type-answer, Chinese from a full-width keyboard', Q.typeAnswer(['北京', 'Beijing']), A.text('\u3000北京\u3000'), 'correct', 1],
    ['type-answer, Chinese pinyin in full-width letters', Q.typeAnswer(['北京', 'Beijing']), A.text('ＢＥＩＪＩＮＧ'), 'correct', 1],
    ['type-answer, Chinese, a different city', Q.typeAnswer(['北京']), A.text('南京'), 'wrong', 0],
    ['type-answer, a substring', Q.typeAnswer(['Zürich']), A.text('Zür'), 'wrong', 0],
    ['slider exact', Q.slider(50, 5), A.number(50), 'correct', 1],
    ['slider at the upper tolerance edge', Q.slider(50, 5), A.number(55), 'correct', 1],
    ['slider at the lower tolerance edge', Q.slider(50, 5), A.number(45), 'correct', 1],
    ['slider just past the upper edge', Q.slider(50, 5), A.number(55.01), 'wrong', 0],
    ['slider just past the lower edge', Q.slider(50, 5), A.number(44.99), 'wrong', 0],
    ['slider, zero tolerance, exact', Q.slider(50, 0), A.number(50), 'correct', 1],
    ['slider, zero tolerance, one step off', Q.slider(50, 0), A.number(51), 'wrong', 0],
    ['slider, float edge 0.3 ± 0.1 at 0.4', Q.slider(0.3, 0.1), A.number(0.4), 'correct', 1],
    ['slider, float edge 0.3 ± 0.1 at 0.2', Q.slider(0.3, 0.1), A.number(0.2), 'correct', 1],
    ['slider, wrong kind', Q.slider(50, 5), A.choice(50), 'wrong', 0],
    ['ordering right', Q.ordering([2, 0, 1]), A.order(2, 0, 1), 'correct', 1],
    ['ordering, two swapped', Q.ordering([2, 0, 1]), A.order(0, 2, 1), 'wrong', 0],
    ['ordering, reversed', Q.ordering([2, 0, 1]), A.order(1, 0, 2), 'wrong', 0],
    ['ordering, a prefix of the solution is not the solution', Q.ordering([2, 0, 1]), A.order(2, 0), 'wrong', 0],
    ['ordering, empty', Q.ordering([2, 0, 1]), A.order(), 'wrong', 0],
    ['poll, any option', Q.poll(), A.choice(1), 'poll', 0],
    ['poll, another option', Q.poll(), A.choice(0), 'poll', 0],
  ];
  it.each(table)('%s', (_case, q, a, expectedGrade, share) => {
    const g = grade(q, a);
    expect(g.grade).toBe(expectedGrade);
    expect(g.share).toBeCloseTo(share, 12);
  });
});

describe('score', () => {
  const T = 20_000;
  const opts = (o: Partial<GameOptions> = {}): GameOptions => ({ ...defaults, ...o });

  it.each([
    // [case, question, answer, responseMs, streakBefore, options, grade, points, streak]
    ['first correct answer, fast: P, no bonus', Q.single(0), A.choice(0), 100, 0, opts(), 'correct', 1000, 1],
    ['second in a row: +100', Q.single(0), A.choice(0), 100, 1, opts(), 'correct', 1100, 2],
    ['sixth in a row: +500', Q.single(0), A.choice(0), 100, 5, opts(), 'correct', 1500, 6],
    ['tenth in a row: capped at +500', Q.single(0), A.choice(0), 100, 9, opts(), 'correct', 1500, 10],
    ['correct at T/2 with streak 2 → 3: 750 + 200', Q.single(0), A.choice(0), T / 2, 2, opts(), 'correct', 950, 3],
    ['wrong resets the streak, no points', Q.single(0), A.choice(1), 100, 4, opts(), 'wrong', 0, 0],
    ['partial multi: share of the speed points, resets the streak', Q.multi([0, 2]), A.choices(0), T / 2, 3, opts(), 'partial', 375, 0],
    ['partial multi, fast: half of P', Q.multi([0, 2]), A.choices(2), 0, 3, opts(), 'partial', 500, 0],
    ['exact multi counts as correct with bonus', Q.multi([0, 2]), A.choices(0, 2), 0, 1, opts(), 'correct', 1100, 2],
    ['partial multi rounds (2/3 of 1000)', Q.multi([0, 1, 2]), A.choices(0, 1), 0, 0, opts(), 'partial', 667, 0],
    ['poll leaves the streak unchanged', Q.poll(), A.choice(0), 100, 3, opts(), 'poll', 0, 3],
    ['poll with points still earns nothing', Q.poll({ points: 1000 }), A.choice(0), 100, 2, opts(), 'poll', 0, 2],
    ['points=0 correct leaves the streak unchanged', Q.single(0, { points: 0 }), A.choice(0), 100, 3, opts(), 'correct', 0, 3],
    ['points=0 wrong leaves the streak unchanged', Q.single(0, { points: 0 }), A.choice(2), 100, 3, opts(), 'wrong', 0, 3],
    ['double points, fast', Q.single(0, { points: 2000 }), A.choice(0), 0, 0, opts(), 'correct', 2000, 1],
    ['double points at T, streak 1 → 2', Q.single(0, { points: 2000 }), A.choice(0), T, 1, opts(), 'correct', 1100, 2],
    ['double points partial at T/2', Q.multi([0, 2], { points: 2000 }), A.choices(0), T / 2, 0, opts(), 'partial', 750, 0],
    ['accuracy mode: full P at T', Q.single(0), A.choice(0), T, 0, opts({ accuracyMode: true }), 'correct', 1000, 1],
    ['accuracy mode keeps the streak bonus', Q.single(0), A.choice(0), T / 2, 2, opts({ accuracyMode: true }), 'correct', 1200, 3],
    ['accuracy mode partial: plain share of P', Q.multi([0, 2]), A.choices(0), T, 0, opts({ accuracyMode: true }), 'partial', 500, 0],
    ['streak bonus off: no bonus, streak still counts', Q.single(0), A.choice(0), 100, 4, opts({ streakBonus: false }), 'correct', 1000, 5],
    ['streak bonus off, wrong still resets', Q.single(0), A.choice(3), 100, 4, opts({ streakBonus: false }), 'wrong', 0, 0],
    ['type-answer right at T', Q.typeAnswer(['Zürich']), A.text('zurich'), T, 0, opts(), 'correct', 500, 1],
    ['slider within tolerance', Q.slider(50, 5), A.number(54), T / 2, 0, opts(), 'correct', 750, 1],
    ['slider outside tolerance', Q.slider(50, 5), A.number(56), 0, 2, opts(), 'wrong', 0, 0],
    ['ordering right', Q.ordering([2, 0, 1]), A.order(2, 0, 1), 0, 0, opts(), 'correct', 1000, 1],
    ['true-false wrong', Q.trueFalse(0), A.choice(1), 0, 1, opts(), 'wrong', 0, 0],
  ] as Array<[string, GameQuestion, Answer, number, number, GameOptions, Grade, number, number]>)(
    '%s',
    (_case, q, a, responseMs, streakBefore, options, expectedGrade, points, streak) => {
      expect(score(q, a, responseMs, streakBefore, options)).toEqual({ grade: expectedGrade, points, streak });
    },
  );

  it('a run of answers gives the streak bonus sequence 0, 100, …, 500, 500 and restarts after a miss', () => {
    const q = Q.single(0);
    const answers = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0];
    let streak = 0;
    const bonuses: number[] = [];
    for (const choice of answers) {
      const s = score(q, A.choice(choice), 0, streak, defaults);
      bonuses.push(s.points === 0 ? -1 : s.points - 1000);
      streak = s.streak;
    }
    expect(bonuses).toEqual([0, 100, 200, 300, 400, 500, 500, -1, 0, 100]);
    expect(streak).toBe(2);
  });
});
