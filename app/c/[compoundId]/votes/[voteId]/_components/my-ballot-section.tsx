import { getTranslations } from 'next-intl/server';
import { voiceTaken } from '@/db/assembly/read';
import type { MyVoterRow, VoteView } from '@/db/voting/read';
import { formatArea } from '@/lib/area';
import { choiceTextOf } from './choice-text';
import { BallotForm } from './vote-forms';

/**
 * The ballots this person casts (their own, their household's, or a holder's as its agent): what they
 * weigh ("you represent 2 units, 167.54 m²"), what is on file with its receipt code and who cast it, and
 * the form while the vote is open — with a confirmation step, since a ballot cannot be changed.
 */
export async function MyBallotSection({
  compoundId,
  vote,
  mine,
  units,
  open,
}: {
  compoundId: number;
  vote: VoteView;
  mine: MyVoterRow[];
  units: ReadonlyMap<string, number>;
  open: boolean;
}) {
  const t = await getTranslations('votes');
  const choiceText = choiceTextOf(vote.options);
  const taken = vote.assemblyId && open ? voiceTaken(vote.assemblyId, mine) : new Set<string>();
  const maxMarks = vote.matterKind === 'election' ? vote.seats : null;
  return (
    <section aria-labelledby="my-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-brand-600">
      <h2 id="my-h" className="font-semibold text-lg">
        {t('myBallot')}
      </h2>
      {mine.map((m) => {
        const holder = m.voterKey.startsWith('h:');
        const n = units.get(m.voterKey) ?? 0;
        return (
          <div
            key={m.voterKey}
            className="space-y-2 border-stone-200 border-t pt-3 first-of-type:border-t-0 first-of-type:pt-0"
          >
            {holder && (
              <p className="text-stone-700">
                {m.proxyId
                  ? t('votingForByProxy', { name: m.name, place: m.place })
                  : t('votingFor', { name: m.name, place: m.place })}
              </p>
            )}
            {holder && n > 0 && (
              <p className="font-medium">{t('weight', { units: n, area: formatArea(m.areaCenti ?? 0) })}</p>
            )}
            {m.choice && (
              <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
                {m.channel === 'paper' ? t('paperOnFile') : t('yourChoice', { choice: choiceText(m.choice) })}
                {m.channel === 'online' && (
                  <>
                    <br />
                    {t.rich('receiptLine', {
                      code: m.receiptCode ?? '',
                      b: (chunks) => <strong className="font-mono tracking-wider">{chunks}</strong>,
                    })}
                    {m.ballotProxyId !== null && (
                      <>
                        <br />
                        {t('castByAgent', { name: m.castByName ?? '' })}
                      </>
                    )}
                  </>
                )}
              </p>
            )}
            {open && !m.choice && taken.has(m.voterKey) && (
              <p className="rounded-lg bg-amber-50 p-3 text-amber-900">
                {m.proxyId ? t('holderSpoke') : t('agentSpoke')}
              </p>
            )}
            {open && !taken.has(m.voterKey) && (!m.choice || (vote.allowChange && m.channel === 'online')) && (
              <BallotForm
                compoundId={compoundId}
                voteId={vote.id}
                voterKey={m.voterKey}
                options={vote.options}
                mode={vote.choiceMode}
                maxMarks={maxMarks}
                change={Boolean(m.choice)}
                final={!vote.allowChange}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
