import type { AreaSource, HolderKind, ImportError, UnitCsvColumnKey } from './units-csv-types';

export interface UnitCsvColumn {
  /** English header, also the key used in error reports. */
  readonly key: UnitCsvColumnKey;
  /** Other accepted headers (Chinese), matched after trimming. */
  readonly aliases: readonly string[];
  /** A file without a required column is rejected before any row is read. */
  readonly required: boolean;
}

/**
 * Columns of the units import, in the order a template should show them. Headers may come in any order and
 * are matched case-insensitively; unknown columns are ignored. voter may be left out entirely by compounds
 * with no co-owned units, since it is optional for persons and must be empty for the developer.
 */
export const UNIT_CSV_COLUMNS: readonly UnitCsvColumn[] = [
  { key: 'building', aliases: ['楼栋'], required: true },
  { key: 'unit', aliases: ['户号'], required: true },
  { key: 'floor', aliases: ['楼层'], required: true },
  { key: 'area', aliases: ['面积'], required: true },
  { key: 'area_source', aliases: ['面积来源'], required: true },
  { key: 'holder_type', aliases: ['产权类型'], required: true },
  { key: 'owners', aliases: ['业主'], required: true },
  { key: 'voter', aliases: ['投票人'], required: false },
];

/** Accepted spellings of area_source besides the English value (matched case-insensitively). */
export const AREA_SOURCE_ALIASES: Readonly<Record<AreaSource, readonly string[]>> = {
  register: ['不动产登记', '登记'],
  survey: ['测绘', '实测'],
  contract: ['合同', '购房合同'],
};

/** Accepted spellings of holder_type besides the English value (matched case-insensitively). */
export const HOLDER_KIND_ALIASES: Readonly<Record<HolderKind, readonly string[]>> = {
  person: ['个人'],
  co_owners: ['共有'],
  developer: ['开发商'],
};

function aliasMap<T extends string>(values: readonly T[], aliases: Readonly<Record<T, readonly string[]>>) {
  const map = new Map<string, T>();
  for (const value of values) {
    map.set(value, value);
    for (const alias of aliases[value]) map.set(alias.toLowerCase(), value);
  }
  return map;
}

const AREA_SOURCES = aliasMap<AreaSource>(['register', 'survey', 'contract'], AREA_SOURCE_ALIASES);
const HOLDER_KINDS = aliasMap<HolderKind>(['person', 'co_owners', 'developer'], HOLDER_KIND_ALIASES);

export function parseAreaSource(raw: string): AreaSource | null {
  return AREA_SOURCES.get(raw.trim().toLowerCase()) ?? null;
}

export function parseHolderKind(raw: string): HolderKind | null {
  return HOLDER_KINDS.get(raw.trim().toLowerCase()) ?? null;
}

export type ColumnIndex = Readonly<Record<UnitCsvColumnKey, number | null>>;

const HEADER_KEYS = new Map<string, UnitCsvColumnKey>();
for (const column of UNIT_CSV_COLUMNS) {
  HEADER_KEYS.set(column.key, column.key);
  for (const alias of column.aliases) HEADER_KEYS.set(alias.toLowerCase(), column.key);
}

/**
 * Maps header cells to column positions. A column named twice (e.g. "area" and "面积") is an error rather than a
 * guess, since the two could disagree.
 */
export function resolveHeader(
  header: readonly string[],
  line: number,
): { ok: true; index: ColumnIndex } | { ok: false; errors: ImportError[] } {
  const index: Record<UnitCsvColumnKey, number | null> = {
    building: null,
    unit: null,
    floor: null,
    area: null,
    area_source: null,
    holder_type: null,
    owners: null,
    voter: null,
  };
  const errors: ImportError[] = [];
  header.forEach((cell, position) => {
    const key = HEADER_KEYS.get(cell.trim().toLowerCase());
    if (key === undefined) return;
    if (index[key] === null) index[key] = position;
    else errors.push({ line, code: 'duplicate_column', field: key, value: cell.trim() });
  });
  const missing = UNIT_CSV_COLUMNS.filter((c) => c.required && index[c.key] === null).map((c) => c.key);
  if (missing.length > 0) return { ok: false, errors: [{ line, code: 'missing_columns', columns: missing }] };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}
