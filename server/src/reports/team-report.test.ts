import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { A, Q, TestGame } from '../engine/test-game.ts';
import { reportLabels } from '../i18n/report-labels.ts';
import { buildReport } from './build-report.ts';
import { reportCsv, reportXlsx } from './report-files.ts';

/** Issue 16, point 1: reports of a team game show the teams and their members. */
describe('team game report', () => {
  /** Owls: Ann, Cat; Foxes: Bob, Dan. One question: Ann and Bob right, Cat wrong, Dan misses. */
  function report() {
    const g = new TestGame([Q.single(0)], { teams: { names: ['Owls', 'Foxes'], playersChoose: false, talkMs: 0 } });
    const [ann, bob, cat] = ['Ann', 'Bob', 'Cat', 'Dan'].map((n) => g.add(n)) as [string, string, string, string];
    TestGame.ok(g.start());
    g.toOpen(0);
    TestGame.ok(g.answer(ann, 0, A.choice(0)));
    TestGame.ok(g.answer(bob, 0, A.choice(0)));
    TestGame.ok(g.answer(cat, 0, A.choice(1)));
    g.toClose();
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    const r = buildReport(g.events);
    if (!r) throw new Error('no report');
    return r;
  }

  it('lists the teams best first with every member, and each student’s team', () => {
    const r = report();
    expect(r.teams).toEqual([
      { index: 0, name: 'Owls', rank: 1, score: 500, members: ['Ann', 'Cat'] },
      { index: 1, name: 'Foxes', rank: 2, score: 500, members: ['Bob', 'Dan'] },
    ]);
    expect(Object.fromEntries(r.players.map((p) => [p.nickname, p.team]))).toEqual({ Ann: 'Owls', Bob: 'Foxes', Cat: 'Owls', Dan: 'Foxes' });
  });

  it('puts a team column in the students CSV and has a teams CSV', () => {
    const r = report();
    const students = reportCsv(r, 'students').split('\r\n');
    expect(students[0]?.replace(/^\uFEFF/, '').split(',').slice(0, 3)).toEqual(['rank', 'nickname', 'team']);
    expect(students.find((line) => line.includes('Cat'))).toMatch(/,Cat,Owls,/);
    const teams = reportCsv(r, 'teams', reportLabels('de')).replace(/^\uFEFF/, '').split('\r\n');
    expect(teams.slice(0, 3)).toEqual(['Platz,Team,Punkte,Mitglieder', '1,Owls,500,"Ann, Cat"', '2,Foxes,500,"Bob, Dan"']);
  });

  it('adds a Teams sheet to the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(report())) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Teams');
    expect(wb.getWorksheet('Teams')?.getRow(2).values).toEqual([undefined, 1, 'Owls', 500, 'Ann, Cat']);
  });
});
