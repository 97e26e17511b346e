import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { topicSideData } from '@/db/topics/read';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { buttonClass } from '../../../../_components/button';

type TopicVote = ReturnType<typeof topicSideData>['votes'][number];

/**
 * The topic's votes: each with its kind and where it stands — in its assembly's notice period (and
 * when voting opens), open, or closed with what an owners' decision decided (passed or not, never just
 * "closed") — and the organisers' buttons to open a vote or call an owners' assembly.
 */
export async function VotesCard(props: {
  compoundId: number;
  topicId: number;
  votes: TopicVote[];
  canOpen: boolean;
  canCallAssembly: boolean;
}) {
  const { compoundId, topicId, votes } = props;
  const [tv, ta, format] = await Promise.all([getTranslations('votes'), getTranslations('assembly'), getFormatter()]);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long' });
  const status = (v: TopicVote) => {
    if (v.status === 'announced') return ta('opensOn', { date: day(v.startsAt) });
    if (v.status === 'open') return tv('statusOpen');
    const result = parseResult(v.result);
    const outcome = outcomeOf(result);
    if (outcome === null) return tv('statusClosed');
    const word = result?.election
      ? ta('board.elected', { count: result.election.elected.length })
      : ta(outcome === 'passed' ? 'outcome.passed' : 'outcome.failed');
    return `${tv('statusClosed')} · ${outcome === 'passed' ? '✓' : '✕'} ${word}`;
  };
  return (
    <section aria-labelledby="votes-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id="votes-h" className="font-semibold text-lg">
          {tv('votesOnTopic')}
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          {props.canCallAssembly && (
            <Link href={`/c/${compoundId}/assemblies/new?topic=${topicId}`} className={buttonClass('secondary')}>
              {ta('announce')}
            </Link>
          )}
          {props.canOpen && (
            <Link href={`/c/${compoundId}/votes/new?topic=${topicId}`} className={buttonClass('primary')}>
              {tv('open')}
            </Link>
          )}
        </div>
      </div>
      {votes.length === 0 ? (
        <p className="text-stone-600">{tv('noVotes')}</p>
      ) : (
        <ul className="space-y-2">
          {votes.map((v) => (
            <li key={v.id}>
              <Link
                href={
                  v.status === 'announced' && v.assemblyId
                    ? `/c/${compoundId}/assemblies/${v.assemblyId}`
                    : `/c/${compoundId}/votes/${v.id}`
                }
                className="block rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200 hover:ring-brand-600"
              >
                <span className="text-sm text-stone-600">
                  {tv(`kinds.${v.kind}`)} · {status(v)}
                </span>
                <span className="block font-medium">{v.question}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
