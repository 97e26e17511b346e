import { toCsv } from '../import/csv';

/**
 * CSV for spreadsheet users, on top of the RFC 4180 writer in lib/import/csv.ts: a UTF-8 BOM so
 * Excel reads Chinese correctly, and user text a spreadsheet would run as a formula (starting with
 * = + - @ or a tab/CR) prefixed with an apostrophe, so exported text can never execute.
 */
export function spreadsheetCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function exportCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return toCsv(
    rows.map((r) => r.map(spreadsheetCell)),
    { bom: true },
  );
}
