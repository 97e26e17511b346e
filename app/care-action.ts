'use server';

import { cookies } from 'next/headers';
import { CARE_COOKIE } from './_components/care';

/** Anyone may switch elderly mode on or off, signed in or not; the choice stays on the device for a year. */
export async function setCareMode(on: boolean): Promise<void> {
  if (typeof on !== 'boolean') return;
  const store = await cookies();
  if (on) store.set(CARE_COOKIE, '1', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  else store.delete(CARE_COOKIE);
}
