import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ScopeNode } from '@/db/dashboard/scope';
import { type Actor, type DashboardTarget, dashboardView } from '@/lib/auth/permissions';
import { getActor, requireActor } from '@/server/auth/session';
import { RANK_SORTS, type RankSort } from '@/lib/dashboard/ranking';
import { dashboardScope } from './dashboard-scope';

export { dashboardScope, viewOf } from './dashboard-scope';

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
