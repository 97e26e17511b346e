/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from 'serwist';
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist } from 'serwist';

/**
 * The service worker (bundled by app/serwist/[path]/route.ts). It keeps the app's shell (scripts,
 * styles, icons: precached at install) and the notice boards a person has opened, so a board can be
 * read without a connection. Every other page needs the server and is never served from a cache:
 * offline, it answers with the offline page, which says so. It also shows pushes and opens what a
 * tap on one points to.
 */

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Also named in app/_components/offline-copy.tsx, which saves a board here when it is opened. */
const BOARDS = 'yishi-boards';
const BOARD_PATH = /^\/c\/\d+\/board\/?$/;

// Registered by app/_components/service-worker.tsx, which does not reload pages when the connection
// comes back (that would throw away what a person typed).
const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === 'navigate' && BOARD_PATH.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: BOARDS,
        networkTimeoutSeconds: 6,
        plugins: [new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
    { matcher: ({ request }) => request.mode === 'navigate', handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: '/~offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();

interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

self.addEventListener('push', (event) => {
  let data: PushPayload;
  try {
    data = event.data?.json() as PushPayload;
  } catch {
    return;
  }
  if (!data?.title) return;
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: data.body,
      tag: data.tag,
      data: { url: data.url },
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      lang: 'zh-CN',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(String(event.notification.data?.url ?? '/'), self.location.origin);
  // Only ever open a page of this site, whatever a push said.
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => 'focus' in w);
      if (open) return open.navigate(target).then((w) => w?.focus());
      return self.clients.openWindow(target);
    }),
  );
});
