import type ExcelJS from 'exceljs';

/**
 * A cell's value as the text a person sees in it: numbers without float noise, rich text
 * joined, a formula's cached result, a hyperlink's text, booleans as true/false, dates as
 * ISO days. Empty cells are ''.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('error' in value) return '';
  return '';
}
