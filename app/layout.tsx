import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { unreadCount } from '@/db/notifications/notifications';
import { getActor } from '@/server/auth/session';
import { myWorkCount } from '@/server/work/my-work';
import { CARE_COOKIE } from './_components/care';
import { AppTextProvider } from './_components/app-text';
import { ServiceWorker } from './_components/service-worker';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
    applicationName: t('name'),
    appleWebApp: { capable: true, title: t('name'), statusBarStyle: 'default' },
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, store, request, t] = await Promise.all([getLocale(), cookies(), headers(), getTranslations('app')]);
  // The offline page is kept by the service worker and shown to whoever uses the device later: no
  // name, no counts on it.
  const actor = request.get('x-yishi-path') === '/~offline' ? null : await getActor();
  // Elderly mode (关怀模式) is remembered per device; globals.css scales and strengthens everything under .care.
  const care = store.get(CARE_COOKIE)?.value === '1';
  return (
    <html lang={locale} className={care ? 'care' : undefined}>
      <body className="min-h-dvh antialiased">
        {/* No translation library in the browser here: areas whose forms need one bring it (ClientMessages). */}
        <AppTextProvider text={{ error: t('error'), errorHint: t('errorHint'), retry: t('retry') }}>
          <SiteHeader
            actorName={actor?.name ?? null}
            unread={actor ? unreadCount(actor.personId) : 0}
            work={actor ? myWorkCount(actor, Date.now()) : 0}
            care={care}
          />
          <main className="mx-auto w-full max-w-5xl px-4 pt-4 pb-16 sm:px-6">{children}</main>
          <ServiceWorker offlineText={t('offlineBanner')} />
        </AppTextProvider>
      </body>
    </html>
  );
}
