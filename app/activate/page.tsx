import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActivateForm } from './activate-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('activation');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ code?: string | string[] }> };

/** /activate?code=… — where a letter's QR code leads: a holder opens their own account. Anyone may open it. */
export default async function ActivatePage({ searchParams }: Props) {
  const t = await getTranslations('activation');
  const raw = (await searchParams).code;
  // Only what a code could be is put back into the form; anything longer is not a code.
  const code = typeof raw === 'string' && raw.length <= 40 ? raw : '';
  return (
    <div className="mx-auto max-w-md space-y-4 pt-2">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      <ol className="list-decimal space-y-1 rounded-xl bg-white p-4 pl-9 text-stone-800 ring-1 ring-stone-200">
        <li>{t('steps.one')}</li>
        <li>{t('steps.two')}</li>
        <li>{t('steps.three')}</li>
      </ol>
      <ActivateForm code={code} />
      <p className="text-sm text-stone-600">{t('limits')}</p>
      <p className="text-sm">
        <Link href="/privacy" className="text-brand-700 underline">
          {t('privacyLink')}
        </Link>
      </p>
    </div>
  );
}
