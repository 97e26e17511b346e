/**
 * Failed-login limits (docs/decisions/0014). Pure: given the failures counted so far, decide
 * whether another attempt may be tried now and, if not, how long to wait and why.
 *
 * - One account from one address (a pair): LOGIN_MAX_FAILURES in the window, then that pair waits.
 *   A stranger elsewhere cannot hold the owner back with it.
 * - One address, any accounts: LOGIN_MAX_FAILURES_PER_ADDRESS in the window (password spraying).
 * - One account from anywhere: never a lock. Past a number of free failures in a day, every further
 *   attempt from a device the account has not logged in on waits a delay that doubles with each
 *   failure, up to a cap, counted from the last failure. Many addresses buy an attacker nothing.
 * - A device the account has logged in on (a signed device cookie) skips all of the above, until it
 *   fails LOGIN_MAX_FAILURES times in a day itself; then it is treated like any other device.
 */

/** Failures of one key: how many in the period asked about, the earliest and the latest. */
export interface Tally {
  n: number;
  first: number;
  last: number;
}

export const NO_FAILURES: Tally = { n: 0, first: 0, last: 0 };

export interface LoginLimits {
  /** Failures per (account, address) pair in the window; also a known device's failures in a day. */
  maxFailures: number;
  maxFailuresPerAddress: number;
  windowMs: number;
  /** Failures of one account in a day, from anywhere, before unknown devices must wait. */
  slowdownAfter: number;
  /** The first wait; each further failure doubles it. */
  slowdownFirstMs: number;
  slowdownMaxMs: number;
}

/** How far back account-wide and device failures are counted. */
export const ACCOUNT_HORIZON_MS = 24 * 3600 * 1000;

export interface LoginAttempt {
  /** This account from this address, in the window. */
  pair: Tally;
  /** This address, any account, in the window. */
  address: Tally;
  /** This account from anywhere, in ACCOUNT_HORIZON_MS. */
  account: Tally;
  /** This device, when it carries a valid device cookie for the account, in ACCOUNT_HORIZON_MS. */
  knownDevice: Tally | null;
}

export type WaitReason = 'pair' | 'address' | 'account';

export type LoginWait = { wait: false } | { wait: true; reason: WaitReason; seconds: number };

/** The wait an unknown device faces after `n` failures of the account (0 below the threshold). */
export function accountDelayMs(n: number, limits: LoginLimits): number {
  if (n < limits.slowdownAfter) return 0;
  const doublings = Math.min(n - limits.slowdownAfter, 30);
  return Math.min(limits.slowdownFirstMs * 2 ** doublings, limits.slowdownMaxMs);
}

export function loginWait(attempt: LoginAttempt, limits: LoginLimits, now: number): LoginWait {
  if (attempt.knownDevice && attempt.knownDevice.n < limits.maxFailures) return { wait: false };
  const until: [WaitReason, number][] = [];
  // Each window limit opens once its earliest counted failure leaves the window.
  if (attempt.pair.n >= limits.maxFailures) until.push(['pair', attempt.pair.first + limits.windowMs]);
  if (attempt.address.n >= limits.maxFailuresPerAddress) {
    until.push(['address', attempt.address.first + limits.windowMs]);
  }
  const delay = accountDelayMs(attempt.account.n, limits);
  if (delay > 0) until.push(['account', attempt.account.last + delay]);
  let longest: [WaitReason, number] | undefined;
  for (const u of until) if (!longest || u[1] > longest[1]) longest = u;
  if (!longest || longest[1] <= now) return { wait: false };
  return { wait: true, reason: longest[0], seconds: Math.max(1, Math.ceil((longest[1] - now) / 1000)) };
}

/** The login_failures keys of one attempt: what each failure is counted against. */
export function failureKeys(mobile: string, address: string, deviceId: string | null) {
  return {
    pair: `p:${mobile}@${address}`,
    address: `ip:${address}`,
    account: `m:${mobile}`,
    device: deviceId === null ? null : `d:${deviceId}`,
  };
}

/** The account holder is told once their account has failed this often in a day. */
export function shouldTellHolder(accountFailures: number, limits: LoginLimits): boolean {
  return accountFailures >= limits.maxFailures;
}

/** A wait travels to the login form as 'wait:<reason>:<seconds>'. */
export function waitCode(wait: { reason: WaitReason; seconds: number }): string {
  return `wait:${wait.reason}:${wait.seconds}`;
}

export function parseWaitCode(code: string): { reason: WaitReason; seconds: number } | null {
  const m = /^wait:(pair|address|account):(\d+)$/.exec(code);
  if (!m) return null;
  return { reason: m[1] as WaitReason, seconds: Number(m[2]) };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
