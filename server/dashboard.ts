import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { findScope, type ScopeNode } from '@/db/dashboard/scope';
import { findCompoundPlace } from '@/db/places/places';
import { parseId } from '@/server/auth/guards';
import { type Actor, type DashboardTarget, type DashboardView, dashboardView } from '@/lib/auth/permissions';
import { getActor, requireActor } from '@/server/auth/session';
import { isLevel } from '@/lib/dashboard/levels';
import { RANK_SORTS, type RankSort } from '@/lib/dashboard/ranking';

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

/**
 * The parents a viewer may open, for the breadcrumbs (a community worker sees no street link).
 * The node already carries its parents' ids and names, so this asks the permissions module only.
 */
export function openableParents(actor: Actor, node: ScopeNode) {
  const { districtId, streetId, communityId } = node;
  const parents: { level: ScopeNode['level']; id: number; name: string; target: DashboardTarget }[] = [];
  if (node.level !== 'district') {
    parents.push({
      level: 'district',
      id: districtId,
      name: node.districtName,
      target: { level: 'district', districtId },
    });
  }
  if ((node.level === 'community' || node.level === 'compound') && streetId !== null && node.streetName !== null) {
    parents.push({
      level: 'street',
      id: streetId,
      name: node.streetName,
      target: { level: 'street', streetId, districtId },
    });
  }
  if (node.level === 'compound' && communityId !== null && streetId !== null && node.communityName !== null) {
    const place = { id: communityId, streetId, districtId };
    parents.push({
      level: 'community',
      id: communityId,
      name: node.communityName,
      target: { level: 'community', place },
    });
  }
  return parents.filter((p) => dashboardView(actor, p.target) !== null);
}

export function parseSort(v: string | undefined): RankSort {
  return (RANK_SORTS as readonly string[]).includes(v ?? '') ? (v as RankSort) : 'onTime';
}

export { loadDashboard as dashboardData, type DashboardData } from '@/db/dashboard/load';
