import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { householdVoters } from '@/db/assembly/mine';
import { getAssembly } from '@/db/assembly/read';
import { closeVote } from '@/db/voting/close';
import { listPendingPaper } from '@/db/voting/paper';
import { getVote, listNonVoters, liveTally, myVoterRows, turnoutOf, unitsOfVoters } from '@/db/voting/read';
import { countReceipts, findReceipt, listReceipts } from '@/db/voting/receipts';
import { catchUpAssembly } from '@/server/assembly/due';
import { parseId, requireCompound } from '@/server/auth/guards';
import { parseResult } from '@/lib/voting/outcome';
import { canCloseVote, canEnterPaper, canSeeNonVoters, isVoteOpen } from '@/lib/voting/rules';
import { localOptions } from './_components/choice-text';
import { MyBallotSection } from './_components/my-ballot-section';
import { NoBallotSection } from './_components/no-ballot-section';
import { NonVotersSection } from './_components/non-voters-section';
import { NotCountedSection } from './_components/not-counted-section';
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

/**
 * A vote: what it asks, one's own ballot (first, on a phone, for whoever can still vote) or why one
 * has none, turnout, paper ballots, who has not voted, the close, the result and what was not counted.
 */
export default async function VotePage({ params, searchParams }: Props) {
  const p = await params;
  const { actor, compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.voteId);
  let found = id ? getVote(compound.id, id) : undefined;
  if (!found) notFound();
  const now = Date.now();
  const assembly = found.assemblyId ? getAssembly(compound.id, found.assemblyId) : undefined;
  // The clock moves votes in the background; a visit after the time makes the move at once. An
  // assembly's matters open and close with their assembly.
  if (assembly) {
    if (catchUpAssembly(assembly, now)) found = getVote(compound.id, found.id) ?? found;
  } else if (found.status === 'open' && now >= found.endsAt) {
    closeVote(compound.id, found.id, null, now);
    found = getVote(compound.id, found.id) ?? found;
  }
  const tv = await getTranslations('votes');
  const vote = { ...found, options: localOptions(found.options, (k) => tv(`choices.${k}`)) };
  const closed = vote.status === 'closed';
  const open = isVoteOpen(vote, now);
  const showLive = !closed && !vote.secret;
  const paper = canEnterPaper(roles, vote) === null;
  const nonVoters = !closed && canSeeNonVoters(roles, vote.kind) === null ? listNonVoters(vote.id) : null;
  const result = closed ? parseResult(vote.result) : null;
  // A closed vote's counted ballots are its published receipts: as many as its stored result counted.
  const receiptCount = closed ? (result?.voted ?? countReceipts(vote.id)) : 0;
  const asked = (await searchParams).receipt;
  const lookup = typeof asked === 'string' ? asked.trim().toUpperCase().slice(0, 20) : '';
  const mine = myVoterRows(vote.id, actor.personId, vote.assemblyId !== null);
  const turnout = turnoutOf(vote);
  const allVoted = turnout.voters > 0 && turnout.voted === turnout.voters;
  // On a phone the ballot comes first for whoever can still cast one; the tally below it.
  const ballotFirst = open && mine.some((m) => !m.choice);
  const myBallot = mine.length > 0 && (
    <MyBallotSection
      compoundId={compound.id}
      vote={vote}
      mine={mine}
      units={
        vote.kind === 'owners'
          ? unitsOfVoters(
              vote.id,
              mine.map((m) => m.voterKey),
            )
          : new Map()
      }
      open={open}
    />
  );
  const pendingPaper = vote.kind === 'owners' ? listPendingPaper(vote.id) : [];

  return (
    <div className="space-y-5">
      <VoteHeader compound={compound} vote={vote} closed={closed} open={open} assembly={assembly ?? null} />
      {ballotFirst && myBallot}
      <TurnoutSection
        vote={vote}
        turnout={turnout}
        live={showLive ? liveTally(vote.id) : []}
        showLive={showLive}
        closed={closed}
      />
      {!ballotFirst && myBallot}
      {mine.length === 0 && vote.kind === 'owners' && !closed && (
        <NoBallotSection
          household={householdVoters(compound.id, actor.personId)}
          isTenant={roles.has('tenant') && !roles.has('owner')}
        />
      )}
      {paper && !closed && (
        <PaperSection
          compoundId={compound.id}
          vote={vote}
          nonVoters={nonVoters ?? listNonVoters(vote.id)}
          pending={pendingPaper}
          personId={actor.personId}
        />
      )}
      {nonVoters && <NonVotersSection nonVoters={nonVoters} />}
      {!closed && !assembly && canCloseVote(roles, vote, Number.MAX_SAFE_INTEGER) === null && (
        <section className="no-print rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <CloseVoteButton compoundId={compound.id} voteId={vote.id} ended={now >= vote.endsAt || allVoted} />
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
          alternates={assembly?.committeeAlternates ?? 0}
        />
      )}
      {closed && pendingPaper.length > 0 && <NotCountedSection pending={pendingPaper} />}
    </div>
  );
}
