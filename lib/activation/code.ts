/**
 * Activation codes (入户激活函): what a holder types, or scans, to open their own account. Pure: randomness
 * comes in as a function, so a test can fix it.
 *
 * The alphabet: the 30 symbols 23456789ABCDEFGHJKMNPQRSTVWXYZ. Digits and upper-case Latin letters without
 * the look-alikes 0/O, 1/I/L and U (read as V; Crockford's base 32 leaves it out too). There is no symbol that
 * passes for O, 0, 1, I or L, so those are reported as not belonging to a code rather than guessed at; a typed U
 * is read as V, the only symbol it could be meant for.
 *
 * The shape: 12 symbols shown as three groups of four, ABCD-EFGH-JKMN, to read aloud and type in pieces. The
 * first 11 are random; the 12th is a check symbol, so typos are caught on the form before any attempt is
 * counted against the code or the address. The check: with v(i) the symbol's value (its index in the alphabet)
 * and weights 1…12, Σ i·v(i) ≡ 0 (mod 31). 31 is prime and the weights are distinct, non-zero and no two sum to
 * 31, so every single wrong symbol, every swap of two symbols (adjacent or not) and every twin error (AA → BB)
 * is caught; other errors slip through about one time in 31. A check value of 30 has no symbol: the generator
 * draws again, so valid codes are uniform over the 11-symbol strings whose check exists.
 *
 * Entropy: 30^11 random strings, of which those needing the missing check value are dropped, leaves
 * ACTIVATION_CODE_SPACE = (30^12 − 1) / 31 = 17,143,258,064,516,129 ≈ 1.71 × 10^16 codes, log2 ≈ 53.93 bits
 * (≥ 50 asked).
 * The check symbol adds nothing to it: anyone can compute it.
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CODE_ALPHABET.length; // 30
const MODULUS = 31;
export const CODE_RANDOM_SYMBOLS = 11;
export const CODE_LENGTH = CODE_RANDOM_SYMBOLS + 1;
const GROUP = 4;
/** A byte below this is a symbol (byte % 30); one at or above it is drawn again, so no symbol is favoured. */
const BYTE_LIMIT = 256 - (256 % BASE); // 240

/** Symbols a person may type for another: only U, for V. */
const LOOKALIKES: Readonly<Record<string, string>> = { U: 'V' };
/** Typed characters that are never part of a code and have no single symbol they could stand for. */
export const EXCLUDED_SYMBOLS = '01ILO';

const symbolValue = new Map([...CODE_ALPHABET].map((ch, i) => [ch, i] as const));

/** Σ weight·value mod 31 over the given values, weights counted from 1. */
function weightedSum(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum = (sum + (i + 1) * (values[i] ?? 0)) % MODULUS;
  return sum;
}

// 12 · 13 = 156 = 5·31 + 1, so 13 is 12's inverse mod 31: check = -(Σ of the first 11) · 13 mod 31.
const INVERSE_OF_LAST_WEIGHT = 13;

/** The check value for 11 random values: 0…29 is a symbol, 30 is none. */
function checkValue(values: readonly number[]): number {
  return (((MODULUS - weightedSum(values)) % MODULUS) * INVERSE_OF_LAST_WEIGHT) % MODULUS;
}

/** True when a 12-symbol canonical code (alphabet symbols only, no separators) passes its check. */
export function hasValidCheck(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false;
  const values: number[] = [];
  for (const ch of code) {
    const v = symbolValue.get(ch);
    if (v === undefined) return false;
    values.push(v);
  }
  return weightedSum(values) === 0;
}

/**
 * A new code in canonical form (12 symbols, no separators). `randomBytes` is node:crypto's randomBytes in the
 * app; it is asked for 16 bytes at a time until 11 usable ones have come (15 of 16 are usable on average) and
 * once more when the check has no symbol (1 in 31): about 1.03 calls per code.
 */
