import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getMeeting } from '@/db/meetings/meetings';
import { parseId, requireCompound } from '@/server/auth/guards';
import { canManageMeetings } from '@/lib/topics/rules';
import { Breadcrumb } from '../../../../_components/breadcrumb';
import { PrintButton } from '../../../../_components/print-button';
import { StatusBadge } from '../../../../_components/status-badge';
import { MinutesForm } from './minutes-form';

type Props = { params: Promise<{ compoundId: string; meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('title') };
}

export default async function MeetingPage({ params }: Props) {
  const p = await params;
  const { compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.meetingId);
  const meeting = id ? getMeeting(compound.id, id) : undefined;
  if (!meeting) notFound();
  const [t, ta, format] = await Promise.all([getTranslations('meetings'), getTranslations('app'), getFormatter()]);
  const manage = canManageMeetings(roles) === null && meeting.status !== 'cancelled';
  const attended = meeting.invitees.filter((i) => i.attended);

  return (
    <div className="space-y-5">
      <Breadcrumb
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: `/c/${compound.id}/meetings`, label: t('title') },
        ]}
        noPrint
      />
      <section className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <p className="text-sm">
          <span className="rounded-full bg-stone-100 px-2">{t(`statuses.${meeting.status}`)}</span>
        </p>
        <h1 className="font-bold text-2xl">{meeting.title}</h1>
        <p className="text-stone-700">
          {format.dateTime(new Date(meeting.startsAt), { dateStyle: 'full', timeStyle: 'short' })} · {meeting.place}
        </p>
        <h2 className="pt-2 font-semibold">{t('agenda')}</h2>
        <ul className="space-y-1">
          {meeting.agenda.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <StatusBadge status={a.status} />
              <Link href={`/c/${compound.id}/topics/${a.id}`} className="text-brand-700 underline">
                {a.title}
              </Link>
            </li>
          ))}
        </ul>
        <h2 className="pt-2 font-semibold">{t('invitees')}</h2>
        <p className="text-stone-700">{meeting.invitees.map((i) => i.name).join('、') || '—'}</p>
      </section>
      {meeting.status === 'held' && (
        <section aria-labelledby="minutes-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <h2 id="minutes-h" className="font-semibold text-lg">
              {t('minutes')}
            </h2>
            <span className="ml-auto">
              <PrintButton label={t('printMinutes')} />
            </span>
          </div>
          <p className="whitespace-pre-wrap">{meeting.minutes}</p>
          <p className="mt-2 text-sm text-stone-600">
            {t('attended', { count: attended.length, total: meeting.invitees.length })}
            {ta('colon')}
            {attended.map((a) => a.name).join('、')}
          </p>
        </section>
      )}
      {manage && (
        <section aria-labelledby="record-h" className="no-print rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="record-h" className="mb-3 font-semibold text-lg">
            {meeting.status === 'held' ? t('editMinutes') : t('recordMinutes')}
          </h2>
          <MinutesForm
            compoundId={compound.id}
            meetingId={meeting.id}
            invitees={meeting.invitees}
            minutes={meeting.minutes ?? ''}
          />
        </section>
      )}
    </div>
  );
}
