import 'server-only';
import { cookies } from 'next/headers';
import { SESSION_COOKIE_NAMES, sessionIdFromToken } from '../../lib/auth/jwe';

/**
 * Reads next-auth's session cookie without next-auth's per-request round trip (which derives the
 * key with HKDF, decrypts, runs callbacks and re-encrypts a fresh token on every call).
 */
export async function sessionIdFromCookie(secret: string): Promise<string | null> {
  const store = await cookies();
  const token = SESSION_COOKIE_NAMES.map((n) => store.get(n)?.value).find(Boolean);
  return token ? sessionIdFromToken(token, secret) : null;
}
