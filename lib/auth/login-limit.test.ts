import { describe, expect, it } from 'vitest';
import {
  accountDelayMs,
  failureKeys,
  type LoginAttempt,
  type LoginLimits,
  loginWait,
  MOBILE_PATTERN,
  NO_FAILURES,
  parseWaitCode,
  shouldTellHolder,
  type Tally,
  waitCode,
} from './login-limit';

const NOW = 1_700_000_000_000;
const LIMITS: LoginLimits = {
  maxFailures: 5,
  maxFailuresPerAddress: 30,
  windowMs: 60_000,
  slowdownAfter: 10,
  slowdownFirstMs: 15_000,
  slowdownMaxMs: 900_000,
};

const tally = (n: number, first: number, last = first): Tally => ({ n, first, last });

function attempt(parts: Partial<LoginAttempt>): LoginAttempt {
  return { pair: NO_FAILURES, address: NO_FAILURES, account: NO_FAILURES, knownDevice: null, ...parts };
}

const wait = (parts: Partial<LoginAttempt>, now = NOW) => loginWait(attempt(parts), LIMITS, now);

describe('the (account, address) pair', () => {
  it('is open with no failures at all, and below the limit', () => {
    expect(wait({})).toEqual({ wait: false });
    expect(wait({ pair: tally(4, NOW - 1_000) })).toEqual({ wait: false });
  });

  it('waits at the limit until the earliest failure leaves the window', () => {
    expect(wait({ pair: tally(5, NOW - 10_000) })).toEqual({ wait: true, reason: 'pair', seconds: 50 });
    expect(wait({ pair: tally(8, NOW - 10_000) })).toEqual({ wait: true, reason: 'pair', seconds: 50 });
    expect(wait({ pair: tally(5, NOW) })).toEqual({ wait: true, reason: 'pair', seconds: 60 });
  });

  it('rounds the wait up to whole seconds, never less than one, and opens exactly at the edge', () => {
    expect(wait({ pair: tally(5, NOW - 60_000 + 1_001) })).toMatchObject({ seconds: 2 });
    expect(wait({ pair: tally(5, NOW - 60_000 + 1) })).toMatchObject({ seconds: 1 });
    expect(wait({ pair: tally(5, NOW - 60_000) })).toEqual({ wait: false });
  });

  it("five failures from one address are that address's problem: the same account from elsewhere is open", () => {
    // What the Trust II report found: five wrong passwords locked the account itself for everyone.
    // The account-wide tally of those five is far below the slow-down, so only the pair waits.
    const account = tally(5, NOW - 5_000, NOW - 1_000);
    expect(wait({ pair: tally(5, NOW - 5_000), account })).toMatchObject({ wait: true, reason: 'pair' });
    expect(wait({ pair: NO_FAILURES, account })).toEqual({ wait: false });
  });
});

describe('the address', () => {
  it('waits once the address has failed its limit across any accounts', () => {
    expect(wait({ address: tally(29, NOW - 1_000) })).toEqual({ wait: false });
    expect(wait({ address: tally(30, NOW - 20_000) })).toEqual({ wait: true, reason: 'address', seconds: 40 });
  });

  it('five failures from an address do not make it wait: many residents may share one', () => {
    expect(wait({ address: tally(5, NOW - 1_000) })).toEqual({ wait: false });
  });
});

