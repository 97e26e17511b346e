/**
 * Failed-login limits (per account and per address). Pure: given the failures counted in the
 * window, decide whether another attempt may be tried now and, if not, for how long to wait.
 */
export interface FailureCount {
  key: string;
  n: number;
  first: number;
}

export function loginLockout(
  counts: readonly FailureCount[],
  now: number,
  maxFailures: (key: string) => number,
  windowMs: number,
): { locked: false } | { locked: true; retryAfterSeconds: number } {
  let until = 0;
  for (const c of counts) {
    if (c.n >= maxFailures(c.key)) until = Math.max(until, c.first + windowMs);
  }
  if (until <= now) return { locked: false };
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
