import type { VoteOutcome } from '../voting/outcome';

/**
 * A decision can never contradict its vote (docs/domain/owners-assembly.md, "After"). A decision on a
 * topic that went to an owners' decision rests on one of its owners' matters that passed, and copies
 * that verdict; when none passed, the deciders can only record that it did not pass, and the topic
 * goes back to deliberation. A consultation or a council vote decides nothing by law: a decision may
 * rest on it, or on the deliberation alone, as before.
 */
export interface ClosedVote {
  id: number;
  kind: 'consultation' | 'council' | 'owners';
  /** From the stored result (lib/voting/outcome.ts); null for votes that decide nothing by law. */
  outcome: VoteOutcome | null;
}

/** Null when a decision may rest on `voteId` (null: on no vote), else an `errors` key saying why not. */
export function checkDecisionBasis(votes: readonly ClosedVote[], voteId: number | null): string | null {
  const owners = votes.filter((v) => v.kind === 'owners');
  if (voteId === null) return owners.length > 0 ? 'mustRestOnOwnersVote' : null;
  const vote = votes.find((v) => v.id === voteId);
  if (!vote) return 'notFound';
  if (vote.kind === 'owners') return vote.outcome === 'passed' ? null : 'voteNotPassed';
  return owners.length > 0 ? 'mustRestOnOwnersVote' : null;
}

/** Null when `voteId` is an owners' matter of the topic that did not pass, so it may be recorded as such. */
export function checkNotPassed(votes: readonly ClosedVote[], voteId: number): string | null {
  const vote = votes.find((v) => v.id === voteId);
  if (vote?.kind !== 'owners') return 'notFound';
  return vote.outcome === 'failed' ? null : 'votePassed';
}

/**
 * What the decision form offers: `decide` (a decision resting on a passed owners' matter or on no owners'
 * matter at all), `notPassed` (every owners' matter failed: only recording that), or both when some
 * passed and some failed. The votes the decision may rest on, and those it can record as not passed.
 */
export function decisionChoices(votes: readonly ClosedVote[]) {
  const owners = votes.filter((v) => v.kind === 'owners');
  const passed = owners.filter((v) => v.outcome === 'passed');
  const failed = owners.filter((v) => v.outcome === 'failed');
  return {
    /** Votes a decision may rest on; `allowNone` says whether "no vote" is a choice. */
    basis: owners.length > 0 ? passed : votes.filter((v) => v.kind !== 'owners'),
    allowNone: owners.length === 0,
    canDecide: owners.length === 0 || passed.length > 0,
    notPassed: failed,
  };
}

/** The verdict a decision copies from the vote it rests on: 'passed' for an owners' matter, null otherwise. */
export function verdictToCopy(votes: readonly ClosedVote[], voteId: number | null): 'passed' | null {
  const vote = voteId === null ? undefined : votes.find((v) => v.id === voteId);
  return vote?.kind === 'owners' && vote.outcome === 'passed' ? 'passed' : null;
}
