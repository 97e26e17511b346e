import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';
import { LogoutButton } from './logout-button';

export async function SiteHeader({ actorName }: { actorName: string | null }) {
  const [t, locale] = await Promise.all([getTranslations('app'), getLocale()]);
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 py-1 font-bold text-brand-700 text-xl">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-700 text-base text-white">
            议
          </span>
          {t('name')}
        </Link>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <LocaleSwitch current={locale} />
          {actorName && (
            <>
              <Link href="/account" className="hidden rounded px-2 py-2 text-stone-700 hover:bg-stone-100 sm:inline">
                {actorName}
              </Link>
              <LogoutButton />
            </>
          )}
        </div>
      </div>
    </header>
  );
}
