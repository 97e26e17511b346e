import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from './_components/button';

export default async function NotFound() {
  const t = await getTranslations('app');
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <p className="font-bold text-5xl text-stone-300">404</p>
      <h1 className="mt-2 font-bold text-2xl">{t('notFound')}</h1>
      <p className="mt-2 text-stone-600">{t('notFoundHint')}</p>
      <Link href="/" className={buttonClass('primary', 'mt-6')}>
        {t('backHome')}
      </Link>
    </div>
  );
}
