import { getFormatter, getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import type { VoteView } from '@/db/voting/read';

/** Where the vote belongs (compound, topic), then what it asks, its kind, its status and its window. */
export async function VoteHeader({
  compound,
  vote,
  closed,
  open,
}: {
  compound: { id: number; name: string };
  vote: VoteView;
  closed: boolean;
  open: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations('votes'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });
  return (
    <>
      <Breadcrumb
        noPrint
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: `/c/${compound.id}/topics/${vote.topicId}`, label: t('backToTopic') },
        ]}
      />

      <section className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800">{t(`kinds.${vote.kind}`)}</span>
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5">
            {closed ? t('statusClosed') : open ? t('statusOpen') : t('statusPending')}
          </span>
          {vote.secret && <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{t('secretBadge')}</span>}
          {vote.matterItem && (
            <span className="rounded-full bg-stone-100 px-2.5 py-0.5">
              {t(`matters.${vote.matterItem as 1}`)}（
              {t(`matterKinds.${vote.matterItem >= 6 && vote.matterItem <= 8 ? 'special' : 'ordinary'}`)}）
            </span>
          )}
        </p>
        <h1 className="font-bold text-2xl leading-snug">{vote.question}</h1>
        <p className="text-stone-600">{t('window', { start: when(vote.startsAt), end: when(vote.endsAt) })}</p>
      </section>
    </>
  );
}
