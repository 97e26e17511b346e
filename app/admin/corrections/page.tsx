import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { openCorrections } from '@/db/households/privacy';
import { staffReach } from '@/lib/auth/permissions';
import { requireStaff } from '@/server/auth/guards';
import { Breadcrumb } from '../../_components/breadcrumb';
import { AnswerCorrectionForm } from './answer-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('corrections');
  return { title: t('title') };
}

/** Residents' requests to correct their data (an area, a name), for the staff within whose reach they are. */
export default async function CorrectionsPage() {
  const actor = await requireStaff();
  const [t, th, ta, format] = await Promise.all([
    getTranslations('corrections'),
    getTranslations('myHome'),
    getTranslations('admin'),
    getFormatter(),
  ]);
  const open = openCorrections(staffReach(actor));
  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ href: '/admin', label: ta('title') }, { label: t('title') }]} />
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      {open.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {open.map((c) => (
            <li key={c.id} className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-stone-200">
              <p>
                <Link href={`/admin/people/${c.personId}`} className="font-medium text-brand-700 underline">
                  {c.name}
                </Link>{' '}
                <span className="text-stone-600 tabular-nums">{c.mobile}</span> · {th(`topics.${c.topic as 'area'}`)}
                {c.unitLabel ? ` · ${c.unitLabel}` : ''} · {format.relativeTime(c.createdAt)}
              </p>
              <p className="whitespace-pre-line">{c.body}</p>
              <AnswerCorrectionForm requestId={c.id} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
