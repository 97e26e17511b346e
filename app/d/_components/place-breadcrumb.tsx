import type { ScopeNode } from '@/db/dashboard/scope';
import type { Actor } from '@/lib/auth/permissions';
import { openableParents } from '@/server/dashboard';
import { Breadcrumb, type Crumb } from '../../_components/breadcrumb';

/**
 * The way up from a dashboard: the parents the viewer may open, then the place itself — a link to
 * the compound's home for a compound, or to its dashboard when a list (`here`) closes the trail.
 */
export function PlaceBreadcrumb({ actor, node, here }: { actor: Actor; node: ScopeNode; here?: string }) {
  const parents: Crumb[] = openableParents(actor, node).map((p) => ({ href: `/d/${p.level}/${p.id}`, label: p.name }));
  const place: Crumb[] = here
    ? [{ href: `/d/${node.level}/${node.id}`, label: node.name }, { label: here }]
    : [node.level === 'compound' ? { href: `/c/${node.id}`, label: node.name } : { label: node.name }];
  return <Breadcrumb items={[...parents, ...place]} noPrint />;
}
