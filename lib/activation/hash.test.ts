import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateActivationCode } from './code';
import { hashActivationCode, sameHash } from './hash';

const PEPPER = 'a pepper of at least sixteen bytes';

describe('hashActivationCode', () => {
  it('is HMAC-SHA-256 of the domain line and the code: pinned, since a change would void every printed letter', () => {
    // Checked with: printf 'yishi/activation-code/v1\n32222222222M' | openssl dgst -sha256 -hmac '<pepper>'
    expect(hashActivationCode('32222222222M', PEPPER)).toBe(
      '99fc2154311c3148bc95de43e0f08a567bec3e8e896ac53027bac45a31a0d897',
    );
  });

  it('differs with the pepper and with the code, and takes the pepper as bytes too', () => {
    const base = hashActivationCode('32222222222M', PEPPER);
    expect(hashActivationCode('32222222222M', `${PEPPER}!`)).not.toBe(base);
    expect(hashActivationCode('4222222222AQ', PEPPER)).not.toBe(base);
    expect(hashActivationCode('32222222222M', Buffer.from(PEPPER))).toBe(base);
  });

  it('refuses a code that is not canonical and a pepper too short to be a secret: bugs in the caller', () => {
    expect(() => hashActivationCode('3222-2222-222M', PEPPER)).toThrow(/canonical/);
    expect(() => hashActivationCode('32222222222m', PEPPER)).toThrow(/canonical/);
    expect(() => hashActivationCode('32222222222M', 'short')).toThrow(/pepper/);
    expect(() => hashActivationCode('32222222222M', new Uint8Array(15))).toThrow(/pepper/);
  });

  it('hashes the codes of a 10,000-unit compound in well under the 10 s asked', () => {
    const pepper = randomBytes(32);
    const started = performance.now();
    const hashes = new Set<string>();
    for (let i = 0; i < 10_000; i++) hashes.add(hashActivationCode(generateActivationCode(randomBytes), pepper));
    expect(hashes.size).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('sameHash', () => {
  it('is true only for the same text', () => {
    const h = hashActivationCode('32222222222M', PEPPER);
    expect(sameHash(h, `${h}`)).toBe(true);
    expect(
      sameHash(
        h,
        h.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      ),
    ).toBe(false);
    expect(sameHash(h, h.slice(1))).toBe(false);
    expect(sameHash('', '')).toBe(true);
  });
});
