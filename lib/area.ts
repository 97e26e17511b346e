/**
 * Exclusive floor areas are kept as integers in hundredths of a square metre (0.01 m²), so sums and
 * comparisons are exact (docs/domain/voting-rules.md: "never in floating point").
 */

const AREA_PATTERN = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** Largest area accepted for one unit: 9,999,999.99 m² is far beyond any real flat but keeps sums safe. */
export const MAX_UNIT_AREA_CENTI = 999_999_999;

export type AreaParseError = 'empty' | 'format' | 'decimals' | 'not_positive';

/**
 * Parses "87.35", "87.3", "87" into hundredths (8735, 8730, 8700). Accepts surrounding white space
 * only. Rejects signs, exponents, commas, more than two decimals and zero.
 */
export function parseArea(text: string): { ok: true; centi: number } | { ok: false; error: AreaParseError } {
  const s = text.trim();
  if (s === '') return { ok: false, error: 'empty' };
  if (/^\d+\.\d{3,}$/.test(s)) return { ok: false, error: 'decimals' };
  if (/^-/.test(s)) return { ok: false, error: 'not_positive' };
  const m = AREA_PATTERN.exec(s);
  if (!m) return { ok: false, error: 'format' };
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const centi = whole * 100 + frac;
  if (centi <= 0) return { ok: false, error: 'not_positive' };
  return { ok: true, centi };
}

/** 8735 → "87.35"; works on sums beyond Number.MAX_SAFE_INTEGER when given a bigint. */
export function formatArea(centi: number | bigint): string {
  const v = BigInt(centi);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole.toString()}.${frac}`;
}
