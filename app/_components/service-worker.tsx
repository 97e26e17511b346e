'use client';

import { useEffect, useState } from 'react';

/**
 * Registers the service worker (app/sw.ts) so the app can be installed and its notice boards read
 * offline, and says plainly when the device is offline: what is on screen may be an earlier copy,
 * and nothing that needs the server (voting, raising, commenting) can be done until it is back.
 */
export function ServiceWorker({ offlineText }: { offlineText: string }) {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/serwist/sw.js', { scope: '/' }).catch(() => {
        // An old browser or a private window: the site works as before, just not offline.
      });
    }
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  if (!offline) return null;
  return (
    <p role="status" className="no-print fixed inset-x-0 bottom-0 z-50 bg-stone-900 px-4 py-3 text-center text-white">
      {offlineText}
    </p>
  );
}
