import 'server-only';
import { findScope, type ScopeNode } from '@/db/dashboard/scope';
import { findCompoundPlace } from '@/db/places/places';
import { type Actor, type DashboardTarget, type DashboardView, dashboardView } from '@/lib/auth/permissions';
import { isLevel } from '@/lib/dashboard/levels';
import { parseId } from '@/lib/validation/common';

/**
 * Whether a person may see a dashboard, and how much of it: free of Next's request context, so the
 * pages (server/dashboard.ts) and the production server's page cache (server/http/dashboard-cache.ts)
 * decide through the same functions.
 */

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
