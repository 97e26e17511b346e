import type { Level } from './levels';
import { addCounts, type Counts, type Totals, totalsOf, ZERO_COUNTS } from './totals';

/** The table of the level one step down, summed from its compounds and ranked. */

export interface Place {
  compoundId: number;
  compoundName: string;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
}

export const RANK_SORTS = ['onTime', 'overdue', 'escalated', 'rating'] as const;
export type RankSort = (typeof RANK_SORTS)[number];

export interface RankRow {
  level: Level;
  id: number;
  name: string;
  /** Compounds it holds (1 for a compound). */
  compounds: number;
  totals: Totals;
}

/**
 * The table of the level below: every child of the scope (with zeros when nothing happened),
 * summed from its compounds, and ordered by `sort` — on-time rate and satisfaction best first,
 * overdue tasks and escalations most first, those with no figure last, then by name.
 */
export function rankChildren(
  places: readonly Place[],
  byCompound: ReadonlyMap<number, Totals>,
  child: Exclude<Level, 'district'>,
  sort: RankSort,
): RankRow[] {
  const groups = new Map<number, { name: string; counts: Counts; compounds: number }>();
  for (const p of places) {
    const [id, name] =
      child === 'compound'
        ? [p.compoundId, p.compoundName]
        : child === 'community'
          ? [p.communityId, p.communityName]
          : [p.streetId, p.streetName];
    let g = groups.get(id);
    if (!g) {
      g = { name, counts: { ...ZERO_COUNTS }, compounds: 0 };
      groups.set(id, g);
    }
    g.compounds += 1;
    const t = byCompound.get(p.compoundId);
    if (t) addCounts(g.counts, t);
  }
  const rows: RankRow[] = [...groups].map(([id, g]) => ({
    level: child,
    id,
    name: g.name,
    compounds: g.compounds,
    totals: totalsOf(g.counts),
  }));
  const key = (r: RankRow): number | null => {
    switch (sort) {
      case 'onTime':
        return r.totals.onTimePercent;
      case 'rating':
        return r.totals.ratingTenths;
      case 'overdue':
        return r.totals.overdue;
      case 'escalated':
        return r.totals.escalated;
    }
  };
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return kb - ka;
    }
    return a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
  });
}
