import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { unreadCount } from '@/db/notifications/notifications';
import { getActor } from '@/server/auth/session';
import { AppTextProvider } from './_components/app-text';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9b1c1c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, actor, t] = await Promise.all([getLocale(), getActor(), getTranslations('app')]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh antialiased">
        {/* No translation library in the browser here: areas whose forms need one bring it (ClientMessages). */}
        <AppTextProvider text={{ error: t('error'), errorHint: t('errorHint'), retry: t('retry') }}>
          <SiteHeader actorName={actor?.name ?? null} unread={actor ? unreadCount(actor.personId) : 0} />
          <main className="mx-auto w-full max-w-5xl px-4 pt-4 pb-16 sm:px-6">{children}</main>
        </AppTextProvider>
      </body>
    </html>
  );
}
