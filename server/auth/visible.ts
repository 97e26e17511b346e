import 'server-only';
import { type CompoundSummary, findCompoundPlace } from '@/db/places/places';
import { type Actor, canViewCompound } from '@/lib/auth/permissions';
import { parseId } from '@/lib/validation/common';

/**
 * The compound if the actor may know it exists, else null: the one rule behind every "not found"
 * for a compound id from a URL, a form or a request line (`find` lets a request share one lookup).
 * Free of Next, so the production server's ballot path uses it too.
 */
export function compoundVisibleTo(
  actor: Actor,
  compoundId: unknown,
  find: (id: number) => CompoundSummary | undefined = findCompoundPlace,
): CompoundSummary | null {
  const id = parseId(compoundId);
  const compound = id === null ? undefined : find(id);
  return compound && !canViewCompound(actor, compound) ? compound : null;
}
