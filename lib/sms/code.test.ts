import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import {
  canSendSmsCode,
  checkSmsCode,
  generateSmsCode,
  hashSmsCode,
  type IssuedSmsCode,
  normaliseSmsCode,
  SMS_CAP_WINDOW_MS,
  SMS_CODE_TTL_MS,
  SMS_DAILY_CAP_PER_ADDRESS,
  SMS_DAILY_CAP_PER_MOBILE,
  SMS_DAILY_WRONG_TRIES_PER_MOBILE,
  SMS_MAX_TRIES,
  SMS_RESEND_INTERVAL_MS,
  SMS_UNBIASED_LIMIT,
  type SmsSendHistory,
  type SmsTally,
  smsGuessingChance,
} from './code';

const NOW = Date.UTC(2026, 2, 1, 8);
const MOBILE = '13800000004';
const PEPPER = 'a pepper of at least sixteen bytes';

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
function scripted(values: number[]) {
  let i = 0;
  const source = (n: number) => {
    const v = values[i++];
    if (v === undefined) throw new Error('ran out of scripted values');
    return Uint8Array.from(be32(v).slice(0, n));
  };
  return { source, calls: () => i };
}

describe('the numbers', () => {
  it('are those of the issue: 6 digits, 5 minutes, 60 s between sends, 5 tries', () => {
    expect(SMS_CODE_TTL_MS).toBe(300_000);
    expect(SMS_RESEND_INTERVAL_MS).toBe(60_000);
    expect(SMS_MAX_TRIES).toBe(5);
    expect([SMS_DAILY_CAP_PER_MOBILE, SMS_DAILY_CAP_PER_ADDRESS, SMS_DAILY_WRONG_TRIES_PER_MOBILE]).toEqual([
      10, 50, 10,
    ]);
    expect(SMS_CAP_WINDOW_MS).toBe(86_400_000);
  });
});

describe('generateSmsCode', () => {
  it('takes a 32-bit draw modulo 10^6, with leading zeros', () => {
    expect(generateSmsCode(scripted([123_456]).source)).toBe('123456');
    expect(generateSmsCode(scripted([42]).source)).toBe('000042');
    expect(generateSmsCode(scripted([7_000_001]).source)).toBe('000001');
  });

  it('has no modulo bias, by construction: draws at or above the last whole multiple of 10^6 are drawn again', () => {
    expect(SMS_UNBIASED_LIMIT).toBe(4_294_000_000);
    expect(SMS_UNBIASED_LIMIT % 1_000_000).toBe(0);
    expect(2 ** 32 - SMS_UNBIASED_LIMIT).toBeLessThan(1_000_000);
    // Kept, every draw below the limit maps 4,294 times onto each code; 2^32 - 1 would make 0..967,295 likelier.
    const top = scripted([2 ** 32 - 1, SMS_UNBIASED_LIMIT, SMS_UNBIASED_LIMIT - 1]);
    expect(generateSmsCode(top.source)).toBe('999999');
    expect(top.calls()).toBe(3);
  });

  it('gives each last digit about equally often (chi-square over 100,000 codes)', () => {
    const r = createRandom(9);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => r.int(0, 255));
    const counts = Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const d = Number(generateSmsCode(bytes).slice(-1));
      counts[d] = (counts[d] ?? 0) + 1;
    }
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.9); // 9 degrees of freedom, 99.9th percentile
  });

  it('refuses a byte source that gives too few bytes', () => {
    expect(() => generateSmsCode(() => new Uint8Array(2))).toThrow(/fewer bytes/);
  });
});

