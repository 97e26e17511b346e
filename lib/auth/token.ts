import 'server-only';
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import { cookies } from 'next/headers';

/**
 * Reads next-auth's session cookie without next-auth's per-request round trip (which derives the
 * key with HKDF, decrypts, runs callbacks and re-encrypts a fresh token on every call). Same format:
 * a JWE (dir, A256GCM) keyed by HKDF-SHA256(secret, "", "NextAuth.js Generated Encryption Key").
 * The key is derived once per secret.
 */
let cached: { secret: string; key: Uint8Array } | undefined;

function keyFor(secret: string): Uint8Array {
  if (cached?.secret !== secret) {
    cached = {
      secret,
      key: new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32)),
    };
  }
  return cached.key;
}

const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The server-side session id carried by this request's token, or null (absent, forged, expired). */
export async function sessionIdFromCookie(secret: string): Promise<string | null> {
  const store = await cookies();
  const token = COOKIE_NAMES.map((n) => store.get(n)?.value).find(Boolean);
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret), { clockTolerance: 15 });
    return typeof payload.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}
