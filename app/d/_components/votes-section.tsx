import { getFormatter, getTranslations } from 'next-intl/server';
import { percent } from '@/lib/dashboard/numbers';
import type { TurnoutFigure, VoteTurnoutRow } from '@/lib/dashboard/turnout';

/** Turnout over the period's votes, and (a compound's) open and recent votes with their bars. */
export async function VotesSection({ turnout, votes }: { turnout: TurnoutFigure; votes: VoteTurnoutRow[] }) {
  const [t, format] = await Promise.all([getTranslations('dash'), getFormatter()]);
  return (
    <section aria-labelledby="votes" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="votes" className="font-semibold text-lg">
        {t('votes')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        {t('votesSummary', {
          n: turnout.votes,
          head: turnout.headPercent ?? 0,
          owners: turnout.ownersDecisions,
          area: turnout.areaPercent ?? 0,
        })}
      </p>
      {votes.length > 0 && (
        <ul className="space-y-4">
          {votes.map((v) => {
            const head = percent(v.voted, v.electorate) ?? 0;
            const area = v.totalAreaCenti ? (percent(v.votedAreaCenti ?? 0, v.totalAreaCenti) ?? 0) : null;
            return (
              <li key={v.id}>
                <a href={`/c/${v.compoundId}/votes/${v.id}`} className="font-medium underline underline-offset-4">
                  {v.question}
                </a>
                <p className="text-sm text-stone-600">
                  {v.status === 'open'
                    ? t('voteOpen', { ends: format.dateTime(v.endsAt, { dateStyle: 'medium', timeStyle: 'short' }) })
                    : t(v.passed === null ? 'voteClosed' : v.passed ? 'votePassed' : 'voteFailed')}
                  {' · '}
                  {t('voteHead', { voted: v.voted, electorate: v.electorate, pct: head })}
                  {area !== null && ` · ${t('voteArea', { pct: area })}`}
                </p>
                <div aria-hidden className="mt-1 h-3 rounded-full bg-stone-200">
                  <div className="h-3 rounded-full bg-brand-700" style={{ width: `${head}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
