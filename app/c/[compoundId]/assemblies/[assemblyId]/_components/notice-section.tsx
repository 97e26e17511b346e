import Link from 'next/link';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import type { AssemblyRow } from '@/db/assembly/read';
import { AssemblyStatusBadge } from './status-badge';
import { assemblyText, CARD } from './text';

/**
 * The notice (会议通知/公告) as it was announced: when and how owners vote, by when the register can be
 * objected to, the notice period the rules required, and the electorate it was frozen with.
 */
export async function NoticeSection({
  compound,
  assembly,
  electorate,
}: {
  compound: { id: number; name: string };
  assembly: AssemblyRow;
  electorate: { holders: number; units: number; areaCenti: number | null };
}) {
  const { t, when, day, area } = await assemblyText();
  const rows: [string, string][] = [
    [t('votingPeriod'), t('period', { start: when(assembly.startsAt), end: when(assembly.endsAt) })],
    [t('objectionsUntil'), when(assembly.objectionsUntil)],
    [t('form'), t('formWritten')],
    [t('noticePeriod'), t('noticeDays', { days: assembly.noticeDays, date: day(assembly.announcedAt) })],
    [
      t('electorate'),
      t('ownersUnitsArea', { owners: electorate.holders, units: electorate.units, area: area(electorate.areaCenti) }),
    ],
  ];
  if (assembly.ballotBox) rows.splice(3, 0, [t('ballotBox'), assembly.ballotBox]);
  return (
    <>
      <Breadcrumb
        noPrint
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: `/c/${compound.id}/assemblies`, label: t('title') },
        ]}
      />
      <section aria-labelledby="notice-h" className={`${CARD} space-y-3`}>
        <div className="flex flex-wrap items-center gap-2">
          <AssemblyStatusBadge status={assembly.status} />
          <span className="text-sm text-stone-600">{t('announcedOn', { date: when(assembly.announcedAt) })}</span>
        </div>
        <h1 id="notice-h" className="font-bold text-2xl leading-snug">
          {assembly.title}
        </h1>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-stone-600">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h2 className="font-semibold">{t('howToVote')}</h2>
          <p className="whitespace-pre-wrap">{assembly.howToVote}</p>
        </div>
        {assembly.status === 'closed' && (
          <p className="no-print">
            <Link
              href={`/c/${compound.id}/assemblies/${assembly.id}/result`}
              className="font-medium text-brand-700 underline"
            >
              {t('resultNotice')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
