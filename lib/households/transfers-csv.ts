import { parseCsvDetailed } from '../import/csv';
import { shanghaiDay } from '../time';
import { type NewOwner, parseOwners } from './units';

/**
 * A CSV of changes of owner (过户), as a register extract lists them. Header row required; columns in any order,
 * named in English or Chinese: building/楼栋, unit/户号, effective/生效日期 (YYYY-MM-DD), owners/新业主 ("姓名:手机号",
 * co-owners separated by ";"), voter/投票人 (optional; required for co-owners), reference/证明号 (optional). Pure: the
 * caller checks buildings and units exist, and records all rows or none.
 */

export interface TransferRow {
  line: number;
  building: string;
  unit: string;
  effectiveAt: number;
  owners: NewOwner[];
  voter: string | null;
  reference: string;
}

export type TransferRowError =
  | { line: number; kind: 'header'; missing: string }
  | {
      line: number;
      kind: 'building' | 'unit' | 'date' | 'owners' | 'voter' | 'reference' | 'quote' | 'tooMany';
      value: string;
    };

const COLUMNS = {
  building: ['building', '楼栋'],
  unit: ['unit', '户号'],
  effective: ['effective', 'effective_date', '生效日期'],
  owners: ['owners', '新业主', '业主'],
  voter: ['voter', '投票人'],
  reference: ['reference', '证明号', '备注'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['building', 'unit', 'effective', 'owners'];
export const MAX_TRANSFER_ROWS = 2000;
const MOBILE = /^1[3-9]\d{9}$/;

function dateOf(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const at = Date.parse(`${text}T00:00:00+08:00`);
  return Number.isFinite(at) && shanghaiDay(at) === text ? at : null;
}

export function parseTransfersCsv(
  text: string,
  buildings: ReadonlySet<string>,
): { ok: true; rows: TransferRow[] } | { ok: false; errors: TransferRowError[] } {
  const { rows, unterminatedQuoteRow } = parseCsvDetailed(text);
  if (unterminatedQuoteRow !== null)
    return { ok: false, errors: [{ line: unterminatedQuoteRow, kind: 'quote', value: '"' }] };
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    index[col] = header.findIndex((h) => names.includes(h));
  }
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length > 0) return { ok: false, errors: [{ line: 1, kind: 'header', missing: missing.join(', ') }] };
  const body = rows.slice(1);
  if (body.length > MAX_TRANSFER_ROWS)
    return { ok: false, errors: [{ line: 0, kind: 'tooMany', value: String(body.length) }] };
  const errors: TransferRowError[] = [];
  const out: TransferRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').normalize('NFC').trim() : '');
    if (cells.every((c) => c.trim() === '')) return;
    const building = cell('building');
    const unit = cell('unit');
    const effectiveAt = dateOf(cell('effective'));
    const owners = parseOwners(cell('owners'));
    const voter = cell('voter') || null;
    const reference = cell('reference');
    const before = errors.length;
    if (!buildings.has(building)) errors.push({ line, kind: 'building', value: building });
    if (unit === '' || unit.length > 40) errors.push({ line, kind: 'unit', value: unit });
    if (effectiveAt === null) errors.push({ line, kind: 'date', value: cell('effective') });
    if (!owners) errors.push({ line, kind: 'owners', value: cell('owners') });
    else if (
      (voter !== null && (!MOBILE.test(voter) || !owners.some((o) => o.mobile === voter))) ||
      (owners.length > 1 && voter === null)
    ) {
      errors.push({ line, kind: 'voter', value: voter ?? '' });
    }
    if (reference.length > 60) errors.push({ line, kind: 'reference', value: reference.slice(0, 20) });
    if (errors.length === before && owners && effectiveAt !== null) {
      out.push({ line, building, unit, effectiveAt, owners, voter, reference });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}
