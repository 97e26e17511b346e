'use server';

import { cookies } from 'next/headers';
import { isLocale } from '@/i18n/locales';

/** Anyone may choose the language; the choice lives in a cookie for a year. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set('locale', locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
