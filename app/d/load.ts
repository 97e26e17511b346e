import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { findScope, type ScopeNode } from '@/db/queries/dashboard';
import { findCompoundPlace } from '@/db/queries/places';
import { parseId } from '@/lib/auth/guards';
import { type Actor, type DashboardTarget, type DashboardView, dashboardView } from '@/lib/auth/permissions';
import { getActor, requireActor } from '@/lib/auth/session';
import { isLevel, RANK_SORTS, type RankSort } from '@/lib/dashboard/figures';

/** The dashboard's place as the permissions module sees it (a compound needs its companies). */
function targetOf(node: ScopeNode): DashboardTarget | null {
  switch (node.level) {
    case 'compound': {
      const place = findCompoundPlace(node.id);
      return place ? { level: 'compound', place } : null;
    }
    case 'community':
      return node.streetId === null
        ? null
        : { level: 'community', place: { id: node.id, streetId: node.streetId, districtId: node.districtId } };
    case 'street':
      return { level: 'street', streetId: node.id, districtId: node.districtId };
    case 'district':
      return { level: 'district', districtId: node.districtId };
  }
}

export function viewOf(actor: Actor, node: ScopeNode): DashboardView | null {
  const target = targetOf(node);
  return target ? dashboardView(actor, target) : null;
}

/** The scope if the actor may see its dashboard, and how much of it; null for "does not exist". */
export function dashboardScope(
  actor: Actor,
  level: string,
  id: string,
): { node: ScopeNode; view: DashboardView } | null {
  const n = parseId(id);
  if (!isLevel(level) || n === null) return null;
  const node = findScope(level, n);
  if (!node) return null;
  const view = viewOf(actor, node);
  return view ? { node, view } : null;
}

/** For the dashboard's pages: the actor, the scope and the view, or 404 for anyone else. */
export const requireDashboard = cache(async (level: string, id: string) => {
  const actor = await requireActor();
  const found = dashboardScope(actor, level, id);
  if (!found) notFound();
  return { actor, ...found };
});

/** For generateMetadata, which must not throw. */
export async function peekDashboard(level: string, id: string) {
  const actor = await getActor();
  return actor ? dashboardScope(actor, level, id) : null;
}

/** The parents a viewer may open, for the breadcrumbs (a community worker sees no street link). */
export function openableParents(actor: Actor, node: ScopeNode) {
  const parents: { level: ScopeNode['level']; id: number; name: string }[] = [];
  const add = (level: ScopeNode['level'], id: number | null, name: string | null) => {
    if (id === null || name === null) return;
    const p = findScope(level, id);
    if (p && viewOf(actor, p)) parents.push({ level, id, name });
  };
  if (node.level !== 'district') add('district', node.districtId, node.districtName);
  if (node.level === 'community' || node.level === 'compound') add('street', node.streetId, node.streetName);
  if (node.level === 'compound') add('community', node.communityId, node.communityName);
  return parents;
}

export function parseSort(v: string | undefined): RankSort {
  return (RANK_SORTS as readonly string[]).includes(v ?? '') ? (v as RankSort) : 'onTime';
}

export { loadDashboard as dashboardData, type DashboardData } from '@/db/queries/dashboard';
