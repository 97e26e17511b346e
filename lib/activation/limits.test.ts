import { describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_SPACE } from './code';
import {
  ACTIVATION_WINDOW_MS,
  ADDRESS_FAILURES_PER_HOUR,
  activationGate,
  addressBucket,
  CODE_FAILURES_PER_HOUR,
  type GateTallies,
  guessingEstimate,
  type HourTally,
  UNKNOWN_CODE_FAILURES_PER_HOUR,
} from './limits';

const NOW = Date.UTC(2026, 2, 1, 8);
const NONE: HourTally = { n: 0, first: 0 };
const tally = (n: number, agoMs: number): HourTally => ({ n, first: NOW - agoMs });
const gate = (parts: Partial<GateTallies>) =>
  activationGate({ address: NONE, code: null, unknownCodes: NONE, ...parts }, NOW);

describe('the limits', () => {
  it('are the numbers the README quotes', () => {
    expect([ADDRESS_FAILURES_PER_HOUR, CODE_FAILURES_PER_HOUR, UNKNOWN_CODE_FAILURES_PER_HOUR]).toEqual([20, 10, 1000]);
    expect(ACTIVATION_WINDOW_MS).toBe(3600_000);
  });
});

describe('activationGate', () => {
  it('is open below every limit', () => {
    expect(gate({})).toEqual({ open: true });
    expect(gate({ address: tally(19, 1000), code: tally(9, 1000), unknownCodes: tally(999, 1000) })).toEqual({
      open: true,
    });
  });

  it('closes an address at 20 failures until the earliest leaves the hour', () => {
    expect(gate({ address: tally(20, 10 * 60_000) })).toEqual({
      open: false,
      reason: 'address',
      retryAfterSeconds: 3000,
    });
    expect(gate({ address: tally(20, ACTIVATION_WINDOW_MS) })).toEqual({ open: true });
  });

  it('closes a code at 10 failures, and everything at 1,000 unknown codes an hour', () => {
    expect(gate({ code: tally(10, 0) })).toEqual({ open: false, reason: 'code', retryAfterSeconds: 3600 });
    expect(gate({ unknownCodes: tally(1000, 59 * 60_000 + 500) })).toEqual({
      open: false,
      reason: 'everywhere',
      retryAfterSeconds: 60,
    });
  });

  it('gives the longest wait when several limits are reached, rounded up to a whole second', () => {
    expect(gate({ address: tally(20, 50 * 60_000), code: tally(10, 20 * 60_000 + 1) })).toEqual({
      open: false,
      reason: 'code',
      retryAfterSeconds: 2400,
    });
  });
});

describe('addressBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:1.2.3.4', '0:0:0:0::/64'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4::/64'],
    ['unknown', 'unknown'],
    ['1::2::3', '1::2::3'],
    ['1:2:3', '1:2:3'],
    ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
    ['g::1', 'g::1'],
  ])('%s → %s', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });

  it('puts every address of one /64 in one bucket', () => {
    expect(addressBucket('2001:db8:aa:bb:1::')).toBe(addressBucket('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
    expect(addressBucket('2001:db8:aa:bb::')).not.toBe(addressBucket('2001:db8:aa:bc::'));
  });
});

describe('guessingEstimate: what blind guessing gets an attacker', () => {
  const district = 150_000;

  it('from one address, with every home of a 150,000-home district holding an open letter: 651,880 years', () => {
    const e = guessingEstimate({ openCodes: district });
    expect(e.guessesPerHour).toBe(20);
    expect(e.chancePerGuess).toBeCloseTo(district / Number(ACTIVATION_CODE_SPACE), 20);
    expect(e.expectedGuesses).toBeCloseTo(1.1429e11, -8);
    expect(Math.round(e.expectedYears)).toBe(651_880);
    expect(e.chanceInAYear).toBeCloseTo(1.534e-6, 8);
  });

  it('from any number of addresses: held to 1,000 guesses an hour everywhere, 13,038 years', () => {
    for (const addresses of [50, 10_000, 1_000_000]) {
      const e = guessingEstimate({ openCodes: district, addresses });
      expect(e.guessesPerHour).toBe(1000);
      expect(Math.round(e.expectedYears)).toBe(13_038);
      expect(e.chanceInAYear).toBeCloseTo(7.67e-5, 7);
    }
  });

  it('without the limit everywhere, a million addresses would find an open code in under a year', () => {
    const e = guessingEstimate({ openCodes: district, addresses: 1_000_000, limitEverywhere: false });
    expect(e.guessesPerHour).toBe(20_000_000);
    expect(e.expectedYears).toBeCloseTo(0.652, 3);
    expect(e.chanceInAYear).toBeCloseTo(0.784, 3);
  });

  it('is (N + 1) / (K + 1) guesses, checked on a space small enough to count', () => {
    // 10 codes, 1 open: on average the open one is found at guess 5.5.
    expect(guessingEstimate({ openCodes: 1, codeSpace: 10n }).expectedGuesses).toBe(5.5);
    expect(guessingEstimate({ openCodes: 10, codeSpace: 10n }).expectedGuesses).toBe(1);
  });
});
