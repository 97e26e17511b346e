import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CareSwitch } from './care-switch';
import { LocaleSwitch } from './locale-switch';
import { LogoutButton } from './logout-button';

const CONTROL = 'relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2';

function Count({ n }: { n: number }) {
  return (
    <span className="min-w-6 rounded-full bg-brand-700 px-1.5 text-center font-semibold text-sm text-white leading-6">
      {n > 99 ? '99+' : n}
    </span>
  );
}

/**
 * The header of every page. Its controls wrap onto a second line rather than overflow, so it reflows
 * at 320 px and at 200 % zoom (WCAG 1.4.10); each is at least 44 px (48 in elderly mode); each is
 * named by what it shows (WCAG 2.5.3).
 */
export async function SiteHeader({
  actorName,
  unread,
  work,
  care,
}: {
  actorName: string | null;
  unread: number;
  /** Things waiting for the person (My work); the same count as the list on the home page. */
  work: number;
  care: boolean;
}) {
  const [t, tn, locale] = await Promise.all([getTranslations('app'), getTranslations('nav'), getLocale()]);
  return (
    <header className="no-print border-stone-200 border-b bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-1 px-3 py-1 sm:px-6">
        <Link href="/" className="mr-auto flex min-h-11 items-center gap-2 font-bold text-brand-700 text-xl">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-700 text-base text-white">
            议
          </span>
          {t('name')}
        </Link>
        {actorName && (
          <nav aria-label={t('headerNav')} className="flex items-center gap-1">
            <Link href="/work" className={`${CONTROL} gap-1 text-stone-800 hover:bg-stone-100`}>
              {tn('work')}
              {work > 0 && <Count n={work} />}
              <span className="sr-only">{work > 0 ? tn('workWaiting', { count: work }) : tn('workNone')}</span>
            </Link>
            <Link
              href="/notifications"
              className={`${CONTROL} gap-1 text-stone-800 hover:bg-stone-100`}
              aria-label={unread > 0 ? tn('notificationsUnread', { count: unread }) : tn('notifications')}
            >
              <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              {/* Beside the bell, not over it: nothing to clip at 200 % zoom, and two digits stay readable. */}
              {unread > 0 && (
                <span aria-hidden>
                  <Count n={unread} />
                </span>
              )}
            </Link>
          </nav>
        )}
        {/* On a phone the settings take a second line of their own, right-aligned, instead of overflowing. */}
        <div
          className={`flex flex-wrap items-center justify-end gap-1 sm:w-auto ${actorName ? 'w-full border-stone-100 border-t sm:border-0' : ''}`}
        >
          <CareSwitch on={care} label={t('careMode')} />
          <LocaleSwitch current={locale} label={t('switchLanguage')} />
          {actorName && (
            <>
              <Link
                href="/account"
                className="relative hidden min-h-11 items-center rounded-lg px-2 text-stone-800 hover:bg-stone-100 md:flex"
              >
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
