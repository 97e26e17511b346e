import 'server-only';
import { moveDueAssembly } from '@/db/assembly/moves';
import { type AssemblyRow, getAssembly } from '@/db/assembly/read';

/**
 * Makes a due move of an assembly as soon as someone looks at it (the clock does it within 30 seconds
 * anyway): opens it at its start time, closes and counts it at its end time. Returns the assembly as it
 * now stands, or undefined when nothing was due.
 */
export function catchUpAssembly(a: AssemblyRow, now: number): AssemblyRow | undefined {
  const due = (a.status === 'announced' && now >= a.startsAt) || (a.status === 'open' && now >= a.endsAt);
  if (!due) return undefined;
  moveDueAssembly(a, now);
  return getAssembly(a.compoundId, a.id);
}
