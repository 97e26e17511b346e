import { getTranslations } from 'next-intl/server';
import type { myVoterRows, VoteView } from '@/db/voting/read';
import { choiceTextOf } from './choice-text';
import { BallotForm } from './vote-forms';

/**
 * The ballots this person casts (their own, or their holder's): what is on file with its receipt
 * code, and the form while the vote is open and a ballot may still be cast or changed.
 */
export async function MyBallotSection({
  compoundId,
  vote,
  mine,
  open,
}: {
  compoundId: number;
  vote: VoteView;
  mine: ReturnType<typeof myVoterRows>;
  open: boolean;
}) {
  const t = await getTranslations('votes');
  const choiceText = choiceTextOf(vote.options);
  return (
    <section aria-labelledby="my-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-brand-600">
      <h2 id="my-h" className="font-semibold text-lg">
        {t('myBallot')}
      </h2>
      {mine.map((m) => (
        <div key={m.voterKey} className="space-y-2">
          {m.voterKey.startsWith('h:') && (
            <p className="text-stone-700">{t('votingFor', { name: m.name, place: m.place })}</p>
          )}
          {m.choice && (
            <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
              {m.channel === 'paper' ? t('paperOnFile') : t('yourChoice', { choice: choiceText(m.choice) })}
              {m.channel === 'online' && (
                <>
                  <br />
                  {t('receipt')}：<strong className="font-mono tracking-wider">{m.receiptCode}</strong>
                </>
              )}
            </p>
          )}
          {open && (!m.choice || (vote.allowChange && m.channel === 'online')) && (
            <BallotForm
              compoundId={compoundId}
              voteId={vote.id}
              voterKey={m.voterKey}
              options={vote.options}
              mode={vote.choiceMode}
              change={Boolean(m.choice)}
            />
          )}
        </div>
      ))}
    </section>
  );
}
