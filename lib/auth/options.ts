import 'server-only';
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import {
  clearLoginFailures,
  countLoginFailures,
  createSession,
  findLoginByMobile,
  recordLoginFailure,
  revokeSession,
} from '@/db/queries/auth';
import { env } from '@/lib/env';
import { loginLockout, MOBILE_PATTERN } from './login-limit';
import { authSecret } from './secret';

// Without NEXTAUTH_URL, next-auth v4 builds its redirects from the request's own host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

/** Verified against when the mobile is unknown, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

function clientAddress(headers: unknown): string {
  // Next sets x-forwarded-for from the socket unless a proxy already did; the first entry is the client.
  const h = headers as Record<string, string | undefined> | undefined;
  const xff = h?.['x-forwarded-for'] ?? '';
  return xff.split(',')[0]?.trim() || 'unknown';
}

/**
 * Login errors travel to the form as codes: 'mobile', 'invalid', 'locked:<seconds>'. The form
 * translates them; nothing here says whether the mobile number exists.
 */
async function authorize(credentials: Record<string, string> | undefined, headers: unknown) {
  const mobile = (credentials?.mobile ?? '').trim();
  const password = credentials?.password ?? '';
  if (!MOBILE_PATTERN.test(mobile)) throw new Error('mobile');
  const { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_SECONDS } = env();
  const limit = (key: string) => (key.startsWith('ip:') ? LOGIN_MAX_FAILURES_PER_ADDRESS : LOGIN_MAX_FAILURES);
  const now = Date.now();
  const windowMs = LOGIN_WINDOW_SECONDS * 1000;
  const keys = [`m:${mobile}`, `ip:${clientAddress(headers)}`];
  const lock = loginLockout(countLoginFailures(keys, now - windowMs), now, limit, windowMs);
  if (lock.locked) throw new Error(`locked:${lock.retryAfterSeconds}`);

  const person = findLoginByMobile(mobile);
  let ok = false;
  if (person?.passwordHash && !person.disabled && password.length <= 256) {
    ok = await verify(person.passwordHash, password);
  } else {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, password.slice(0, 256));
  }
  if (!ok || !person) {
    recordLoginFailure(keys, now, now - 24 * 3600 * 1000);
    const after = loginLockout(countLoginFailures(keys, now - windowMs), now, limit, windowMs);
    if (after.locked) throw new Error(`locked:${after.retryAfterSeconds}`);
    throw new Error('invalid');
  }
  clearLoginFailures(`m:${mobile}`);
  const sid = randomUUID();
  createSession(sid, person.id, now);
  return { id: String(person.id), name: person.name, sid };
}

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: env().SESSION_MAX_HOURS * 3600 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'mobile',
        credentials: { mobile: { type: 'text' }, password: { type: 'password' } },
        authorize: (credentials, req) => authorize(credentials, req.headers),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sid' in user && typeof user.sid === 'string') token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
    events: {
      signOut({ token }) {
        if (typeof token?.sid === 'string') revokeSession(token.sid, Date.now());
      },
    },
  };
  return options;
}
