'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { SAVED_BOARDS_KEY } from './offline-copy';

/**
 * Logging out also forgets this device's offline copies (the notice boards the service worker
 * kept) and its push subscription: the next person to use the phone must not read or be sent
 * the last one's.
 */
async function forgetDevice() {
  try {
    localStorage.removeItem(SAVED_BOARDS_KEY);
    if ('caches' in window)
      for (const name of await caches.keys()) if (name.startsWith('yishi-')) await caches.delete(name);
    const reg = await navigator.serviceWorker?.getRegistration('/');
    const sub = await reg?.pushManager?.getSubscription();
    await sub?.unsubscribe();
  } catch {
    // Nothing to forget, or the browser refused: logging out must still work.
  }
}

export function LogoutButton() {
  const t = useTranslations('app');
  return (
    <button
      type="button"
      onClick={async () => {
        await forgetDevice();
        await signOut({ callbackUrl: '/login' });
      }}
      className="inline-flex min-h-11 items-center rounded-lg px-2 text-stone-800 hover:bg-stone-100"
    >
      {t('logout')}
    </button>
  );
}
