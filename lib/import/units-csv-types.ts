/** Types of the units/areas/holders CSV import; see units-csv.ts for the rules. */

export type AreaSource = 'register' | 'survey' | 'contract';
export type HolderKind = 'person' | 'co_owners' | 'developer';

export interface ImportOwner {
  name: string;
  mobile: string;
}

export interface ImportRow {
  /** 1-based record number in the file, header included: the row number staff see in Excel. */
  line: number;
  /** Building name exactly as in the compound, e.g. "3号楼". */
  building: string;
  /** Unit number within the building, e.g. "2单元501". */
  unit: string;
  /** Integer, -5..200. */
  floor: number;
  /** Exclusive area in 0.01 m². */
  areaCenti: number;
  areaSource: AreaSource;
  holderKind: HolderKind;
  /**
   * Stable identity of the holder within the compound, so units of one holder are counted once
   * (docs/domain/voting-rules.md): 'p:<mobile>' for a person, 'c:<mobiles sorted, joined by ,>' for co-owners, 'd' for the
   * developer.
   */
  holderKey: string;
  /** Person's name; co-owners' names joined by '、' (ordered by mobile); developer's company name. */
  holderName: string;
  /** Ordered by mobile so that every row of one holder carries the same list; empty for a developer. */
  owners: ImportOwner[];
  /** The owner who votes for the holder; null for a developer. */
  voterMobile: string | null;
}

export type ImportErrorCode =
  | 'missing_columns'
  | 'duplicate_column'
  | 'empty_file'
  | 'bad_encoding'
  | 'unterminated_quote'
  | 'unknown_building'
  | 'duplicate_unit'
  | 'bad_floor'
  | 'bad_area'
  | 'area_decimals'
  | 'area_not_positive'
  | 'bad_area_source'
  | 'bad_holder_kind'
  | 'bad_owner'
  | 'bad_mobile'
  | 'mobile_name_conflict'
  | 'bad_voter'
  | 'too_many_rows'
  | 'empty_field'
  | 'field_too_long'
  | 'control_chars'
  | 'developer_name';

export type UnitCsvColumnKey =
  | 'building'
  | 'unit'
  | 'floor'
  | 'area'
  | 'area_source'
  | 'holder_type'
  | 'owners'
  | 'voter';

export interface ImportError {
  line: number;
  code: ImportErrorCode;
  /** English column key. */
  field?: UnitCsvColumnKey;
  /** The offending value, trimmed and cut to a display length; for 'control_chars' with each one shown as [U+200B]. */
  value?: string;
  /** For 'missing_columns': the English keys of the missing columns. */
  columns?: UnitCsvColumnKey[];
}

/** Records one error against the row being validated. */
export type ReportError = (code: ImportErrorCode, field?: UnitCsvColumnKey, value?: string) => void;
