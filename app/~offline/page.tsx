import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SavedBoards } from './saved-boards';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('offline'))('title') };
}

/**
 * What the service worker shows for a page that needs the server while the device is offline
 * (precached at install; the layout shows no personal header on it). It says so plainly, and lists
 * the notice boards kept on this device for reading.
 */
export default async function OfflinePage() {
  const t = await getTranslations('offline');
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p>{t('explain')}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t('cannotVote')}</li>
        <li>{t('cannotWrite')}</li>
        <li>{t('willReturn')}</li>
      </ul>
      <section aria-labelledby="saved-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="saved-h" className="mb-2 font-semibold text-lg">
          {t('savedTitle')}
        </h2>
        <SavedBoards />
      </section>
    </div>
  );
}
