import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const BIG =
  'flex min-h-24 flex-col items-center justify-center gap-1 rounded-2xl bg-brand-700 p-4 text-center font-bold text-2xl text-white shadow-sm hover:bg-brand-800';

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-9" fill="none" stroke="currentColor" strokeWidth="2">
      <path d={d} />
    </svg>
  );
}

/**
 * Elderly mode's home: three big buttons per compound — vote, topics, notice board — each a word and
 * a picture, never a colour alone. "Vote" opens the board's open votes, where each vote is one tap away.
 */
export async function BigButtons({ compound }: { compound: { id: number; name: string } }) {
  const t = await getTranslations('home');
  return (
    <section aria-labelledby={`big-${compound.id}`} className="space-y-3">
      <h2 id={`big-${compound.id}`} className="font-semibold text-xl">
        {compound.name}
      </h2>
      <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-3">
        <Link href={`/c/${compound.id}/board#b-votes`} className={BIG}>
          <Icon d="M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h9" />
          {t('bigVote')}
        </Link>
        <Link href={`/c/${compound.id}/topics`} className={BIG}>
          <Icon d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
          {t('bigTopics')}
        </Link>
        <Link href={`/c/${compound.id}/board`} className={BIG}>
          <Icon d="M4 4h16v12H4zM8 20h8M12 16v4" />
          {t('bigBoard')}
        </Link>
      </div>
    </section>
  );
}
