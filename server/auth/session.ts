import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authSecret } from './secret';
import { actorOfSession } from './session-record';
import { sessionIdFromCookie } from './token';
import type { Actor } from '../../lib/auth/permissions';

/**
 * The person behind this request, or null. The signed token names a server-side session; that
 * record decides: revoked (logout, password change), idle too long, or too old → no actor.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await sessionIdFromCookie(authSecret());
  return sid ? actorOfSession(sid, Date.now()) : null;
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}
