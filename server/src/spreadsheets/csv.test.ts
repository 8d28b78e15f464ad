import { describe, expect, it } from 'vitest';
import { csvCell, decodeCsvBytes, parseCsv, unescapeCell, writeCsv } from './csv.ts';

const records = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records;
};

describe('CSV', () => {
  it('parses quoted fields, doubled quotes, line breaks inside quotes and every line end', () => {
    expect(records('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\rlast,one')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', 'one'],
    ]);
  });

  it('drops the byte-order mark and a final line end, keeps empty fields', () => {
    expect(records('\uFEFFa,,c\r\n,,\r\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('reads semicolon- and tab-separated files (the separator of the first line)', () => {
    expect(records('question;correct;time_limit\n"Pick; one";1;20')).toEqual([
      ['question', 'correct', 'time_limit'],
      ['Pick; one', '1', '20'],
    ]);
    expect(records('a\tb\nc,d\te')).toEqual([
      ['a', 'b'],
      ['c,d', 'e'],
    ]);
  });

  it('reports a quote that is never closed with its record number', () => {
    expect(parseCsv('a,b\n"open,c\nmore')).toEqual({ ok: false, record: 2, message: expect.stringContaining('not closed') });
  });

  it('writes what it reads back, formula-like text included', () => {
    const rows = [['=SUM(A1)', '-5 °C', "'=already", 'plain, with comma', 'quote "q"', 'line\nbreak', "'just", 7, -3.5]];
    const text = writeCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = records(text).map((r) => r.map(unescapeCell));
    expect(back).toEqual([rows[0]?.map(String)]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5');
  });

  it('decodes UTF-8 and falls back to Windows-1252', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Zürich'))).toBe('Zürich');
    expect(decodeCsvBytes(Uint8Array.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]))).toBe('Zürich');
  });
});
