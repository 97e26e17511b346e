import { normaliseText } from '../validation/human-text';

/**
 * Naming units the way staff write them: "3号楼2单元501" or "3号楼 2单元501", one per line. Pure: the caller passes
 * the compound's building names and checks the units exist.
 */

export interface UnitRef {
  building: string;
  number: string;
}

export type UnitListResult = { ok: true; units: UnitRef[] } | { ok: false; badLines: { line: number; text: string }[] };

/** Lines of a pasted list as units; a line whose building is not one of `buildings` is reported with its number. */
export function parseUnitList(text: string, buildings: readonly string[], max = 2000): UnitListResult {
  // Longest name first, so "1号楼" is not taken for the start of "11号楼".
  const names = [...buildings].sort((a, b) => b.length - a.length);
  const units: UnitRef[] = [];
  const badLines: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  normaliseText(text, 'lines')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/[\s\u3000]+/g, ' ').trim();
      if (line === '') return;
      const building = names.find((n) => line.startsWith(n));
      const number = building
        ? line
            .slice(building.length)
            .replace(/^[\s,，、-]+/, '')
            .trim()
        : '';
      if (!building || number === '' || number.length > 40) {
        badLines.push({ line: i + 1, text: line.slice(0, 60) });
        return;
      }
      const key = `${building}\u0000${number}`;
      if (!seen.has(key)) units.push({ building, number });
      seen.add(key);
    });
  if (units.length > max) badLines.push({ line: 0, text: `>${max}` });
  return badLines.length > 0 ? { ok: false, badLines } : { ok: true, units };
}

export interface NewOwner {
  name: string;
  mobile: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The new holder(s) of a transfer, written as the units CSV writes owners: "姓名:手机号", co-owners separated by ";"
 * (full-width ：and ； accepted, as a Chinese keyboard types them). Null when any part is not a name and a mobile.
 */
export function parseOwners(text: string): NewOwner[] | null {
  const parts = text
    .normalize('NFC')
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 10) return null;
  const owners: NewOwner[] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*[:：]\s*(\d{11})$/.exec(part);
    const name = m?.[1]?.trim() ?? '';
    const mobile = m?.[2] ?? '';
    if (!name || name.length > 40 || !MOBILE.test(mobile)) return null;
    if (owners.some((o) => o.mobile === mobile)) return null;
    owners.push({ name, mobile });
  }
  return owners;
}
