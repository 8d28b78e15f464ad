/**
 * CSV as spreadsheet programs write and read it (RFC 4180): quoted fields, doubled quotes,
 * CRLF line ends, UTF-8 with a byte-order mark. Pure functions, no I/O.
 */

/** Starts that make a spreadsheet run a cell as a formula (CSV injection), or our own escape. */
const FORMULA_START = /^[=+\-@\t\r]|^'[=+\-@\t\r']/;
const ESCAPED_START = /^'[=+\-@\t\r']/;

/**
 * One CSV field. Quoted when it holds a separator, quote or line break. A text starting with
 * = + - @ (or tab/CR) gets a leading apostrophe so a spreadsheet shows it as text instead of
 * running it; a text that already starts with an apostrophe before one of those gets one
 * more, so `unescapeCell` gives back exactly what was written. Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Undoes the apostrophe `csvCell` (or a spreadsheet program) put before a formula-like text. */
export function unescapeCell(s: string): string {
  return ESCAPED_START.test(s) ? s.slice(1) : s;
}

/** Rows as CSV text: comma-separated, CRLF, UTF-8 byte-order mark first (Excel needs it for accents). */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export type CsvParse = { ok: true; records: string[][] } | { ok: false; record: number; message: string };

/**
 * Splits CSV text into records of fields. The separator is the one the first line uses most
 * outside quotes: comma, or the semicolon that spreadsheet programs write where the comma is
 * the decimal mark, or tab. A byte-order mark is dropped; CRLF, LF and CR all end a record;
 * a quoted field may hold separators, quotes ("") and line breaks. Records are numbered from
 * 1, as a spreadsheet numbers its rows (a quoted line break does not start a new row).
 */
export function parseCsv(input: string): CsvParse {
  const text = input.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (quoted) return { ok: false, record: records.length + 1, message: 'a quoted field is not closed (a " is missing)' };
  if (field !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}

function detectSeparator(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/**
 * Bytes of an uploaded CSV as text: UTF-8 (with or without a byte-order mark), or, when the
 * bytes are not valid UTF-8, Windows-1252, which older Excel versions save "CSV" in.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
