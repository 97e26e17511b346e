import { getTranslations } from 'next-intl/server';
import type { liveTally, VoteView } from '@/db/voting/read';
import type { Turnout } from '@/lib/voting/stored-turnout';
import { formatArea } from '@/lib/area';
import { Bar } from './bars';

/**
 * Turnout by head (and by area for an owners' decision, with the 2/3 quorum drawn), paper ballots
 * waiting, and, for an open ballot that is not secret, the live tally.
 */
export async function TurnoutSection({
  vote,
  turnout,
  live,
  showLive,
  closed,
}: {
  vote: VoteView;
  turnout: Turnout;
  live: ReturnType<typeof liveTally>;
  showLive: boolean;
  closed: boolean;
}) {
  const t = await getTranslations('votes');
  return (
    <section aria-labelledby="turnout-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="turnout-h" className="font-semibold text-lg">
        {t('turnout')}
      </h2>
      <Bar
        label={t('turnoutHeads', { voted: turnout.voted, total: turnout.voters })}
        part={turnout.voted}
        whole={turnout.voters}
        marks={vote.kind === 'owners' ? [{ at: 2 / 3, label: '2/3' }] : []}
      />
      {vote.kind === 'owners' && (
        <Bar
          label={t('turnoutArea', {
            voted: formatArea(turnout.votedArea ?? 0),
            total: formatArea(turnout.totalArea ?? 0),
          })}
          part={turnout.votedArea ?? 0}
          whole={turnout.totalArea ?? 0}
          marks={[{ at: 2 / 3, label: '2/3' }]}
        />
      )}
      {!closed && turnout.pending > 0 && (
        <p className="text-sm text-stone-600">{t('pendingPaper', { count: turnout.pending })}</p>
      )}
      {showLive && (
        <div className="space-y-2 pt-2">
          <h3 className="font-medium">{t('liveTally')}</h3>
          {vote.options.map((o) => (
            <Bar
              key={o.key}
              label={t('labelValue', { label: o.label, value: live.find((l) => l.key === o.key)?.n ?? 0 })}
              part={live.find((l) => l.key === o.key)?.n ?? 0}
              whole={Math.max(1, turnout.voted)}
            />
          ))}
        </div>
      )}
      {!closed && vote.secret && <p className="text-stone-600">{t('secretUntilClose')}</p>}
    </section>
  );
}
