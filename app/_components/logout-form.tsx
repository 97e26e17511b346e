'use client';

import { logoutAction } from '../logout-action';
import { SAVED_BOARDS_KEY } from './saved-boards-key';

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

/**
 * A form whose action first forgets the device, then ends the session on the server
 * (app/logout-action.ts) — no next-auth browser client (docs/decisions/0019-performance.md).
 */
export function LogoutForm({ label }: { label: string }) {
  return (
    <form
      action={async () => {
        await forgetDevice();
        await logoutAction();
      }}
    >
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-lg px-2 text-stone-800 hover:bg-stone-100"
      >
        {label}
      </button>
    </form>
  );
}
