'use server';

import { cookies } from 'next/headers';

/** The cookie that remembers elderly mode (关怀模式) on this device, for a year. */
export const CARE_COOKIE = 'care';

/** Anyone may switch elderly mode on or off, signed in or not; the choice stays on the device. */
export async function setCareMode(on: boolean): Promise<void> {
  if (typeof on !== 'boolean') return;
  const store = await cookies();
  if (on) store.set(CARE_COOKIE, '1', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  else store.delete(CARE_COOKIE);
}
