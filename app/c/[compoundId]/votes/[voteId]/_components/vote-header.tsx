import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import type { VoteView } from '@/db/voting/read';
import { matterOf } from '@/lib/voting/matters';

/** Where the vote belongs (compound, topic, assembly), then what it asks, its kind, its status and its window. */
export async function VoteHeader({
  compound,
  vote,
  closed,
  open,
  assembly,
}: {
  compound: { id: number; name: string };
  vote: VoteView;
  closed: boolean;
  open: boolean;
  assembly: { id: number; title: string } | null;
}) {
  const [t, ta, format] = await Promise.all([getTranslations('votes'), getTranslations('assembly'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });
  const status = closed ? t('statusClosed') : open ? t('statusOpen') : t('statusPending');
  return (
    <>
      <Breadcrumb
        noPrint
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          assembly
            ? { href: `/c/${compound.id}/assemblies/${assembly.id}`, label: assembly.title }
            : { href: `/c/${compound.id}/topics/${vote.topicId}`, label: t('backToTopic') },
        ]}
      />

      <section className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800">{t(`kinds.${vote.kind}`)}</span>
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{status}</span>
          {vote.secret && <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{t('secretBadge')}</span>}
          {vote.matterItem && (
            <span className="rounded-full bg-stone-100 px-2.5 py-0.5">
              {ta('itemWithKind', {
                item: t(`matters.${vote.matterItem as 1}`),
                kind: t(`matterKinds.${matterOf(vote.matterItem)}`),
              })}
            </span>
          )}
        </p>
        <h1 className="font-bold text-2xl leading-snug">{vote.question}</h1>
        <p className="text-stone-600">{t('window', { start: when(vote.startsAt), end: when(vote.endsAt) })}</p>
        {assembly && (
          <p className="text-sm">
            <Link href={`/c/${compound.id}/assemblies/${assembly.id}`} className="text-brand-700 underline">
              {t('partOfAssembly', { title: assembly.title })}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
