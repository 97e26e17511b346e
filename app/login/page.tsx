import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/server/auth/session';
import { smsSender } from '@/server/sms/instance';
import { LoginTabs } from './login-tabs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage() {
  if (await getActor()) redirect('/');
  const t = await getTranslations('login');
  return (
    <div className="mx-auto max-w-md pt-6">
      <h1 className="mb-1 font-bold text-2xl">{t('title')}</h1>
      <p className="mb-6 text-stone-600">{t('intro')}</p>
      <LoginTabs sms={smsSender() !== null} />
      <p className="mt-6 text-sm text-stone-600">{t('help')}</p>
      <p className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
        <Link href="/activate" className="text-brand-700 underline">
          {t('activateLink')}
        </Link>
        <Link href="/join" className="text-brand-700 underline">
          {t('joinLink')}
        </Link>
      </p>
    </div>
  );
}
