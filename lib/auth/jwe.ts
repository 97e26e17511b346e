import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';

/**
 * next-auth's session token format, read without next-auth: a JWE (dir, A256GCM) keyed by
 * HKDF-SHA256(secret, "", "NextAuth.js Generated Encryption Key"). The key is derived once per secret.
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

export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The server-side session id a token carries, or null (forged, expired, malformed). */
export async function sessionIdFromToken(token: string, secret: string): Promise<string | null> {
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret), { clockTolerance: 15 });
    return typeof payload.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}
