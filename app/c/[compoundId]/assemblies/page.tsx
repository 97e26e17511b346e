import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { listAssemblies } from '@/db/assembly/read';
import { canAnnounceAssembly } from '@/lib/assembly/rules';
import { requireCompound } from '@/server/auth/guards';
import { buttonClass } from '../../../_components/button';
import { AssemblyStatusBadge } from './[assemblyId]/_components/status-badge';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('assembly'))('title') };
}

/** The compound's owners' assemblies, newest first; the committee calls a new one from here. */
export default async function AssembliesPage({ params }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  const [t, format] = await Promise.all([getTranslations('assembly'), getFormatter()]);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long' });
  const list = listAssemblies(compound.id);
  return (
    <div className="space-y-5">
      <Breadcrumb items={[{ href: `/c/${compound.id}`, label: compound.name }, { label: t('title') }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-bold text-2xl">{t('title')}</h1>
        {canAnnounceAssembly(roles) === null && (
          <Link href={`/c/${compound.id}/assemblies/new`} className={buttonClass('primary', 'ml-auto')}>
            {t('announce')}
          </Link>
        )}
      </div>
      <p className="text-stone-700">{t('intro')}</p>
      {list.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {list.map((a) => (
            <li key={a.id}>
              <Link
                href={`/c/${compound.id}/assemblies/${a.id}`}
                className="block space-y-1 rounded-xl bg-white p-4 ring-1 ring-stone-200 hover:ring-brand-600"
              >
                <AssemblyStatusBadge status={a.status} />
                <span className="block font-semibold text-lg">{a.title}</span>
                <span className="block text-sm text-stone-600">
                  {t('period', { start: day(a.startsAt), end: day(a.endsAt) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
