import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';
import { LogoutButton } from './logout-button';

export async function SiteHeader({ actorName, unread }: { actorName: string | null; unread: number }) {
  const [t, tn, locale] = await Promise.all([getTranslations('app'), getTranslations('nav'), getLocale()]);
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
          <LocaleSwitch current={locale} label={t('switchLanguage')} />
          {actorName && (
            <>
              <Link
                href="/notifications"
                className="relative rounded px-2 py-2 text-stone-700 hover:bg-stone-100"
                aria-label={
                  unread > 0 ? `${tn('notifications')}，${tn('unread', { count: unread })}` : tn('notifications')
                }
              >
                <svg
                  aria-hidden
                  viewBox="0 0 24 24"
                  className="size-6"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {unread > 0 && (
                  <span
                    aria-hidden
                    className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-brand-700 px-1 text-center text-white text-xs leading-5"
                  >
                    {unread > 99 ? '99+' : unread}
                  </span>
                )}
              </Link>
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
