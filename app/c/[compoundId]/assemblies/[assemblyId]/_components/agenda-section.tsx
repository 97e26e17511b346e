import Link from 'next/link';
import type { AssemblyMatter, AssemblyRow, mattersTurnout, myAssemblyBallots } from '@/db/assembly/read';
import { matterOf } from '@/lib/voting/matters';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { buttonClass } from '../../../../../_components/button';
import { MatterOutcome } from './matter-outcome';
import { assemblyText, CARD } from './text';

/**
 * The agenda: each matter with its Art. 278 item and the test it must pass, the candidates or options,
 * how many have voted, and — for whoever votes for a holder, their own or by proxy — a ballot per matter.
 */
export async function AgendaSection({
  compoundId,
  assembly,
  matters,
  turnout,
  mine,
  handovers,
}: {
  compoundId: number;
  assembly: AssemblyRow;
  matters: AssemblyMatter[];
  turnout: ReturnType<typeof mattersTurnout>;
  mine: ReturnType<typeof myAssemblyBallots>;
  /** An election's new committee and when it takes office (db/assembly/handover.ts). */
  handovers: { voteId: number; takesOfficeAt: number; appliedAt: number | null }[];
}) {
  const { t, tv, day } = await assemblyText();
  return (
    <section aria-labelledby="agenda-h" className={`${CARD} space-y-4`}>
      <h2 id="agenda-h" className="font-semibold text-xl">
        {t('agenda', { count: matters.length })}
      </h2>
      <ol className="space-y-4">
        {matters.map((m, i) => {
          const item = m.matterItem ?? 9;
          const special = matterOf(item) === 'special';
          const counts = turnout.find((x) => x.voteId === m.id);
          const result = parseResult(m.result);
          const ballots = mine.filter((b) => b.voteId === m.id);
          const candidates = m.options.filter((o) => o.key !== 'abstain');
          return (
            <li key={m.id} className="space-y-2 rounded-lg bg-stone-50 p-4 ring-1 ring-stone-200">
              <p className="text-sm text-stone-600">
                {t('matterNo', { n: i + 1 })} · {t(`matterKinds.${m.matterKind ?? 'decision'}`)} ·{' '}
                {t('itemWithKind', {
                  item: tv(`matters.${item as 1}`),
                  kind: tv(`matterKinds.${special ? 'special' : 'ordinary'}`),
                })}
              </p>
              <h3 className="font-semibold text-lg">{m.question}</h3>
              <p className="text-sm text-stone-700">
                {m.matterKind === 'election'
                  ? t('ruleElection', { seats: m.seats ?? 0 })
                  : m.matterKind === 'choice'
                    ? t(special ? 'ruleChoiceSpecial' : 'ruleChoiceOrdinary')
                    : t(special ? 'ruleSpecial' : 'ruleOrdinary')}
              </p>
              {m.matterKind !== 'decision' && (
                <div>
                  <p className="font-medium">{m.matterKind === 'election' ? t('candidates') : t('options')}</p>
                  <ul className="flex flex-wrap gap-2">
                    {candidates.map((c) => (
                      <li key={c.key} className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-300">
                        {c.label}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="text-sm">
                <Link href={`/c/${compoundId}/topics/${m.topicId}`} className="text-brand-700 underline">
                  {t('onTopic', { title: m.topicTitle })}
                </Link>
              </p>
              {m.status === 'announced' && (
                <p className="text-sm text-stone-700">{t('opensOn', { date: day(assembly.startsAt) })}</p>
              )}
              {m.status === 'open' && counts && (
                <p className="text-sm text-stone-700">
                  {t('turnoutLine', { voted: counts.voted, total: counts.voters })}
                  {counts.pending > 0 && ` · ${tv('pendingPaper', { count: counts.pending })}`}
                </p>
              )}
              {ballots.map((b) => (
                <div key={b.voterKey} className="flex flex-wrap items-center gap-2">
                  <span className="text-sm">
                    {b.byProxy ? t('forByProxy', { name: b.name }) : t('forHolder', { name: b.name })}
                    {' · '}
                    {b.voted ? t('voted') : t('notVoted')}
                  </span>
                  {m.status === 'open' && !b.voted && (
                    <Link href={`/c/${compoundId}/votes/${m.id}`} className={buttonClass('primary', 'ml-auto')}>
                      {t('goVote')}
                      <span className="sr-only">{m.question}</span>
                    </Link>
                  )}
                </div>
              ))}
              {m.status === 'closed' && result && (
                <MatterOutcome
                  result={result}
                  outcome={outcomeOf(result)}
                  options={m.options}
                  alternates={assembly.committeeAlternates}
                />
              )}
              {handovers
                .filter((h) => h.voteId === m.id)
                .map((h) => (
                  <p key={h.voteId} className="rounded-lg bg-sky-50 p-3 text-sky-900">
                    {h.appliedAt === null
                      ? t('handoverPending', { date: day(h.takesOfficeAt) })
                      : t('handoverDone', { date: day(h.appliedAt) })}
                  </p>
                ))}
              {m.status !== 'announced' && (
                <p className="text-sm">
                  <Link href={`/c/${compoundId}/votes/${m.id}`} className="text-brand-700 underline">
                    {m.status === 'closed' ? t('matterResult') : t('matterPage')}
                    <span className="sr-only">{m.question}</span>
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
