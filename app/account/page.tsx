import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { ChangePasswordForm } from './change-password-form';
import { MyBallots, MyData } from './my-data';
import { MyHome } from './my-home';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const t = await getTranslations('account');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{actor.name}</p>
      <MyHome personId={actor.personId} />
      <MyBallots personId={actor.personId} />
      <MyData personId={actor.personId} />
      <section aria-labelledby="pw" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="pw" className="mb-1 font-semibold text-lg">
          {t('changePassword')}
        </h2>
        <p className="mb-4 text-sm text-stone-600">{t('changeHint')}</p>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
