import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Sign-in by SMS code: the rules, as pure decisions. The caller counts what was sent and tried (in the database)
 * and passes `now`; the sender (server/sms/sender.ts) only delivers. Sign-in by SMS is off unless a sender is
 * configured.
 *
 * Guessing: a code is one of 10^6 and allows SMS_MAX_TRIES tries; a mobile gets at most
 * SMS_DAILY_WRONG_TRIES_PER_MOBILE wrong tries a day however many codes are asked for, so one account's chance of
 * being guessed is at most 10 / 10^6 a day (smsGuessingChance). The caller should answer "a code was sent" the same
 * way whether or not the mobile has an account, and send only when it has one.
 */

export const SMS_CODE_DIGITS = 6;
export const SMS_CODE_TTL_MS = 5 * 60 * 1000;
export const SMS_RESEND_INTERVAL_MS = 60 * 1000;
/** Tries of one code; the last wrong one ends it. */
export const SMS_MAX_TRIES = 5;
/** Rolling 24 hours, not a calendar day: no burst at midnight. */
export const SMS_CAP_WINDOW_MS = 24 * 3600 * 1000;
export const SMS_DAILY_CAP_PER_MOBILE = 10;
/** Higher than per mobile: a family, an office or a community centre shares one address. */
export const SMS_DAILY_CAP_PER_ADDRESS = 50;
/** Wrong codes typed for one mobile in the window, across all its codes: then no more codes that day. */
export const SMS_DAILY_WRONG_TRIES_PER_MOBILE = 10;

const CODE_SPACE = 10 ** SMS_CODE_DIGITS;
// The largest multiple of 10^6 that fits in 32 bits: values at or above it are drawn again, so n % 10^6 is uniform.
export const SMS_UNBIASED_LIMIT = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;

/** Six digits, uniform (rejection sampling on 32-bit draws: one draw in 4,440 is thrown away). */
export function generateSmsCode(randomBytes: (n: number) => Uint8Array): string {
  for (;;) {
    const bytes = randomBytes(4);
    if (bytes.length < 4) throw new Error('generateSmsCode: randomBytes gave fewer bytes than asked');
    const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    if (n < SMS_UNBIASED_LIMIT) return String(n % CODE_SPACE).padStart(SMS_CODE_DIGITS, '0');
  }
}

/** Sends or failures counted in the window: how many, the earliest and the latest. */
export interface SmsTally {
  n: number;
  first: number;
  last: number;
}

export interface SmsSendHistory {
  /** Codes sent to this mobile in the window. */
  mobile: SmsTally;
  /** Codes sent on requests from this client address (an IPv6 /64) in the window. */
  address: SmsTally;
  /** Wrong codes typed for this mobile in the window. */
  wrongTries: SmsTally;
}

export type SmsSendRefusal = 'resend-too-soon' | 'mobile-daily-cap' | 'address-daily-cap' | 'too-many-wrong-tries';
export type SmsSendDecision = { ok: true } | { ok: false; reason: SmsSendRefusal; retryAfterSeconds: number };

/** May a new code be sent now? When several limits hold, the longest wait is given. */
export function canSendSmsCode(history: SmsSendHistory, now: number): SmsSendDecision {
  const until: [SmsSendRefusal, number][] = [];
  const { mobile, address, wrongTries } = history;
  if (mobile.n > 0) until.push(['resend-too-soon', mobile.last + SMS_RESEND_INTERVAL_MS]);
  if (mobile.n >= SMS_DAILY_CAP_PER_MOBILE) until.push(['mobile-daily-cap', mobile.first + SMS_CAP_WINDOW_MS]);
  if (address.n >= SMS_DAILY_CAP_PER_ADDRESS) until.push(['address-daily-cap', address.first + SMS_CAP_WINDOW_MS]);
  if (wrongTries.n >= SMS_DAILY_WRONG_TRIES_PER_MOBILE) {
    until.push(['too-many-wrong-tries', wrongTries.first + SMS_CAP_WINDOW_MS]);
  }
  let longest: [SmsSendRefusal, number] | undefined;
  for (const u of until) if (u[1] > now && (!longest || u[1] > longest[1])) longest = u;
  if (!longest) return { ok: true };
  return { ok: false, reason: longest[0], retryAfterSeconds: Math.max(1, Math.ceil((longest[1] - now) / 1000)) };
}

// Binds the hash to its purpose and to the mobile, so a code sent to one number is no good for another.
const DOMAIN = 'yishi/sms-code/v1\n';

/** The stored form of a code sent to a mobile: HMAC-SHA-256 with the server's pepper, hex. */
export function hashSmsCode(mobile: string, code: string, pepper: Uint8Array | string): string {
  return createHmac('sha256', pepper).update(`${DOMAIN}${mobile}\n${code}`).digest('hex');
}

/** What a person typed as a code: full-width digits (from a Chinese IME), spaces and dashes forgiven. */
export function normaliseSmsCode(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[\s\p{Pd}]/gu, '');
  return new RegExp(`^\\d{${SMS_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/** The latest code sent to a mobile (a new one replaces it): enough to judge a try. */
export interface IssuedSmsCode {
  codeHash: string;
  sentAt: number;
  tries: number;
  usedAt: number | null;
}

export type SmsCheck =
  | { ok: true }
  /** No code outstanding for this mobile (never sent, or not to a mobile with an account): ask for one. */
  | { ok: false; reason: 'no-code' | 'used' | 'expired' | 'too-many-tries' }
  /** Not six digits: asked again, not counted. */
  | { ok: false; reason: 'malformed' }
  /** Counted: store `tries`. With no tries left the code is spent. */
  | { ok: false; reason: 'wrong'; tries: number; triesLeft: number };

/** One try of the code typed for `mobile`. The code lives SMS_CODE_TTL_MS; it expires at that instant exactly. */
export function checkSmsCode(
  issued: IssuedSmsCode | null,
  mobile: string,
  typed: string,
  pepper: Uint8Array | string,
  now: number,
): SmsCheck {
  if (!issued) return { ok: false, reason: 'no-code' };
  if (issued.usedAt !== null) return { ok: false, reason: 'used' };
  if (issued.tries >= SMS_MAX_TRIES) return { ok: false, reason: 'too-many-tries' };
  if (now >= issued.sentAt + SMS_CODE_TTL_MS) return { ok: false, reason: 'expired' };
  const code = normaliseSmsCode(typed);
  if (code === null) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(issued.codeHash, 'utf8');
  const actual = Buffer.from(hashSmsCode(mobile, code, pepper), 'utf8');
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) return { ok: true };
  const tries = issued.tries + 1;
  return { ok: false, reason: 'wrong', tries, triesLeft: SMS_MAX_TRIES - tries };
}

/** The chance that an attacker guesses one account's code within `days`, at the daily wrong-try cap. */
export function smsGuessingChance(days: number): number {
  const perDay = SMS_DAILY_WRONG_TRIES_PER_MOBILE / CODE_SPACE;
  return -Math.expm1(days * Math.log1p(-perDay));
}
