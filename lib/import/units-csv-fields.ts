import { parseArea } from '../area';
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

// Control and format characters (line breaks from quoted cells, zero-width and bidi marks) make names that look
// alike but compare differently, or that break the layout of notices and ballots.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

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

/** Checks a free-text value; returns it trimmed, or null after reporting why it is unusable. */
export function checkText(
  raw: string,
  field: UnitCsvColumnKey,
  max: number,
  report: ReportError,
  emptyCode: 'empty_field' | 'bad_owner' = 'empty_field',
): string | null {
  const s = raw.trim();
  if (s === '') {
    report(emptyCode, field, s);
    return null;
  }
  if (length(s) > max) {
    report('field_too_long', field, s);
    return null;
  }
  if (INVISIBLE.test(s)) {
    report('control_chars', field, s);
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
