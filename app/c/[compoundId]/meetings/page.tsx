import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listInvitable, listMeetings } from '@/db/meetings/meetings';
import { listDeliberatingTopics } from '@/db/topics/read';
import { requireCompound } from '@/server/auth/guards';
import { canManageMeetings } from '@/lib/topics/rules';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { ScheduleMeetingForm } from './schedule-form';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('title') };
}

export default async function MeetingsPage({ params }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  const [t, tr, format] = await Promise.all([getTranslations('meetings'), getTranslations('roles'), getFormatter()]);
  const meetings = listMeetings(compound.id);
  const manage = canManageMeetings(roles) === null;
  const topics = manage ? listDeliberatingTopics(compound.id) : [];
  const invitable = manage
    ? listInvitable(compound).map((p) => ({
        id: p.id,
        label: `${p.name}（${[...new Set(p.roles.split(','))].map((r) => tr(r as 'owner')).join('、')}）`,
      }))
    : [];

  return (
    <div className="space-y-5">
      <Breadcrumb items={[{ href: `/c/${compound.id}`, label: compound.name }, { label: t('title') }]} />
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      {meetings.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link
                href={`/c/${compound.id}/meetings/${m.id}`}
                className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 hover:ring-brand-600"
              >
                <span className="font-semibold">{m.title}</span>
                <span className="ml-2 rounded-full bg-stone-100 px-2 text-sm">{t(`statuses.${m.status}`)}</span>
                <span className="block text-sm text-stone-600">
                  {format.dateTime(new Date(m.startsAt), { dateStyle: 'full', timeStyle: 'short' })} · {m.place} ·{' '}
                  {t('counts', { topics: m.topics, invitees: m.invitees })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <section aria-labelledby="schedule-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="schedule-h" className="mb-3 font-semibold text-lg">
            {t('schedule')}
          </h2>
          {topics.length === 0 ? (
            <p className="text-stone-600">{t('noTopics')}</p>
          ) : (
            <ScheduleMeetingForm compoundId={compound.id} topics={topics} invitable={invitable} />
          )}
        </section>
      )}
    </div>
  );
}
