import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionActor, touchSession } from '@/db/queries/auth';
import { env } from '@/lib/env';
import { authOptions } from './options';
import type { Actor } from './permissions';

/** Seen-at is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The person behind this request, or null. The signed token names a server-side session; that
 * record decides: revoked (logout, password change), idle too long, or too old → no actor.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (typeof sid !== 'string') return null;
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
