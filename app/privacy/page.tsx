import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PRIVACY_SECTIONS } from '@/lib/households/privacy';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy');
  return { title: t('title') };
}

/** The privacy notice residents accept when they activate (个人信息保护法 Art. 17); public. */
export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      {PRIVACY_SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`p-${s}`} className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id={`p-${s}`} className="mb-1 font-semibold text-lg">
            {t(`headings.${s}`)}
          </h2>
          <p className="text-stone-800">{t(`bodies.${s}`)}</p>
        </section>
      ))}
    </article>
  );
}