describe('the account, from anywhere', () => {
  it('never waits below the free failures of a day', () => {
    expect(accountDelayMs(0, LIMITS)).toBe(0);
    expect(accountDelayMs(9, LIMITS)).toBe(0);
    expect(wait({ account: tally(9, NOW - 3_600_000, NOW) })).toEqual({ wait: false });
  });

  it('then makes each attempt wait a delay that doubles per failure, up to the cap', () => {
    expect([10, 11, 12, 13, 14, 15, 16, 17, 100].map((n) => accountDelayMs(n, LIMITS) / 1000)).toEqual([
      15, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it('counts the delay from the last failure, not the first', () => {
    const account = tally(11, NOW - 3_600_000, NOW - 10_000);
    expect(wait({ account })).toEqual({ wait: true, reason: 'account', seconds: 20 });
    expect(wait({ account }, NOW + 20_000)).toEqual({ wait: false });
  });

  it('is a slow-down, not a lock: it always opens again within the cap', () => {
    for (const n of [10, 50, 5_000]) {
      const account = tally(n, NOW - 3_600_000, NOW);
      expect(wait({ account }, NOW + LIMITS.slowdownMaxMs)).toEqual({ wait: false });
    }
  });

  it('guesses an attacker gets at one account, from as many addresses as it likes', () => {
    // Fresh addresses every time, so neither the pair nor the address limit ever applies; the
    // attacker tries again the moment the wait is over.
    let t = NOW;
    const failures: number[] = [];
    const guessesIn = (ms: number) => {
      const end = t + ms;
      let guesses = 0;
      while (t < end) {
        const recent = failures.filter((at) => at > t - 24 * 3_600_000);
        const account = recent.length ? tally(recent.length, recent[0] ?? t, recent.at(-1) ?? t) : NO_FAILURES;
        const w = loginWait(attempt({ account }), LIMITS, t);
        if (w.wait) {
          t += w.seconds * 1000;
          continue;
        }
        failures.push(t);
        guesses++;
        t += 100;
      }
      return guesses;
    };
    const hour = 3_600_000;
    expect(guessesIn(hour)).toBe(18);
    expect(guessesIn(hour)).toBe(4);
    expect(guessesIn(22 * hour)).toBe(88);
    // The next day and every day after: one guess per cap.
    expect(guessesIn(24 * hour)).toBe(96);
  });
});

describe('a device the account has logged in on', () => {
  it('skips every other limit, even when strangers have used them all up', () => {
    const busy = {
      pair: tally(5, NOW - 1_000),
      address: tally(30, NOW - 1_000),
      account: tally(500, NOW - 3_600_000, NOW),
    };
    expect(wait(busy)).toMatchObject({ wait: true });
    expect(wait({ ...busy, knownDevice: NO_FAILURES })).toEqual({ wait: false });
    expect(wait({ ...busy, knownDevice: tally(4, NOW - 1_000) })).toEqual({ wait: false });
  });

  it('is an ordinary device once it has failed five times in a day itself', () => {
    const busy = { pair: tally(5, NOW - 1_000), knownDevice: tally(5, NOW - 1_000) };
    expect(wait(busy)).toMatchObject({ wait: true, reason: 'pair' });
    expect(wait({ knownDevice: tally(5, NOW - 1_000) })).toEqual({ wait: false });
  });
});

describe('several limits at once', () => {
  it('waits for the one that opens last, and says which', () => {
    const parts = { pair: tally(5, NOW - 50_000), address: tally(30, NOW - 20_000) };
    expect(wait(parts)).toEqual({ wait: true, reason: 'address', seconds: 40 });
    expect(wait({ ...parts, account: tally(12, NOW - 60_000, NOW - 1_000) })).toEqual({
      wait: true,
      reason: 'account',
      seconds: 59,
    });
    expect(wait(parts, NOW + 40_000)).toEqual({ wait: false });
  });

  it('ignores a key below its limit when working out the wait', () => {
    expect(wait({ pair: tally(5, NOW - 50_000), address: tally(29, NOW - 5_000) })).toEqual({
      wait: true,
      reason: 'pair',
      seconds: 10,
    });
  });

  it('follows the window it is given', () => {
    const short = { ...LIMITS, windowMs: 10_000 };
    expect(loginWait(attempt({ pair: tally(5, NOW) }), short, NOW)).toMatchObject({ seconds: 10 });
    expect(loginWait(attempt({ pair: tally(5, NOW - 10_000) }), short, NOW)).toEqual({ wait: false });
  });
});

describe('failureKeys', () => {
  it('counts a failure against the pair, the address, the account and, when known, the device', () => {
    expect(failureKeys('13800138000', '203.0.113.7', null)).toEqual({
      pair: 'p:13800138000@203.0.113.7',
      address: 'ip:203.0.113.7',
      account: 'm:13800138000',
      device: null,
    });
    expect(failureKeys('13800138000', '2001:db8::1', 'abc')).toMatchObject({
      pair: 'p:13800138000@2001:db8::1',
      device: 'd:abc',
    });
  });
});

describe('shouldTellHolder', () => {
  it('from the fifth failure of the day', () => {
    expect(shouldTellHolder(4, LIMITS)).toBe(false);
    expect(shouldTellHolder(5, LIMITS)).toBe(true);
  });
});

describe('wait codes', () => {
  it('travel to the form and back', () => {
    expect(waitCode({ reason: 'account', seconds: 42 })).toBe('wait:account:42');
    expect(parseWaitCode('wait:account:42')).toEqual({ reason: 'account', seconds: 42 });
    expect(parseWaitCode('wait:pair:7')).toEqual({ reason: 'pair', seconds: 7 });
    expect(parseWaitCode('invalid')).toBeNull();
    expect(parseWaitCode('wait:other:7')).toBeNull();
    expect(parseWaitCode('locked:60')).toBeNull();
  });
});

describe('MOBILE_PATTERN', () => {
  it.each(['13800138000', '19912345678', '15000000000'])('accepts %s', (mobile) => {
    expect(MOBILE_PATTERN.test(mobile)).toBe(true);
  });

  it.each(['12800138000', '1380013800', '138001380000', '+8613800138000', ' 13800138000', '1380013800a', ''])(
    'refuses %j',
    (mobile) => {
      expect(MOBILE_PATTERN.test(mobile)).toBe(false);
    },
  );
});
