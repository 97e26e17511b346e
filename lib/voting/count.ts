import { formatArea } from '../area';
import { countOwnersDecision, type OwnersDecisionChoice, type OwnersDecisionResult } from './owners-decision';
import { isArt278Item, matterOf } from './matters';

/**
 * Counting a closed vote from its frozen electorate and its counted ballots. Pure: the same input
 * always gives the same result, which is what `npm run recount` relies on.
 */
export interface CountInput {
  kind: 'consultation' | 'council' | 'owners';
  matterItem: number | null;
  nonVotersFollowMajority: boolean;
  options: { key: string; label: string }[];
  /** Owners' decisions: the frozen units. */
  units: { unitId: number; holderId: number; areaCenti: number }[];
  /** Everyone who could vote. */
  voters: { voterKey: string; holderId: number | null }[];
  /** Counted ballots only (paper ballots once confirmed). */
  ballots: { voterKey: string; choice: string[] }[];
}

export interface OptionTally {
  key: string;
  label: string;
  votes: number;
}

export interface VoteResult {
  kind: CountInput['kind'];
  electorate: number;
  voted: number;
  tally: OptionTally[];
  owners?: OwnersDecisionResult & {
    matter: 'ordinary' | 'special';
    matterItem: number;
    /** Set when the compound's rules count non-voters with the majority (voting-rules.md). */
    nonVoters?: { followed: OwnersDecisionChoice | null; added: number; strict: OwnersDecisionResult };
  };
}

const OWNER_CHOICES: readonly string[] = ['agree', 'disagree', 'abstain'];

export function countVote(input: CountInput): VoteResult {
  const keys = new Set(input.voters.map((v) => v.voterKey));
  const seen = new Set<string>();
  for (const b of input.ballots) {
    if (!keys.has(b.voterKey)) throw new Error(`ballot from ${b.voterKey}, who is not in the electorate`);
    if (seen.has(b.voterKey)) throw new Error(`two ballots from ${b.voterKey}`);
    seen.add(b.voterKey);
  }
  const tally = input.options.map((o) => ({
    key: o.key,
    label: o.label,
    votes: input.ballots.filter((b) => b.choice.includes(o.key)).length,
  }));
  const base: VoteResult = { kind: input.kind, electorate: input.voters.length, voted: input.ballots.length, tally };
  if (input.kind !== 'owners') return base;
  if (input.matterItem === null || !isArt278Item(input.matterItem)) {
    throw new Error('an owners decision needs its Art. 278 item (1–9)');
  }

  const matter = matterOf(input.matterItem);
  const holderOf = new Map(input.voters.map((v) => [v.voterKey, v.holderId]));
  const ownerBallots = input.ballots.map((b) => {
    const holderId = holderOf.get(b.voterKey);
    const choice = b.choice[0];
    if (holderId === null || holderId === undefined) throw new Error(`ballot from ${b.voterKey} has no holder`);
    if (b.choice.length !== 1 || choice === undefined || !OWNER_CHOICES.includes(choice)) {
      throw new Error(`ballot from ${b.voterKey} is not agree, disagree or abstain`);
    }
    return { holderId: String(holderId), choice: choice as OwnersDecisionChoice };
  });
  const units = input.units.map((u) => ({
    unitId: String(u.unitId),
    holderId: String(u.holderId),
    area: formatArea(u.areaCenti),
  }));
  const strict = countOwnersDecision({ matter, units, ballots: ownerBallots });
  if (!input.nonVotersFollowMajority) {
    return { ...base, owners: { ...strict, matter, matterItem: input.matterItem } };
  }

  // The contested rule: holders who did not vote are counted with the majority (by head count) of
  // those who took a side; abstentions take no side, so they never form the majority followed. Only where the compound's rules say so; the strict count is kept beside it.
  const agree = ownerBallots.filter((b) => b.choice === 'agree').length;
  const disagree = ownerBallots.filter((b) => b.choice === 'disagree').length;
  const followed: OwnersDecisionChoice | null = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : null;
  const voted = new Set(ownerBallots.map((b) => b.holderId));
  const silent = [...new Set(units.map((u) => u.holderId))].filter((h) => !voted.has(h));
  const adjusted = followed
    ? countOwnersDecision({
        matter,
        units,
        ballots: [...ownerBallots, ...silent.map((holderId) => ({ holderId, choice: followed }))],
      })
    : strict;
  return {
    ...base,
    owners: {
      ...adjusted,
      matter,
      matterItem: input.matterItem,
      nonVoters: { followed, added: followed ? silent.length : 0, strict },
    },
  };
}