export function generateActivationCode(randomBytes: (n: number) => Uint8Array): string {
  for (;;) {
    const values: number[] = [];
    while (values.length < CODE_RANDOM_SYMBOLS) {
      for (const byte of randomBytes(16)) {
        if (byte < BYTE_LIMIT && values.length < CODE_RANDOM_SYMBOLS) values.push(byte % BASE);
      }
    }
    const check = checkValue(values);
    if (check === BASE) continue;
    return [...values, check].map((v) => CODE_ALPHABET.charAt(v)).join('');
  }
}

/** How a code is printed and read aloud: ABCD-EFGH-JKMN. */
export function formatActivationCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}

export type TypedCode =
  | { ok: true; code: string }
  /** Nothing typed. */
  | { ok: false; reason: 'empty' }
  /** A character that is never in a code (0, O, 1, I, L, or anything else), 1-based position among the symbols. */
  | { ok: false; reason: 'symbol'; char: string; position: number }
  | { ok: false; reason: 'length'; length: number }
  /** Right length and symbols, but the check symbol disagrees: a typo, found without counting an attempt. */
  | { ok: false; reason: 'check' };

/*
 * Separators people put between groups: white space of every width (U+3000 from a Chinese IME included), the
 * dash family (-, ‐, ‑, –, —, －, 〜…), the minus sign, the katakana prolonged mark some IMEs give for '-',
 * underscores, full stops, middle dots and commas.
 */
const SEPARATORS = /[\s\p{Pd}\u2212\u30FC_.\u00B7\u30FB\u3002\uFF61,\u3001\uFF0C]/gu;

/**
 * What a person typed (or a QR code carried) as a canonical code, or why it is not one. NFKC first, so full-width
 * letters and digits from a Chinese IME (ＡＢＣＤ, ２３) become ASCII; then upper case, separators dropped, U read
 * as V. The result says which character is wrong, or that the length or the check is, so the form can say
 * "you mistyped" without spending an attempt.
 */
export function normaliseTypedCode(input: string): TypedCode {
  const cleaned = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  let code = '';
  let position = 0;
  for (const typed of cleaned) {
    position++;
    const ch = LOOKALIKES[typed] ?? typed;
    if (!symbolValue.has(ch)) return { ok: false, reason: 'symbol', char: typed, position };
    code += ch;
  }
  if (code.length !== CODE_LENGTH) return { ok: false, reason: 'length', length: code.length };
  return hasValidCheck(code) ? { ok: true, code } : { ok: false, reason: 'check' };
}

/**
 * The number of distinct codes the generator can produce, exactly: 11-symbol strings counted by their weighted
 * sum mod 31, less those whose check value would be 30. A bigint, because it is above 2^53.
 */
export function activationCodeSpace(): bigint {
  let bySum: bigint[] = Array.from({ length: MODULUS }, (_, r) => (r === 0 ? 1n : 0n));
  for (let i = 1; i <= CODE_RANDOM_SYMBOLS; i++) {
    const next: bigint[] = Array.from({ length: MODULUS }, () => 0n);
    for (let r = 0; r < MODULUS; r++) {
      const ways = bySum[r] ?? 0n;
      if (ways === 0n) continue;
      for (let v = 0; v < BASE; v++) {
        const s = (r + i * v) % MODULUS;
        next[s] = (next[s] ?? 0n) + ways;
      }
    }
    bySum = next;
  }
  // The check would be 30 (≡ -1) exactly when S + 12·(-1) ≡ 0, that is when the first 11 sum to 12 (mod 31).
  const withoutCheck = bySum[CODE_LENGTH] ?? 0n;
  return BigInt(BASE) ** BigInt(CODE_RANDOM_SYMBOLS) - withoutCheck;
}

export const ACTIVATION_CODE_SPACE = activationCodeSpace();

/** log2 of the code space: the entropy of one code, in bits. */
export const ACTIVATION_CODE_BITS = Math.log2(Number(ACTIVATION_CODE_SPACE));
