import { parseArea } from '../area';
import { findRefused, normaliseText, revealRefused } from '../validation/human-text';
import type { ImportErrorCode, ReportError, UnitCsvColumnKey } from './units-csv-types';

export const MAX_NAME_LENGTH = 40;
export const MAX_UNIT_LENGTH = 40;
export const MAX_BUILDING_LENGTH = 40;
/** Company names such as "某某市某某房地产开发有限公司" run longer than people's names. */
export const MAX_COMPANY_LENGTH = 100;
/** Room for dozens of co-owners while keeping one cell from carrying a whole file. */
export const MAX_OWNERS_CELL_LENGTH = 1000;
export const MIN_FLOOR = -5;
export const MAX_FLOOR = 200;

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const DISPLAY_LENGTH = 100;

/** Length in code points, so a name's limit does not depend on how JavaScript stores it. */
export function length(s: string): number {
  return [...s].length;
}

/** Cuts a value for an error message, so a huge cell is not echoed back whole. */
export function clip(s: string): string {
  const chars = [...s];
  return chars.length <= DISPLAY_LENGTH ? s : `${chars.slice(0, DISPLAY_LENGTH).join('')}…`;
}

/**
 * Checks a free-text value by the rule of every name typed into a form (lib/validation/human-text.ts): NFC first,
 * so lengths and comparisons (the same owner on two rows, a building's name) do not depend on how a spreadsheet
 * stored the characters; control, format and other invisible characters refused, because they make names that
 * look alike but compare differently. Returns the value trimmed, or null after reporting why it is unusable.
 */
export function checkText(
  raw: string,
  field: UnitCsvColumnKey,
  max: number,
  report: ReportError,
  emptyCode: 'empty_field' | 'bad_owner' = 'empty_field',
): string | null {
  const s = normaliseText(raw, 'name');
  if (s === '') {
    report(emptyCode, field, s);
    return null;
  }
  if (findRefused(s, 'name') !== null) {
    report('control_chars', field, revealRefused(s));
    return null;
  }
  if (length(s) > max) {
    report('field_too_long', field, s);
    return null;
  }
  return s;
}

export function checkFloor(raw: string, report: ReportError): number | null {
  const s = raw.trim();
  if (s === '') {
    report('empty_field', 'floor', s);
    return null;
  }
  const n = /^-?\d{1,3}$/.test(s) ? Number(s) : Number.NaN;
  if (!(n >= MIN_FLOOR && n <= MAX_FLOOR)) {
    report('bad_floor', 'floor', s);
    return null;
  }
  return n === 0 ? 0 : n; // "-0" would otherwise give -0
}

export function checkArea(raw: string, report: ReportError): number | null {
  const s = raw.trim();
  const parsed = parseArea(s);
  if (parsed.ok) return parsed.centi;
  const code = {
    empty: 'empty_field',
    format: 'bad_area',
    decimals: 'area_decimals',
    not_positive: 'area_not_positive',
  } as const;
  report(code[parsed.error], 'area', s);
  return null;
}

/** Checks a value from a fixed list (with aliases); an empty cell is reported as such rather than as a bad value. */
export function checkChoice<T>(
  raw: string,
  field: UnitCsvColumnKey,
  parse: (s: string) => T | null,
  badCode: ImportErrorCode,
  report: ReportError,
): T | null {
  const s = raw.trim();
  const value = parse(s);
  if (value === null) report(s === '' ? 'empty_field' : badCode, field, s);
  return value;
}
