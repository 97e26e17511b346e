import { describe, expect, it } from 'vitest';
import { type FailureCount, loginLockout, MOBILE_PATTERN } from './login-limit';

const WINDOW_MS = 60_000;
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 30;
const NOW = 1_700_000_000_000;

/** As the sign-in uses it: 'ip:' keys are per address, everything else per account. */
const limit = (key: string) => (key.startsWith('ip:') ? ADDRESS_LIMIT : ACCOUNT_LIMIT);

const account = (n: number, first: number): FailureCount => ({ key: 'm:13800138000', n, first });
const address = (n: number, first: number): FailureCount => ({ key: 'ip:203.0.113.7', n, first });

function lockout(counts: FailureCount[], now = NOW) {
  return loginLockout(counts, now, limit, WINDOW_MS);
}

describe('loginLockout', () => {
  it('is open with no failures at all', () => {
    expect(lockout([])).toEqual({ locked: false });
  });

  it('is open below the limit', () => {
    expect(lockout([account(ACCOUNT_LIMIT - 1, NOW - 1_000)])).toEqual({ locked: false });
    expect(lockout([address(ADDRESS_LIMIT - 1, NOW - 1_000)])).toEqual({ locked: false });
  });

  it('locks at the limit, until the earliest failure leaves the window', () => {
    expect(lockout([account(ACCOUNT_LIMIT, NOW - 10_000)])).toEqual({ locked: true, retryAfterSeconds: 50 });
  });

  it('stays locked above the limit, still counted from the earliest failure', () => {
    expect(lockout([account(ACCOUNT_LIMIT + 3, NOW - 10_000)])).toEqual({ locked: true, retryAfterSeconds: 50 });
  });

  it('rounds the wait up to whole seconds, and never says less than one', () => {
    expect(lockout([account(5, NOW - WINDOW_MS + 1_001)])).toEqual({ locked: true, retryAfterSeconds: 2 });
    expect(lockout([account(5, NOW - WINDOW_MS + 1_000)])).toEqual({ locked: true, retryAfterSeconds: 1 });
    expect(lockout([account(5, NOW - WINDOW_MS + 500)])).toEqual({ locked: true, retryAfterSeconds: 1 });
    expect(lockout([account(5, NOW - WINDOW_MS + 1)])).toEqual({ locked: true, retryAfterSeconds: 1 });
  });

  it('a failure just now locks for the whole window', () => {
    expect(lockout([account(5, NOW)])).toEqual({ locked: true, retryAfterSeconds: 60 });
  });

  it('opens exactly at the window edge', () => {
    const first = NOW - 30_000;
    const at = (now: number) => lockout([account(5, first)], now);
    expect(at(first + WINDOW_MS - 1)).toEqual({ locked: true, retryAfterSeconds: 1 });
    expect(at(first + WINDOW_MS)).toEqual({ locked: false });
    expect(at(first + WINDOW_MS + 1)).toEqual({ locked: false });
  });

  it('applies each key its own limit: five failures lock an account but not an address', () => {
    expect(lockout([address(ACCOUNT_LIMIT, NOW - 1_000)])).toEqual({ locked: false });
    expect(lockout([account(ACCOUNT_LIMIT, NOW - 1_000)])).toEqual({ locked: true, retryAfterSeconds: 59 });
    expect(lockout([address(ADDRESS_LIMIT, NOW - 1_000)])).toEqual({ locked: true, retryAfterSeconds: 59 });
  });

  it('passes each key to the limit function', () => {
    const asked: string[] = [];
    loginLockout(
      [account(1, NOW), address(1, NOW)],
      NOW,
      (key) => {
        asked.push(key);
        return 10;
      },
      WINDOW_MS,
    );
    expect(asked).toEqual(['m:13800138000', 'ip:203.0.113.7']);
  });

  it('is locked when either key is, whatever the other says', () => {
    expect(lockout([account(5, NOW - 1_000), address(1, NOW - 1_000)])).toEqual({
      locked: true,
      retryAfterSeconds: 59,
    });
    expect(lockout([account(1, NOW - 1_000), address(30, NOW - 20_000)])).toEqual({
      locked: true,
      retryAfterSeconds: 40,
    });
  });

  it('when both keys are locked, waits for the later of the two to open', () => {
    // The account opens in 10 s, the address in 40 s.
    const counts = [account(5, NOW - 50_000), address(30, NOW - 20_000)];
    expect(lockout(counts)).toEqual({ locked: true, retryAfterSeconds: 40 });
    expect(lockout([...counts].reverse())).toEqual({ locked: true, retryAfterSeconds: 40 });
    expect(lockout(counts, NOW + 40_000)).toEqual({ locked: false });
  });

  it('ignores a key below its limit when working out the wait', () => {
    // The address's older failures would mean a 55 s wait, but the address is not over its limit.
    const counts = [account(5, NOW - 50_000), address(29, NOW - 5_000)];
    expect(lockout(counts)).toEqual({ locked: true, retryAfterSeconds: 10 });
  });

  it('follows the window it is given', () => {
    expect(loginLockout([account(5, NOW)], NOW, limit, 10_000)).toEqual({ locked: true, retryAfterSeconds: 10 });
    expect(loginLockout([account(5, NOW - 10_000)], NOW, limit, 10_000)).toEqual({ locked: false });
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
