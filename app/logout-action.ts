'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revokeSession } from '@/db/auth/sessions';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/jwe';
import { authSecret } from '@/server/auth/secret';
import { sessionIdFromCookie } from '@/server/auth/token';

/**
 * Logging out: the server-side session ends (so the token is worthless wherever it was copied) and
 * the browser's cookie goes, then the login page. A form action, so the header's button needs no
 * JavaScript of its own — next-auth's browser client (12 KB) no longer ships with every page
 * (docs/decisions/0019-performance.md). Anyone may call it; with no session it only goes to the login page.
 */
export async function logoutAction(): Promise<void> {
  const sid = await sessionIdFromCookie(authSecret());
  if (sid) revokeSession(sid, Date.now());
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    // A __Secure- cookie is only replaced by one set with Secure, as it was.
    store.set(name, '', {
      path: '/',
      maxAge: 0,
      httpOnly: true,
      sameSite: 'lax',
      secure: name.startsWith('__Secure-'),
    });
  }
  redirect('/login');
}
