import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { quietHoursOf } from '@/db/push/settings';
import { countSubscriptions } from '@/db/push/subscriptions';
import { formatClockTime } from '@/lib/notifications/quiet-hours';
import { requireActor } from '@/server/auth/session';
import { vapidKeys } from '@/server/push/vapid';
import { PushDevice } from './push-device';
import { QuietHoursForm } from './quiet-hours-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('push'))('title') };
}

/** Push to this phone (opt-in per device), what is pushed, and quiet hours. */
export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const t = await getTranslations('push');
  const quiet = quietHoursOf(actor.personId);
  const devices = countSubscriptions(actor.personId);
  const section = 'rounded-xl bg-white p-5 ring-1 ring-stone-200';
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link
        href="/notifications"
        className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
      >
        {t('back')}
      </Link>
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <section aria-labelledby="push-h" className={section}>
        <h2 id="push-h" className="mb-1 font-semibold text-lg">
          {t('deviceTitle')}
        </h2>
        <p className="mb-2 text-stone-700">{t('deviceHint')}</p>
        <ul className="mb-3 list-disc space-y-1 pl-6 text-stone-700">
          <li>{t('whatVotes')}</li>
          <li>{t('whatTopics')}</li>
          <li>{t('whatTasks')}</li>
          <li>{t('whatWaiting')}</li>
        </ul>
        <PushDevice publicKey={vapidKeys().publicKey} />
        <p className="mt-3 text-sm text-stone-600">{t('devices', { count: devices })}</p>
      </section>
      <section aria-labelledby="quiet-h" className={section}>
        <h2 id="quiet-h" className="mb-1 font-semibold text-lg">
          {t('quietTitle')}
        </h2>
        <p className="mb-3 text-stone-700">{t('quietHint')}</p>
        <QuietHoursForm enabled={quiet.enabled} from={formatClockTime(quiet.from)} to={formatClockTime(quiet.to)} />
      </section>
    </div>
  );
}
