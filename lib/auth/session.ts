import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionActor, touchSession } from '@/db/queries/auth';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { sessionIdFromCookie } from './token';
import type { Actor } from './permissions';

/** Seen-at is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The person behind this request, or null. The signed token names a server-side session; that
 * record decides: revoked (logout, password change), idle too long, or too old → no actor.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await sessionIdFromCookie(authSecret());
  if (!sid) return null;
  const record = loadSessionActor(sid);
  if (!record || record.revokedAt !== null) return null;
  const now = Date.now();
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  if (now - record.lastSeenAt > SESSION_IDLE_MINUTES * 60_000) return null;
  if (now - record.createdAt > SESSION_MAX_HOURS * 3_600_000) return null;
  if (now - record.lastSeenAt > TOUCH_EVERY_MS) touchSession(sid, now);
  return record.actor;
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
