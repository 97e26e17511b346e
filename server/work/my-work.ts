import 'server-only';
import { countMyWork, listMyWork } from '@/db/work/my-work';
import type { Actor } from '@/lib/auth/permissions';
import { sortWork, type WorkRow } from '@/lib/work/kinds';
import { workScope } from '@/lib/work/scope';

/** Everything waiting for the actor, most urgent first (the home page and /work). */
export function myWork(actor: Actor, now: number): WorkRow[] {
  return sortWork(listMyWork(workScope(actor), now));
}

/** The header's badge: the same statement as the list, counted. */
export function myWorkCount(actor: Actor, now: number): number {
  return countMyWork(workScope(actor), now);
}
