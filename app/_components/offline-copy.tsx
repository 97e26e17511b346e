'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { SAVED_BOARDS_KEY } from './saved-boards-key';

export { SAVED_BOARDS_KEY };

/** The cache the service worker reads boards from offline (app/sw.ts), and the list the offline page shows. */
export const BOARDS_CACHE = 'yishi-boards';

export interface SavedBoard {
  url: string;
  name: string;
  savedAt: number;
}

export function readSavedBoards(): SavedBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(SAVED_BOARDS_KEY) ?? '[]') as SavedBoard[];
    return Array.isArray(list) ? list.filter((b) => typeof b.url === 'string' && b.url.startsWith('/c/')) : [];
  } catch {
    return [];
  }
}

/**
 * Keeps a copy of this notice board on the device whenever it is opened online (however it was
 * reached), so it can be read without a connection; offline, says when the copy was saved.
 */
export function OfflineCopy({ name }: { name: string }) {
  const t = useTranslations('app');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const url = window.location.pathname;
    const known = readSavedBoards().find((b) => b.url === url);
    if (!navigator.onLine) {
      setOffline(true);
      setSavedAt(known?.savedAt ?? null);
      return;
    }
    if (!('caches' in window)) return;
    caches
      .open(BOARDS_CACHE)
      .then((cache) => cache.add(url))
      .then(() => {
        const now = Date.now();
        const others = readSavedBoards().filter((b) => b.url !== url);
        localStorage.setItem(SAVED_BOARDS_KEY, JSON.stringify([{ url, name, savedAt: now }, ...others].slice(0, 20)));
      })
      .catch(() => {
        // No room, or a private window: the board is still there online.
      });
  }, [name]);
  if (!offline) return null;
  return (
    <p role="note" className="rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300">
      {savedAt
        ? t('offlineCopy', { date: new Date(savedAt).toLocaleString(document.documentElement.lang) })
        : t('offlineCopyUnknown')}
    </p>
  );
}
