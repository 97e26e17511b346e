import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { closeVote } from '@/db/voting/close';
import { listPendingPaper } from '@/db/voting/paper';
import { getVote, listNonVoters, liveTally, myVoterRows, turnoutOf } from '@/db/voting/read';
import { countReceipts, findReceipt, listReceipts } from '@/db/voting/receipts';
import { parseId, requireCompound } from '@/server/auth/guards';
import type { VoteResult } from '@/lib/voting/count';
import { canCloseVote, canEnterPaper, canSeeNonVoters, isVoteOpen } from '@/lib/voting/rules';
import { MyBallotSection } from './_components/my-ballot-section';
import { NonVotersSection } from './_components/non-voters-section';
import { PaperSection } from './_components/paper-section';
import { ResultSection } from './_components/result-section';
import { TurnoutSection } from './_components/turnout-section';
import { CloseVoteButton } from './_components/vote-forms';
import { VoteHeader } from './_components/vote-header';

type Props = {
  params: Promise<{ compoundId: string; voteId: string }>;
  searchParams: Promise<{ receipt?: string | string[] }>;
};

/** Up to this many receipt codes are listed on the page; beyond it, look one up or download them all. */
const INLINE_RECEIPTS = 200;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('votes'))('title') };
}

/** A vote: what it asks, turnout, one's own ballot, paper ballots, who has not voted, the close, the result. */
export default async function VotePage({ params, searchParams }: Props) {
  const p = await params;
  const { actor, compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.voteId);
  let vote = id ? getVote(compound.id, id) : undefined;
  if (!vote) notFound();
  const now = Date.now();
  // The clock closes votes in the background; a visit after the end closes it at once.
  if (vote.status === 'open' && now >= vote.endsAt) {
    closeVote(compound.id, vote.id, null, now);
    vote = getVote(compound.id, vote.id) ?? vote;
  }
  const closed = vote.status === 'closed';
  const open = isVoteOpen(vote, now);
  const showLive = !closed && !vote.secret;
  const paper = canEnterPaper(roles, vote) === null;
  const nonVoters = !closed && canSeeNonVoters(roles, vote.kind) === null ? listNonVoters(vote.id) : null;
  const result = closed && vote.result ? (JSON.parse(vote.result) as VoteResult) : null;
  // A closed vote's counted ballots are its published receipts: as many as its stored result counted.
  const receiptCount = closed ? (result?.voted ?? countReceipts(vote.id)) : 0;
  const asked = (await searchParams).receipt;
  const lookup = typeof asked === 'string' ? asked.trim().toUpperCase().slice(0, 20) : '';
  const mine = myVoterRows(vote.id, actor.personId);

  return (
    <div className="space-y-5">
      <VoteHeader compound={compound} vote={vote} closed={closed} open={open} />
      <TurnoutSection
        vote={vote}
        turnout={turnoutOf(vote)}
        live={showLive ? liveTally(vote.id) : []}
        showLive={showLive}
        closed={closed}
      />
      {mine.length > 0 && <MyBallotSection compoundId={compound.id} vote={vote} mine={mine} open={open} />}
      {paper && !closed && (
        <PaperSection
          compoundId={compound.id}
          vote={vote}
          nonVoters={nonVoters ?? listNonVoters(vote.id)}
          pending={listPendingPaper(vote.id)}
          personId={actor.personId}
        />
      )}
      {nonVoters && <NonVotersSection nonVoters={nonVoters} />}
      {!closed && canCloseVote(roles, vote, Number.MAX_SAFE_INTEGER) === null && (
        <section className="no-print rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <CloseVoteButton compoundId={compound.id} voteId={vote.id} ended={now >= vote.endsAt} />
        </section>
      )}
      {result && (
        <ResultSection
          compoundId={compound.id}
          vote={vote}
          result={result}
          lookup={lookup}
          found={lookup ? findReceipt(vote.id, lookup) : undefined}
          receiptCount={receiptCount}
          receipts={receiptCount <= INLINE_RECEIPTS ? listReceipts(vote.id) : []}
        />
      )}
    </div>
  );
}
