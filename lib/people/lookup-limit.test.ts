import { describe, expect, it } from 'vitest';
import { failureKeys } from '../auth/login-limit';
import { LOOKUP_MISSES_PER_DAY, LOOKUP_WINDOW_MS, lookupMissKey, mayLookUp } from './lookup-limit';

describe('looking someone up by mobile and name', () => {
  it('allows ten misses a day, then none', () => {
    expect(LOOKUP_MISSES_PER_DAY).toBe(10);
    expect(LOOKUP_WINDOW_MS).toBe(86_400_000);
    for (let n = 0; n < LOOKUP_MISSES_PER_DAY; n++) expect(mayLookUp(n)).toBe(true);
    expect(mayLookUp(LOOKUP_MISSES_PER_DAY)).toBe(false);
    expect(mayLookUp(1_000)).toBe(false);
  });

  it('counts each staff member apart, under a key no login failure uses', () => {
    expect(lookupMissKey(7)).toBe('grant-lookup:7');
    expect(lookupMissKey(7)).not.toBe(lookupMissKey(8));
    // Login failures are counted under "p:", "ip:", "m:" and "d:" keys: never this one.
    const login = Object.values(failureKeys('13800000004', '127.0.0.1', 'dev'));
    expect(login.some((k) => k?.split(':')[0] === 'grant-lookup')).toBe(false);
  });
});
