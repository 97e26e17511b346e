'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { readSavedBoards, type SavedBoard } from '../_components/offline-copy';

/** The notice boards this device kept (app/_components/offline-copy.tsx), newest first. */
export function SavedBoards() {
  const t = useTranslations('app');
  const [boards, setBoards] = useState<SavedBoard[] | null>(null);
  useEffect(() => setBoards(readSavedBoards()), []);
  if (boards === null) return null;
  if (boards.length === 0) return <p>{t('noSavedBoards')}</p>;
  return (
    <ul className="space-y-2">
      {boards.map((b) => (
        <li key={b.url}>
          {/* A full page load, so the service worker answers it from its copy. */}
          <a
            href={b.url}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
          >
            {b.name}
          </a>
          <span className="block text-sm text-stone-700">
            {t('savedOn', { date: new Date(b.savedAt).toLocaleString(document.documentElement.lang) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
