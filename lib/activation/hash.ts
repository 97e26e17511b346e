import { createHmac, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './code';

/**
 * Activation codes are stored only as HMAC-SHA-256(pepper, code), hex. Not a plain hash: with 54 bits, a stolen
 * database could be searched offline for the codes still open (2^54 SHA-256 is days of GPU time); with a pepper
 * kept outside the database (derived from the server secret), the hashes are useless without it. Not a slow hash
 * (argon2): the code already carries 54 bits, guesses online are bounded by the limits in ./limits.ts, and
 * 10,000 letters must be made in seconds. Deterministic, so the lookup is by an indexed equality on the hash.
 */

// Binds a hash to this purpose, so the same pepper can never make an activation hash equal some other MAC.
const DOMAIN = 'yishi/activation-code/v1\n';
const MIN_PEPPER_BYTES = 16;
const CANONICAL = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The stored form of a canonical code (as generateActivationCode or normaliseTypedCode give it). */
export function hashActivationCode(code: string, pepper: Uint8Array | string): string {
  // A formatted or lower-case code would hash to something never found: a bug in the caller, not bad input.
  if (!CANONICAL.test(code)) throw new Error('hashActivationCode: the code must be canonical (normaliseTypedCode)');
  const key = typeof pepper === 'string' ? Buffer.from(pepper, 'utf8') : pepper;
  if (key.length < MIN_PEPPER_BYTES) throw new Error(`hashActivationCode: the pepper needs ${MIN_PEPPER_BYTES}+ bytes`);
  return createHmac('sha256', key).update(DOMAIN).update(code).digest('hex');
}

/** Equal hashes, compared in constant time (when a stored hash is compared in code rather than by the index). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
