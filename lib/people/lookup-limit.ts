/**
 * A staff member who names someone from elsewhere by full mobile number and name (to give them a role)
 * learns, from each answer, whether that name goes with that number. To keep that from becoming a way
 * to find out who owns a number by trying names, each staff member has this many misses a day; after
 * them the form says to wait, whatever is typed (docs/decisions/0012-person-within-reach.md).
 */
export const LOOKUP_MISSES_PER_DAY = 10;
export const LOOKUP_WINDOW_MS = 24 * 3600 * 1000;

/** The key their misses are counted under (in the login-failure table, with its own prefix). */
export const lookupMissKey = (staffPersonId: number) => `grant-lookup:${staffPersonId}`;

/** Whether a staff member with `misses` in the window may look up once more. */
export function mayLookUp(misses: number): boolean {
  return misses < LOOKUP_MISSES_PER_DAY;
}
