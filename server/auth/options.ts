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
  noticeLoginFailures,
  recordLoginFailure,
  revokeSession,
} from '@/db/auth/sessions';
import { env } from '@/lib/env';
import { knownDevice, rememberThisDevice } from './device';
import {
  ACCOUNT_HORIZON_MS,
  failureKeys,
  type LoginAttempt,
  type LoginLimits,
  loginWait,
  MOBILE_PATTERN,
  NO_FAILURES,
  shouldTellHolder,
  waitCode,
} from '../../lib/auth/login-limit';
import { checkSmsSignIn } from '../sms/sign-in';
import { authSecret } from './secret';
import { actorOfSession } from './session-record';

// Without NEXTAUTH_URL, next-auth v4 builds its redirects from the request's own host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

/** Verified against when the mobile is unknown, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

/** The first wait of the account-wide slow-down; it doubles with each further failure. */
const SLOWDOWN_FIRST_MS = 15_000;

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: unknown, name: string): string {
  const value = (headers as HeaderBag | undefined)?.[name];
  return (Array.isArray(value) ? value.join(',') : value) ?? '';
}

/**
 * The production server (server/http/worker.ts) has replaced X-Forwarded-For with the one address the
 * TRUSTED_PROXIES rule finds (docs/decisions/0014). Under `next dev` nothing has: the header is
 * whatever the client sent, or the socket's peer when it sent none.
 */
function clientAddressOf(headers: unknown): string {
  return header(headers, 'x-forwarded-for').split(',').at(-1)?.trim() || 'unknown';
}

function loginLimits(): LoginLimits {
  const e = env();
  return {
    maxFailures: e.LOGIN_MAX_FAILURES,
    maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMs: e.LOGIN_WINDOW_SECONDS * 1000,
    slowdownAfter: e.LOGIN_SLOWDOWN_AFTER,
    slowdownFirstMs: SLOWDOWN_FIRST_MS,
    slowdownMaxMs: e.LOGIN_SLOWDOWN_MAX_SECONDS * 1000,
  };
}

function tallies(keys: ReturnType<typeof failureKeys>, now: number, windowMs: number): LoginAttempt {
  const recent = countLoginFailures([keys.pair, keys.address], now - windowMs);
  const daily = countLoginFailures(
    keys.device ? [keys.account, keys.device] : [keys.account],
    now - ACCOUNT_HORIZON_MS,
  );
  const of = (rows: typeof recent, key: string) => rows.find((r) => r.key === key) ?? NO_FAILURES;
  return {
    pair: of(recent, keys.pair),
    address: of(recent, keys.address),
    account: of(daily, keys.account),
    knownDevice: keys.device ? of(daily, keys.device) : null,
  };
}

/**
 * Login errors travel to the form as codes: 'mobile', 'invalid', 'wait:<reason>:<seconds>'. The form
 * translates them; nothing here says whether the mobile number exists (an unknown one is counted
 * and slowed down like any other).
 */
async function authorize(credentials: Record<string, string> | undefined, headers: unknown) {
  const mobile = (credentials?.mobile ?? '').trim();
  const password = credentials?.password ?? '';
  if (!MOBILE_PATTERN.test(mobile)) throw new Error('mobile');
  const limits = loginLimits();
  const now = Date.now();
  const person = findLoginByMobile(mobile);
  const deviceId = person ? await knownDevice(person.id, now) : null;
  const keys = failureKeys(mobile, clientAddressOf(headers), deviceId);
  const before = loginWait(tallies(keys, now, limits.windowMs), limits, now);
  if (before.wait) throw new Error(waitCode(before));

  let ok = false;
  if (person?.passwordHash && !person.disabled && password.length <= 256) {
    ok = await verify(person.passwordHash, password);
  } else {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, password.slice(0, 256));
  }
  if (!ok || !person) {
    const counted = [keys.pair, keys.address, keys.account, ...(keys.device ? [keys.device] : [])];
    recordLoginFailure(counted, now, now - Math.max(ACCOUNT_HORIZON_MS, limits.windowMs));
    const after = tallies(keys, now, limits.windowMs);
    if (person && shouldTellHolder(after.account.n, limits)) {
      noticeLoginFailures(person.id, after.account.n, now, now - ACCOUNT_HORIZON_MS);
    }
    const wait = loginWait(after, limits, now);
    throw new Error(wait.wait ? waitCode(wait) : 'invalid');
  }
  // The account-wide tally stays: the owner logging in must not hand a guesser a fresh allowance.
  clearLoginFailures(keys.device ? [keys.pair, keys.device] : [keys.pair]);
  return startSession(person, deviceId, headers, now);
}

/** A server-side session for a person who has proved who they are, and this browser remembered as theirs. */
async function startSession(
  person: { id: number; name: string },
  deviceId: string | null,
  headers: unknown,
  now: number,
) {
  const sid = randomUUID();
  createSession(sid, person.id, now);
  const https =
    (process.env.NEXTAUTH_URL ?? '').startsWith('https:') || header(headers, 'x-forwarded-proto') === 'https';
  await rememberThisDevice(person.id, deviceId, now, https);
  return { id: String(person.id), name: person.name, sid };
}

/**
 * Sign-in with a code sent by SMS (server/sms/sign-in.ts; off unless SMS_DRIVER is set). Errors travel to the form
 * as 'sms:<reason>' or 'sms:wrong:<tries left>'; the code's own limits (5 tries, 5 minutes, daily caps) bound
 * guessing (lib/sms/code.ts), so the password limits are not asked.
 */
async function authorizeSms(credentials: Record<string, string> | undefined, headers: unknown) {
  const mobile = (credentials?.mobile ?? '').trim();
  if (!MOBILE_PATTERN.test(mobile)) throw new Error('mobile');
  const now = Date.now();
  const checked = checkSmsSignIn(mobile, credentials?.code ?? '', now);
  if (!checked.ok)
    throw new Error(checked.reason === 'wrong' ? `sms:wrong:${checked.triesLeft}` : `sms:${checked.reason}`);
  return startSession(checked.person, await knownDevice(checked.person.id, now), headers, now);
}

/** Thrown when a token names a session that has ended; next-auth then answers "no session". */
class SessionEnded extends Error {}

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
      CredentialsProvider({
        id: 'sms',
        name: 'sms',
        credentials: { mobile: { type: 'text' }, code: { type: 'text' } },
        authorize: (credentials, req) => authorizeSms(credentials, req.headers),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          if ('sid' in user && typeof user.sid === 'string') token.sid = user.sid;
          return token;
        }
        // Every later read of the token (/api/auth/session) asks the server-side session, as pages
        // do: a logged-out, idle or expired one gets no session and no refreshed cookie.
        if (typeof token.sid !== 'string' || !actorOfSession(token.sid, Date.now())) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session asked about is an answer (no session), not a fault worth a stack trace.
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata);
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
