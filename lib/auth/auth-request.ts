/**
 * Requests next-auth 4 cannot handle and answers with a 500: a callbackUrl (query or cookie) it will
 * not redirect to, which it reports as a "server configuration" problem, or one in the body its
 * redirect callback cannot parse; a GET to the credentials callback ("not supported" thrown); a
 * JSON body that does not parse. Refused before it sees them,
 * with a message. Pure; app/api/auth/[...nextauth]/route.ts applies it.
 */

export interface AuthRequest {
  method: string;
  /** The path after /api/auth/, e.g. ['callback', 'credentials']. */
  segments: readonly string[];
  /** Every callbackUrl in the query string. */
  callbackUrls: readonly string[];
  /** The callback-url cookie next-auth keeps between requests, if any. */
  callbackCookie: string | undefined;
  /** A POST's form or JSON body, as next-auth will read it. */
  body?: { parses: boolean; callbackUrls: readonly unknown[] };
}

export interface AuthRefusal {
  status: 400 | 405;
  message: string;
  allow?: string;
  /** The callback-url cookie is what is wrong: clear it, so the next request goes through. */
  clearCallbackCookie?: boolean;
}

export const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'] as const;

/**
 * next-auth's own test of the query's callbackUrl (core/lib/assert.js): a path on this site or an
 * absolute http(s) URL. Applied to the body's too, where its redirect callback throws on what
 * `new URL` cannot parse.
 */
export function isAcceptableCallbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? 'http://localhost' : undefined).protocol);
  } catch {
    return false;
  }
}

export function authRefusal(r: AuthRequest): AuthRefusal | null {
  if (r.segments[0] === 'callback' && r.segments[1] === 'credentials' && r.method !== 'POST') {
    return { status: 405, message: 'Sign in by POSTing the login form to this address.', allow: 'POST' };
  }
  const inBody = r.body?.callbackUrls ?? [];
  if (r.callbackUrls.length > 1 || [...r.callbackUrls, ...inBody].some((u) => !isAcceptableCallbackUrl(u))) {
    return { status: 400, message: 'callbackUrl must be one path on this site or an http(s) address.' };
  }
  if (r.callbackCookie !== undefined && !isAcceptableCallbackUrl(r.callbackCookie)) {
    return {
      status: 400,
      message: 'The callback-url cookie was invalid and has been cleared; try again.',
      clearCallbackCookie: true,
    };
  }
  if (r.body?.parses === false) return { status: 400, message: 'The request body is not valid JSON.' };
  return null;
}
