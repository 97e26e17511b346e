import { ACTIVATION_CODE_SPACE } from './code';

/**
 * How often activation may be tried (the issue: "rate limits per code and per client address … show the numbers").
 * Pure: the caller counts failures in the last hour and asks whether one more attempt may run.
 *
 * What is counted: only attempts that reach the database with a well-formed code (normaliseTypedCode ok). A typo
 * caught by the check symbol costs nothing, since an attacker learns nothing from it either. Every failure that
 * reached the database counts against the client's address (unknown, expired, used, revoked or locked code,
 * wrong name, mobile already taken); failures on a code that exists also count against that code.
 *
 * - Per code, for life: MAX_WRONG_NAMES wrong holder names lock it and staff are told (./state.ts).
 * - Per code, per hour: CODE_FAILURES_PER_HOUR failures of any kind. This bounds what someone holding a letter can
 *   learn by trying mobiles ("this mobile already has an account").
 * - Per client address, per hour: ADDRESS_FAILURES_PER_HOUR. Generous enough for a community centre helping a
 *   queue of residents (a success costs nothing), and it is what bounds blind guessing: see guessingEstimate.
 *   IPv6 clients are counted per /64 (addressBucket), since one subscriber is given a whole /64.
 * - Everywhere, per hour: UNKNOWN_CODE_FAILURES_PER_HOUR well-formed codes that match no code at all, from all
 *   addresses together. The check symbol catches nearly every typo, so real people almost never type a well-formed
 *   code that does not exist; hundreds an hour means someone is guessing from many addresses. Then activation
 *   pauses for everyone (a real code cannot be let through either: letting it through is what a guesser wants to
 *   learn) until the hour has passed, and staff should be told. Letters last 60 days; an hour's pause costs little.
 */

export const MAX_WRONG_NAMES = 5;
export const CODE_FAILURES_PER_HOUR = 10;
export const ADDRESS_FAILURES_PER_HOUR = 20;
export const UNKNOWN_CODE_FAILURES_PER_HOUR = 1000;
export const ACTIVATION_WINDOW_MS = 3600 * 1000;

/** Failures counted in the last ACTIVATION_WINDOW_MS, and when the earliest of them was. */
export interface HourTally {
  n: number;
  first: number;
}

export type GateReason = 'address' | 'code' | 'everywhere';
export type ActivationGate = { open: true } | { open: false; reason: GateReason; retryAfterSeconds: number };

export interface GateTallies {
  /** Failures from this client address (its addressBucket). */
  address: HourTally;
  /** Failures on the typed code; null when it matches no stored code. */
  code: HourTally | null;
  /** Well-formed codes that matched nothing, from every address. */
  unknownCodes: HourTally;
}

/** May one more attempt run now? When several limits are reached, the longest wait is given. */
export function activationGate(tallies: GateTallies, now: number): ActivationGate {
  const closed: { reason: GateReason; until: number }[] = [];
  const close = (reason: GateReason, tally: HourTally | null, max: number) => {
    if (tally && tally.n >= max) closed.push({ reason, until: tally.first + ACTIVATION_WINDOW_MS });
  };
  close('address', tallies.address, ADDRESS_FAILURES_PER_HOUR);
  close('code', tallies.code, CODE_FAILURES_PER_HOUR);
  close('everywhere', tallies.unknownCodes, UNKNOWN_CODE_FAILURES_PER_HOUR);
  let longest: { reason: GateReason; until: number } | undefined;
  for (const c of closed) if (c.until > now && (!longest || c.until > longest.until)) longest = c;
  if (!longest) return { open: true };
  return {
    open: false,
    reason: longest.reason,
    retryAfterSeconds: Math.max(1, Math.ceil((longest.until - now) / 1000)),
  };
}

/**
 * The key an address's failures are counted under: an IPv4 address as it is, an IPv6 address by its /64
 * ("2001:db8:1:2::/64"), since a home or a phone is given a whole /64 and could otherwise rotate through 2^64
 * addresses. Anything unreadable is its own key.
 */
export function addressBucket(address: string): string {
  if (!address.includes(':')) return address;
  const text = address.toLowerCase().replace(/%.*$/, '');
  const halves = text.split('::');
  if (halves.length > 2) return address;
  const [head = '', tail = ''] = halves;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  // A trailing dotted IPv4 part stands for two groups.
  const width = (groups: string[]) => groups.reduce((w, g) => w + (g.includes('.') ? 2 : 1), 0);
  const missing = 8 - width(headGroups) - width(tailGroups);
  if (halves.length === 2 ? missing < 1 : missing !== 0) return address;
  const groups = [...headGroups, ...Array.from({ length: missing }, () => '0'), ...tailGroups].slice(0, 4);
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export interface GuessingEstimate {
  /** Guesses the attacker gets in an hour: the address limit from every address, at most the limit everywhere. */
  guessesPerHour: number;
  /** Probability that one guess is an open code. */
  chancePerGuess: number;
  /** Expected guesses to the first open code, guessing without repeats: (N + 1) / (K + 1). */
  expectedGuesses: number;
  expectedHours: number;
  expectedYears: number;
  /** Probability of finding at least one open code within a year. */
  chanceInAYear: number;
}

const HOURS_PER_YEAR = 365.25 * 24;

export interface GuessingScenario {
  /** Valid codes outstanding: at most one per home, so 150,000 in a district of 150,000 homes is the worst case. */
  openCodes: number;
  /** Client addresses (IPv4 addresses or IPv6 /64s) the attacker guesses from. */
  addresses?: number;
  /** Whether the limit everywhere (UNKNOWN_CODE_FAILURES_PER_HOUR) holds; false shows what it is for. */
  limitEverywhere?: boolean;
  codeSpace?: bigint;
}

/**
 * Blind guessing, with the numbers taken from the code. A found code still needs the holder's name within
 * MAX_WRONG_NAMES tries, and nothing tells the guesser whose code it is; that is not counted here, since names
 * are not secrets.
 */
export function guessingEstimate(scenario: GuessingScenario): GuessingEstimate {
  const { openCodes, addresses = 1, limitEverywhere = true, codeSpace = ACTIVATION_CODE_SPACE } = scenario;
  const space = Number(codeSpace);
  const fromAddresses = addresses * ADDRESS_FAILURES_PER_HOUR;
  const guessesPerHour = limitEverywhere ? Math.min(fromAddresses, UNKNOWN_CODE_FAILURES_PER_HOUR) : fromAddresses;
  const chancePerGuess = openCodes / space;
  const expectedGuesses = (space + 1) / (openCodes + 1);
  const expectedHours = expectedGuesses / guessesPerHour;
  return {
    guessesPerHour,
    chancePerGuess,
    expectedGuesses,
    expectedHours,
    expectedYears: expectedHours / HOURS_PER_YEAR,
    // 1 - (1 - p)^g, computed so that a p of 1e-11 does not vanish in rounding.
    chanceInAYear: -Math.expm1(guessesPerHour * HOURS_PER_YEAR * Math.log1p(-chancePerGuess)),
  };
}