describe('canSendSmsCode', () => {
  const none: SmsTally = { n: 0, first: 0, last: 0 };
  const history = (parts: Partial<SmsSendHistory>): SmsSendHistory => ({
    mobile: none,
    address: none,
    wrongTries: none,
    ...parts,
  });

  it('sends the first code', () => {
    expect(canSendSmsCode(history({}), NOW)).toEqual({ ok: true });
  });

  it('waits 60 s after the last code to the same mobile', () => {
    const sent = { n: 1, first: NOW - 20_000, last: NOW - 20_000 };
    expect(canSendSmsCode(history({ mobile: sent }), NOW)).toEqual({
      ok: false,
      reason: 'resend-too-soon',
      retryAfterSeconds: 40,
    });
    expect(canSendSmsCode(history({ mobile: sent }), NOW + 40_000)).toEqual({ ok: true });
  });

  it('stops at 10 codes a day to one mobile, until the earliest is 24 hours old', () => {
    const mobile = { n: 10, first: NOW - 3_600_000, last: NOW - 120_000 };
    expect(canSendSmsCode(history({ mobile }), NOW)).toEqual({
      ok: false,
      reason: 'mobile-daily-cap',
      retryAfterSeconds: 23 * 3600,
    });
    expect(canSendSmsCode(history({ mobile }), NOW + 23 * 3_600_000)).toEqual({ ok: true });
  });

  it('stops at 50 codes a day from one address, and after 10 wrong codes for one mobile', () => {
    const address = { n: 50, first: NOW - 1000, last: NOW - 1000 };
    expect(canSendSmsCode(history({ address }), NOW)).toMatchObject({ ok: false, reason: 'address-daily-cap' });
    expect(canSendSmsCode(history({ address: { ...address, n: 49 } }), NOW)).toEqual({ ok: true });
    const wrongTries = { n: 10, first: NOW - 1000, last: NOW - 500 };
    expect(canSendSmsCode(history({ wrongTries }), NOW)).toMatchObject({ ok: false, reason: 'too-many-wrong-tries' });
  });
});

describe('normaliseSmsCode', () => {
  it('forgives spaces, dashes and full-width digits, and refuses anything but six digits', () => {
    expect(normaliseSmsCode(' 123 456 ')).toBe('123456');
    expect(normaliseSmsCode('123-456')).toBe('123456');
    expect(normaliseSmsCode('１２３４５６')).toBe('123456');
    for (const bad of ['12345', '1234567', '12a456', '', '١٢٣٤٥٦x']) expect(normaliseSmsCode(bad)).toBeNull();
  });
});

describe('checkSmsCode', () => {
  const issued = (parts: Partial<IssuedSmsCode> = {}): IssuedSmsCode => ({
    codeHash: hashSmsCode(MOBILE, '123456', PEPPER),
    sentAt: NOW,
    tries: 0,
    usedAt: null,
    ...parts,
  });

  it('accepts the code sent to that mobile, however it is typed', () => {
    expect(checkSmsCode(issued(), MOBILE, '123456', PEPPER, NOW + 1000)).toEqual({ ok: true });
    expect(checkSmsCode(issued(), MOBILE, '１２３ ４５６', PEPPER, NOW + 1000)).toEqual({ ok: true });
  });

  it('counts a wrong code, and the fifth wrong one spends it', () => {
    expect(checkSmsCode(issued(), MOBILE, '654321', PEPPER, NOW)).toEqual({
      ok: false,
      reason: 'wrong',
      tries: 1,
      triesLeft: 4,
    });
    expect(checkSmsCode(issued({ tries: 4 }), MOBILE, '654321', PEPPER, NOW)).toMatchObject({ tries: 5, triesLeft: 0 });
    expect(checkSmsCode(issued({ tries: 5 }), MOBILE, '123456', PEPPER, NOW)).toEqual({
      ok: false,
      reason: 'too-many-tries',
    });
  });

  it('refuses the right code for another mobile: the hash binds the mobile', () => {
    expect(checkSmsCode(issued(), '13800000005', '123456', PEPPER, NOW)).toMatchObject({ reason: 'wrong' });
  });

  it('lives five minutes, exactly', () => {
    expect(checkSmsCode(issued(), MOBILE, '123456', PEPPER, NOW + SMS_CODE_TTL_MS - 1)).toEqual({ ok: true });
    expect(checkSmsCode(issued(), MOBILE, '123456', PEPPER, NOW + SMS_CODE_TTL_MS)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('does not count what is not six digits, and says when there is no code or it was used', () => {
    expect(checkSmsCode(issued(), MOBILE, '12345', PEPPER, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSmsCode(null, MOBILE, '123456', PEPPER, NOW)).toEqual({ ok: false, reason: 'no-code' });
    expect(checkSmsCode(issued({ usedAt: NOW }), MOBILE, '123456', PEPPER, NOW)).toEqual({ ok: false, reason: 'used' });
  });
});

describe('smsGuessingChance', () => {
  it('is at most 10 in a million a day for one account, about 0.36 % over a year', () => {
    expect(smsGuessingChance(1)).toBeCloseTo(1e-5, 10);
    expect(smsGuessingChance(365)).toBeCloseTo(0.00364, 5);
  });
});
