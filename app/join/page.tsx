import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { compoundsWithBuildings } from '@/db/households/join';
import { getActor } from '@/server/auth/session';
import { JoinForm } from './join-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('join');
  return { title: t('title') };
}

/** /join — a tenant or family member asks to join a home; signed in or not. */
export default async function JoinPage() {
  const [t, actor] = await Promise.all([getTranslations('join'), getActor()]);
  return (
    <div className="mx-auto max-w-md space-y-4 pt-2">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      <JoinForm compounds={compoundsWithBuildings()} signedInAs={actor?.name ?? null} />
    </div>
  );
}
