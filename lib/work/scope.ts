import { type Actor, companyIdsOf, staffReach } from '../auth/permissions';
import type { Role } from '../auth/roles';
import { compoundTaskParties, compoundWorkKinds, type WorkKind } from './kinds';

/**
 * Where each kind of work waits for this person: the compounds (for kinds done in a compound), the
 * companies, communities and streets (for tasks and escalations). Built from the session's roles,
 * never from anything the client sent; db/work/ reads the items within exactly these places.
 */
export interface WorkScope {
  personId: number;
  /** Compound ids per compound-scoped kind. */
  compounds: Partial<Record<WorkKind, number[]>>;
  /** Tasks whose responsible party the person acts for. */
  tasks: { companyIds: number[]; committeeIn: number[]; branchIn: number[]; communityIds: number[] };
  escalations: { communityIds: number[]; streetIds: number[] };
}

/** The roles a person holds in one compound through compound-scoped roles and ownership. */
function compoundRoles(actor: Actor, compoundId: number): Set<Role> {
  const roles = new Set<Role>();
  if (actor.ownerCompoundIds.includes(compoundId)) roles.add('owner');
  for (const m of actor.memberships) if (m.scopeType === 'compound' && m.scopeId === compoundId) roles.add(m.role);
  return roles;
}

export function workScope(actor: Actor): WorkScope {
  const compoundIds = new Set<number>(actor.ownerCompoundIds);
  for (const m of actor.memberships) if (m.scopeType === 'compound') compoundIds.add(m.scopeId);
  const scope: WorkScope = {
    personId: actor.personId,
    compounds: {},
    tasks: { companyIds: companyIdsOf(actor), committeeIn: [], branchIn: [], communityIds: [] },
    escalations: { communityIds: [], streetIds: [] },
  };
  for (const id of [...compoundIds].sort((a, b) => a - b)) {
    const roles = compoundRoles(actor, id);
    for (const kind of compoundWorkKinds(roles)) scope.compounds[kind] = [...(scope.compounds[kind] ?? []), id];
    for (const party of compoundTaskParties(roles)) {
      (party === 'committee' ? scope.tasks.committeeIn : scope.tasks.branchIn).push(id);
    }
  }
  const reach = staffReach(actor);
  // Community workers carry out tasks given to the community and answer its escalations;
  // street staff answer what their communities pass up.
  scope.tasks.communityIds = reach.communityIds;
  scope.escalations = { communityIds: reach.communityIds, streetIds: reach.streetIds };
  return scope;
}
