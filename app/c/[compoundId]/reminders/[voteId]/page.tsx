import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listNonVotersToRemind } from '@/db/voting/reminders';
import { getVote } from '@/db/voting/read';
import { canRemindVoters, groupByBuilding } from '@/lib/voting/reminders';
import { parseId, requireCompound } from '@/server/auth/guards';
import { RemindButton } from './remind-button';

type Props = { params: Promise<{ compoundId: string; voteId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reminders'))('title') };
}

/**
 * The grid worker's reminder list (催票): households who have not voted in an open vote, by
 * building, with the phone of whoever votes for them; each noted once reminded. Grid workers only:
 * anyone else is told the page does not exist (lib/voting/reminders.ts).
 */
export default async function RemindersPage({ params }: Props) {
  const p = await params;
  const { compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.voteId);
  const vote = id ? getVote(compound.id, id) : undefined;
  const now = Date.now();
  const denied = vote ? canRemindVoters(roles, vote, now) : 'forbidden';
  if (!vote || denied === 'forbidden') notFound();
  const [t, format] = await Promise.all([getTranslations('reminders'), getFormatter()]);
  const groups = denied ? [] : groupByBuilding(listNonVotersToRemind(compound.id, vote.id));
  const waiting = groups.reduce((n, g) => n + g.waiting, 0);
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const when = (ms: number) => format.dateTime(ms, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="space-y-4">
      <Link
        href={`/c/${compound.id}/votes/${vote.id}`}
        className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
      >
        {t('backToVote')}
      </Link>
      <header>
        <p className="text-stone-600">{compound.name}</p>
        <h1 className="font-bold text-2xl">{t('title')}</h1>
        <p className="mt-1 font-medium">{vote.question}</p>
        <p className="text-stone-700">{t('ends', { date: when(vote.endsAt) })}</p>
      </header>
      {denied ? (
        <p className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          {t(denied === 'voteNotStarted' ? 'notStarted' : 'closed')}
        </p>
      ) : (
        <>
          <p className="rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-200">{t('privacy')}</p>
          <p className="font-semibold text-lg" aria-live="polite">
            {t('summary', { total, waiting })}
          </p>
          {total === 0 && <p className="rounded-xl bg-white p-5 ring-1 ring-stone-200">{t('everyoneVoted')}</p>}
          {groups.length > 1 && (
            <nav aria-label={t('jump')} className="flex flex-wrap gap-2">
              {groups.map((g) => {
                const name = g.building ?? t('noBuilding');
                return (
                  <a
                    key={name}
                    href={`#b-${name}`}
                    className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 ring-1 ring-stone-300 hover:ring-stone-500"
                  >
                    {t('jumpTo', { building: name, waiting: g.waiting })}
                  </a>
                );
              })}
            </nav>
          )}
          {groups.map((g) => {
            const name = g.building ?? t('noBuilding');
            const open = g.rows.filter((r) => r.remindedAt === null).map((r) => r.voterKey);
            return (
              <section
                key={name}
                aria-labelledby={`b-${name}`}
                className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200"
              >
                <div className="flex flex-wrap items-center gap-3">
                  <h2 id={`b-${name}`} className="font-semibold text-xl">
                    {name}
                  </h2>
                  <span className="text-stone-700">
                    {t('buildingCount', { total: g.rows.length, waiting: g.waiting })}
                  </span>
                  {open.length > 1 && (
                    <div className="ml-auto">
                      <RemindButton
                        compoundId={compound.id}
                        voteId={vote.id}
                        voterKeys={open}
                        label={t('markBuilding', { building: name, count: open.length })}
                      />
                    </div>
                  )}
                </div>
                <ul className="divide-y divide-stone-200">
                  {g.rows.map((r) => (
                    <li key={r.voterKey} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium">{r.name}</span>
                        <span className="block text-stone-700">{r.place}</span>
                      </span>
                      {r.mobile ? (
                        <a
                          href={`tel:${r.mobile}`}
                          className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 underline underline-offset-4"
                        >
                          {t('callShort', { mobile: r.mobile })}
                        </a>
                      ) : (
                        <span className="text-stone-700">{t('noMobile')}</span>
                      )}
                      {r.remindedAt !== null ? (
                        <span className="text-emerald-800">
                          ✓ {t('reminded', { by: r.remindedBy ?? '', date: when(r.remindedAt) })}
                        </span>
                      ) : (
                        <RemindButton
                          compoundId={compound.id}
                          voteId={vote.id}
                          voterKeys={[r.voterKey]}
                          label={t('markOne')}
                          who={r.name}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
