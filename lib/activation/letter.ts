import { formatActivationCode } from './code';
import { maskName } from './mask';

/**
 * What an activation letter (入户激活函) carries, as pure data: the slip's text and the geometry of its QR code. The
 * server renders the QR with the `qrcode` library (as SVG) and hands the page only the path read from it, so no
 * markup from a library is ever injected into a page (tests/no-raw-html.test.ts).
 */

/** Slips on one A4 sheet: two columns of four, cut along the dashed lines. */
export const SLIPS_PER_PAGE = 8;

/** Where a letter's QR code points, relative to the site: the printed code, grouped as it is on paper. */
export function activationPath(code: string): string {
  return `/activate?code=${formatActivationCode(code)}`;
}

/** A holder's name as the letter shows it: each co-owner masked (陈志强、李秀英 → 陈*强、李*英). */
export function maskHolderName(name: string): string {
  return name
    .split('、')
    .map((part) => maskName(part))
    .join('、');
}

export interface QrGeometry {
  /** Modules per side, quiet zone included: the SVG's viewBox is 0 0 size size. */
  size: number;
  /** The dark modules as one stroked path (horizontal runs of width 1). */
  path: string;
}

/**
 * Reads the viewBox and the stroked path out of `qrcode`'s SVG output (`toString(text, { type: 'svg' })`), which is
 * `<svg … viewBox="0 0 N N" …><path fill="#ffffff" d="…"/><path stroke="#000000" d="…"/></svg>`. Null when the
 * text is not of that shape, so a changed library is noticed instead of printing blank squares.
 */
export function qrGeometryFromSvg(svg: string): QrGeometry | null {
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const dark = /<path stroke="#000000" d="([MmHhVvZz0-9. -]+)"/.exec(svg);
  if (!box?.[1] || box[1] !== box[2] || !dark?.[1]) return null;
  return { size: Number(box[1]), path: dark[1] };
}

/** Splits a list into pages of `perPage`. */
export function pagesOf<T>(items: readonly T[], perPage: number = SLIPS_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

/** Letters grouped by building, in the order given (each building starts on a new sheet when printed). */
export function byBuilding<T extends { building: string }>(
  letters: readonly T[],
): { building: string; letters: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const l of letters) {
    const list = groups.get(l.building) ?? [];
    list.push(l);
    groups.set(l.building, list);
  }
  return [...groups].map(([building, list]) => ({ building, letters: list }));
}
