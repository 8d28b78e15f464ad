import { describe, expect, it } from 'vitest';
import { A, Q, TestGame } from '../engine/test-game.ts';
import { csvField, resultsCsv } from './results-csv.ts';

/** Rows of the CSV without the BOM, split naively (these fields hold no separators). */
const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('results CSV', () => {
  it('lists players best first with score, right answers and a grade per question', () => {
    const g = new TestGame([Q.single(0), Q.single(1)]);
    const ann = g.add('Ann');
    const bob = g.add('Bob');
    g.add('Cid'); // never answers
    g.start();
    g.toOpen();
    g.answer(ann, 0, A.choice(0));
    g.advanceBy(2000);
    g.answer(bob, 0, A.choice(1));
    g.toClose();
    const csv = resultsCsv(g.state);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)).toEqual([
      'rank,nickname,score,correct_answers,questions_answered,average_response_seconds,q1,q2',
      '1,Ann,1000,1,1,0.00,correct,',
      '2,Bob,0,0,1,2.00,wrong,',
      '3,Cid,0,0,0,,missed,',
    ]);
  });

  it('leaves kicked players out', () => {
    const g = new TestGame([Q.single(0)]);
    g.add('Ann');
    const bob = g.add('Bob');
    g.kick(bob);
    expect(rows(resultsCsv(g.state)).slice(1)).toEqual(['1,Ann,0,0,0,,']);
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
  });
});
