import type { ScopeNode } from '@/db/dashboard/scope';
import type { FigureKey } from '@/lib/dashboard/funnel';
import type { Period } from '@/lib/dashboard/period';
import type { RankSort } from '@/lib/dashboard/ranking';

/** The list of topics behind a figure, for the same place and period. */
export function figureHref(
  node: Pick<ScopeNode, 'level' | 'id'>,
  fig: FigureKey,
  p: Pick<Period, 'fromDay' | 'toDay'>,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ fig, from: p.fromDay, to: p.toDay, ...extra });
  return `/d/${node.level}/${node.id}/topics?${q}`;
}

export function dashboardHref(level: string, id: number, p: Pick<Period, 'fromDay' | 'toDay'>, sort?: RankSort) {
  const q = new URLSearchParams({ from: p.fromDay, to: p.toDay });
  if (sort) q.set('sort', sort);
  return `/d/${level}/${id}?${q}`;
}
