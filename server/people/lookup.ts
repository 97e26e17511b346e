import 'server-only';
import { countLoginFailures, recordLoginFailure } from '@/db/auth/sessions';
import { findPersonByMobileAndName } from '@/db/people/find';
import { LOOKUP_WINDOW_MS, lookupMissKey, mayLookUp } from '@/lib/people/lookup-limit';

/**
 * Someone from elsewhere, named by full mobile and registered name, for a role: the person, null for
 * a miss (counted), or 'wait' once the staff member has used up the day's misses (lib/people/lookup-limit.ts).
 */
export function lookUpByMobileAndName(
  staffPersonId: number,
  mobile: string,
  name: string,
  now: number,
): { id: number } | null | 'wait' {
  const key = lookupMissKey(staffPersonId);
  const misses = countLoginFailures([key], now - LOOKUP_WINDOW_MS)[0]?.n ?? 0;
  if (!mayLookUp(misses)) return 'wait';
  const person = findPersonByMobileAndName(mobile, name);
  // Old rows are pruned by the login limits, whose horizon is the same day.
  if (!person) recordLoginFailure([key], now, 0);
  return person ?? null;
}
