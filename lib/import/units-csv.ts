/**
 * Import of a compound's units, exclusive areas and holders from a CSV sheet that community staff export from
 * Excel. Pure: the caller decodes the file, supplies the compound's building names, and decides what to do with
 * the result (the import is all-or-nothing, so every error in the file is reported at once).
 *
 * Line numbers are CSV record numbers, header = 1, counting empty lines: that is the row number staff see in
 * Excel, and equals the text line number unless a quoted cell holds a line break.
 */
import { parseCsvDetailed } from './csv';
import { type ColumnIndex, parseAreaSource, parseHolderKind, resolveHeader } from './units-csv-columns';
import {
  MAX_BUILDING_LENGTH,
  MAX_UNIT_LENGTH,
  checkArea,
  checkChoice,
  checkFloor,
  checkText,
  clip,
} from './units-csv-fields';
import { type HolderState, newHolderState, parseHolder } from './units-csv-holders';
import type { ImportError, ImportRow, ReportError, UnitCsvColumnKey } from './units-csv-types';

export type {
  AreaSource,
  HolderKind,
  ImportError,
  ImportErrorCode,
  ImportOwner,
  ImportRow,
  UnitCsvColumnKey,
} from './units-csv-types';
export { AREA_SOURCE_ALIASES, HOLDER_KIND_ALIASES, UNIT_CSV_COLUMNS, type UnitCsvColumn } from './units-csv-columns';

/** Far above the largest compounds (a few thousand units); beyond it the file is surely not one compound. */
export const MAX_IMPORT_ROWS = 20_000;

export type UnitsCsvResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

interface FileState extends HolderState {
  readonly units: Set<string>;
}

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function validateRow(
  cell: (key: UnitCsvColumnKey) => string,
  line: number,
  knownBuildings: ReadonlySet<string>,
  state: FileState,
  errors: ImportError[],
): ImportRow | null {
  const before = errors.length;
  const report: ReportError = (code, field, value) => {
    errors.push({
      line,
      code,
      ...(field === undefined ? {} : { field }),
      ...(value === undefined ? {} : { value: clip(value) }),
    });
  };
  const building = checkText(cell('building'), 'building', MAX_BUILDING_LENGTH, report);
  if (building !== null && !knownBuildings.has(building)) report('unknown_building', 'building', building);
  const unit = checkText(cell('unit'), 'unit', MAX_UNIT_LENGTH, report);
  if (building !== null && unit !== null) {
    // NUL cannot occur in a checked value, so it keeps ("1号楼", "1") apart from ("1号", "楼1").
    const key = `${building}\u0000${unit}`;
    if (state.units.has(key)) report('duplicate_unit', 'unit', unit);
    else state.units.add(key);
  }
  const floor = checkFloor(cell('floor'), report);
  const areaCenti = checkArea(cell('area'), report);
  const areaSource = checkChoice(cell('area_source'), 'area_source', parseAreaSource, 'bad_area_source', report);
  const holderKind = checkChoice(cell('holder_type'), 'holder_type', parseHolderKind, 'bad_holder_kind', report);
  // Without a valid kind the owners cell cannot be read, and guessing would only add confusing errors.
  const holder = holderKind === null ? null : parseHolder(holderKind, cell('owners'), cell('voter'), state, report);
  if (errors.length > before) return null;
  if (building === null || unit === null || floor === null || areaCenti === null) return null;
  if (areaSource === null || holderKind === null || holder === null) return null;
  return {
    line,
    building,
    unit,
    floor,
    areaCenti,
    areaSource,
    holderKind,
    holderKey: holder.key,
    holderName: holder.name,
    owners: holder.owners,
    voterMobile: holder.voterMobile,
  };
}

function cellReader(record: readonly string[], index: ColumnIndex): (key: UnitCsvColumnKey) => string {
  return (key) => {
    const position = index[key];
    return position === null ? '' : (record[position] ?? '');
  };
}

export function parseUnitsCsv(text: string, knownBuildings: ReadonlySet<string>): UnitsCsvResult {
  const { rows: records, unterminatedQuoteRow } = parseCsvDetailed(text);
  // U+FFFD means the caller decoded a GBK file (Excel's default "CSV" in China) as UTF-8: every name is garbled.
  const garbled = records.findIndex((record) => record.some((cell) => cell.includes('\uFFFD')));
  if (garbled >= 0) return { ok: false, errors: [{ line: garbled + 1, code: 'bad_encoding' }] };

  const headerAt = records.findIndex((record) => !isBlank(record));
  const header = records[headerAt];
  if (header === undefined) return { ok: false, errors: [{ line: 1, code: 'empty_file' }] };
  const resolved = resolveHeader(header, headerAt + 1);
  if (!resolved.ok) return { ok: false, errors: resolved.errors };

  const data: { record: string[]; line: number }[] = [];
  records.forEach((record, i) => {
    if (i > headerAt && !isBlank(record)) data.push({ record, line: i + 1 });
  });
  const overflow = data[MAX_IMPORT_ROWS];
  if (overflow !== undefined) {
    return { ok: false, errors: [{ line: overflow.line, code: 'too_many_rows', value: String(data.length) }] };
  }
  if (data.length === 0) return { ok: false, errors: [{ line: headerAt + 1, code: 'empty_file' }] };

  const state: FileState = { ...newHolderState(), units: new Set() };
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];
  for (const { record, line } of data) {
    const row = validateRow(cellReader(record, resolved.index), line, knownBuildings, state, errors);
    if (row !== null) rows.push(row);
  }
  if (unterminatedQuoteRow !== null) errors.push({ line: unterminatedQuoteRow, code: 'unterminated_quote' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
