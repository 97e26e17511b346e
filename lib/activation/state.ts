import { normaliseName } from '../validation/human-text';
import { MAX_WRONG_NAMES } from './limits';

/**
 * The life of one activation code, as data (style: "state machines are data"). A code is made valid for
 * ACTIVATION_CODE_VALID_DAYS; it ends used (the holder activated), revoked (staff made a new letter for the
 * holder, which invalidates this one), locked (MAX_WRONG_NAMES wrong holder names: staff are told) or expired.
 * Pure: times are epoch milliseconds, `now` is passed in.
 */

export const ACTIVATION_CODE_VALID_DAYS = 60;
const DAY_MS = 24 * 3600 * 1000;

export type ActivationCodeState = 'valid' | 'expired' | 'used' | 'locked' | 'revoked';

export interface ActivationCodeRecord {
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  lockedAt: number | null;
  revokedAt: number | null;
  failedNameTries: number;
}

/** When a code made at `createdAt` stops working. */
export function activationExpiry(createdAt: number, days: number = ACTIVATION_CODE_VALID_DAYS): number {
  return createdAt + days * DAY_MS;
}

/**
 * The state of a code now. When several apply, the one that tells the person most about what to do wins:
 * used (sign in instead), then revoked (a newer letter exists), locked (staff know; ask them), expired (ask for a
 * new letter). A code expires at `expiresAt` exactly.
 */
export function activationCodeState(record: ActivationCodeRecord, now: number): ActivationCodeState {
  if (record.usedAt !== null) return 'used';
  if (record.revokedAt !== null) return 'revoked';
  if (record.lockedAt !== null || record.failedNameTries >= MAX_WRONG_NAMES) return 'locked';
  if (now >= record.expiresAt) return 'expired';
  return 'valid';
}

export type ActivationEvent = 'activate' | 'wrong-name' | 'revoke';

/**
 * What may happen to a code in each state. A used code stays used: it is the record of how an account began.
 * Staff can replace a valid, locked or expired code with a new letter (revoke); only a valid code can be tried.
 */
export const ACTIVATION_EVENTS: Readonly<Record<ActivationCodeState, readonly ActivationEvent[]>> = {
  valid: ['activate', 'wrong-name', 'revoke'],
  locked: ['revoke'],
  expired: ['revoke'],
  used: [],
  revoked: [],
};

export function canApply(state: ActivationCodeState, event: ActivationEvent): boolean {
  return ACTIVATION_EVENTS[state].includes(event);
}

/** The typed name is the holder's as registered, read the way names are compared everywhere (normaliseName). */
export function holderNameMatches(typed: string, registered: string): boolean {
  const key = normaliseName(typed);
  return key !== '' && key === normaliseName(registered);
}

export type ActivationJudgement =
  /** The code and name are right: the caller may go on (mobile free, password acceptable) and mark it used. */
  | { ok: true }
  | { ok: false; reason: Exclude<ActivationCodeState, 'valid'> }
  /** No name typed: asked again, not counted. */
  | { ok: false; reason: 'empty-name' }
  /**
   * A wrong name, counted: store `failedNameTries` and `lockedAt`. When `lockedNow`, this was the last try: the
   * code is locked and staff must be told.
   */
  | {
      ok: false;
      reason: 'wrong-name';
      failedNameTries: number;
      triesLeft: number;
      lockedAt: number | null;
      lockedNow: boolean;
    };

/**
 * One attempt on a code that was found: its state, then the holder's name. Says nothing about what the right
 * name is, only that the typed one is not it.
 */
export function judgeActivation(
  record: ActivationCodeRecord,
  typedName: string,
  registeredName: string,
  now: number,
): ActivationJudgement {
  const state = activationCodeState(record, now);
  if (state !== 'valid') return { ok: false, reason: state };
  if (normaliseName(typedName) === '') return { ok: false, reason: 'empty-name' };
  if (holderNameMatches(typedName, registeredName)) return { ok: true };
  const failedNameTries = record.failedNameTries + 1;
  const lockedNow = failedNameTries >= MAX_WRONG_NAMES;
  return {
    ok: false,
    reason: 'wrong-name',
    failedNameTries,
    triesLeft: Math.max(0, MAX_WRONG_NAMES - failedNameTries),
    lockedAt: lockedNow ? now : null,
    lockedNow,
  };
}
