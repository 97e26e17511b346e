import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { type CompoundSummary, findCompoundPlace } from '@/db/places/places';
import { compoundVisibleTo } from './visible';
import { type Actor, type Denial, isStaff, rolesIn } from '../../lib/auth/permissions';
import type { Role } from '../../lib/auth/roles';
import { getActor, requireActor } from './session';
import { parseId } from '../../lib/validation/common';

export { parseId };

/** Once per request, however many parts of a page ask (metadata, layout, page). */
const placeOf = cache(findCompoundPlace);

/** The compound if the actor may know it exists; null otherwise (callers answer "not found"). */
export function compoundInScope(actor: Actor, compoundId: unknown): CompoundSummary | null {
  return compoundVisibleTo(actor, compoundId, placeOf);
}

/**
 * For pages under /c/[compoundId]: the actor, the compound and the actor's roles there. A
 * compound the actor does not belong to answers 404, as does one the extra check refuses.
 */
export async function requireCompound(
  compoundId: string,
  check?: (actor: Actor, compound: CompoundSummary) => Denial | null,
): Promise<{ actor: Actor; compound: CompoundSummary; roles: Set<Role> }> {
  const actor = await requireActor();
  const compound = compoundInScope(actor, compoundId);
  if (!compound || check?.(actor, compound)) notFound();
  return { actor, compound, roles: rolesIn(actor, compound) };
}

/** For administration pages: staff only; anyone else is told the page does not exist. */
export async function requireStaff(): Promise<Actor> {
  const actor = await requireActor();
  if (!isStaff(actor)) notFound();
  return actor;
}

/**
 * For generateMetadata: the compound if visible, else null, without throwing. Metadata is streamed,
 * and a notFound() thrown there would be answered with status 200; the page's own check gives the 404.
 */
export async function peekCompound(compoundId: string): Promise<CompoundSummary | null> {
  const actor = await getActor();
  return actor ? compoundInScope(actor, compoundId) : null;
}
