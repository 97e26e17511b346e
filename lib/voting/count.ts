import { MAX_UNIT_AREA_CENTI } from '../area';
import {
  CHOICE_CODE,
  holderAreas,
  type OwnersDecisionChoice,
  type OwnersDecisionResult,
  sumBallots,
  verdictOf,
} from './owners-decision';
import { isArt278Item, matterOf } from './matters';
import { type AssemblyFigures, assemblyFiguresOf, countAssemblyMatter, type MatterKind } from './count-matters';

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
  /** Counted ballots only (paper ballots once confirmed); `byProxy` when an authorised agent cast it. */
  ballots: { voterKey: string; choice: string[]; byProxy?: boolean }[];
  /**
   * A matter of an owners' assembly (db/assembly): how it is decided. Absent or null for a vote made
   * outside an assembly, which is counted exactly as before assemblies existed, so that its stored result
   * and hash still recount (npm run recount).
   */
  matterKind?: MatterKind | null;
  /** An election's seats (compound rules). */
  seats?: number | null;
}

export interface OptionTally {
  key: string;
  label: string;
  votes: number;
}

export interface VoteResult extends Partial<AssemblyFigures> {
  kind: CountInput['kind'];
  electorate: number;
  voted: number;
  tally: OptionTally[];
  owners?: OwnersDecisionResult & {
    matter: 'ordinary' | 'special';
    matterItem: number;
    /** Set when the compound's rules count non-voters with the majority (docs/domain/voting-rules.md). */
    nonVoters?: { followed: OwnersDecisionChoice | null; added: number; strict: OwnersDecisionResult };
  };
}

/**
 * Counts a stored vote. Every list is walked once with numeric look-ups: a close counts 10,000 holders
 * in a cold process, where each extra pass or string conversion per holder shows (issue 4: < 50 ms).
 */
export function countVote(input: CountInput): VoteResult {
  const { voters, ballots, options } = input;
  const voterIndex = new Map<string, number>();
  for (let i = 0; i < voters.length; i++) voterIndex.set((voters[i] as CountInput['voters'][number]).voterKey, i);
  const optionIndex = new Map(options.map((o, i) => [o.key, i]));
  const votes = new Array<number>(options.length).fill(0);
  // Which ballot last counted for an option: a ballot naming one option twice counts for it once.
  const countedBy = new Array<number>(options.length).fill(-1);
  const ballotVoter = new Int32Array(ballots.length);
  const seen = new Uint8Array(voters.length);
  for (let i = 0; i < ballots.length; i++) {
    const b = ballots[i] as CountInput['ballots'][number];
    const v = voterIndex.get(b.voterKey);
    if (v === undefined) throw new Error(`ballot from ${b.voterKey}, who is not in the electorate`);
    if (seen[v] === 1) throw new Error(`two ballots from ${b.voterKey}`);
    seen[v] = 1;
    ballotVoter[i] = v;
    for (let k = 0; k < b.choice.length; k++) {
      const o = optionIndex.get(b.choice[k] as string);
      if (o !== undefined && countedBy[o] !== i) {
        countedBy[o] = i;
        votes[o] = (votes[o] as number) + 1;
      }
    }
  }
  const tally = options.map((o, i) => ({ key: o.key, label: o.label, votes: votes[i] as number }));
  const base: VoteResult = { kind: input.kind, electorate: voters.length, voted: ballots.length, tally };
  if (input.kind !== 'owners') return base;
  if (input.matterItem === null || !isArt278Item(input.matterItem)) {
    throw new Error('an owners decision needs its Art. 278 item (1–9)');
  }
  const matter = matterOf(input.matterItem);
  if (input.matterKind === 'election' || input.matterKind === 'choice') {
    return { ...base, ...countAssemblyMatter(input, input.matterKind) };
  }
  const decided = countDecision(input, base, voterIndex, matter, input.matterItem);
  return input.matterKind === 'decision' ? { ...decided, ...assemblyFiguresOf(input, 'agree') } : decided;
}

/** A yes/no owners' decision (the kernel of lib/voting/owners-decision.ts), and the non-voters setting. */
function countDecision(
  input: CountInput,
  base: VoteResult,
  voterIndex: ReadonlyMap<string, number>,
  matter: 'ordinary' | 'special',
  matterItem: number,
): VoteResult {
  const { voters, ballots } = input;
  // SPC interpretation Arts. 8–9: one owner per holder, their units' areas added (as in countOwnersDecision).
  const holders = holderAreas(
    input.units,
    (unit) => {
      const centi = unit.areaCenti;
      if (!Number.isInteger(centi) || centi <= 0 || centi > MAX_UNIT_AREA_CENTI) {
        throw new Error(
          `Unit ${unit.unitId}: area ${centi} is not a whole number of hundredths of m² from 1 to ${MAX_UNIT_AREA_CENTI}`,
        );
      }
      return centi;
    },
    String,
  );

  const ballotHolder = new Int32Array(ballots.length);
  const ballotChoice = new Uint8Array(ballots.length);
  let agreeBallots = 0;
  let disagreeBallots = 0;
  for (let i = 0; i < ballots.length; i++) {
    const b = ballots[i] as CountInput['ballots'][number];
    const holderId = (voters[voterIndex.get(b.voterKey) as number] as CountInput['voters'][number]).holderId;
    if (holderId === null) throw new Error(`ballot from ${b.voterKey} has no holder`);
    const choice = b.choice.length === 1 ? b.choice[0] : undefined;
    if (choice !== 'agree' && choice !== 'disagree' && choice !== 'abstain') {
      throw new Error(`ballot from ${b.voterKey} is not agree, disagree or abstain`);
    }
    const h = holders.index.get(holderId);
    if (h === undefined) throw new Error(`Ballot of holder ${holderId}: this holder holds no unit`);
    ballotHolder[i] = h;
    ballotChoice[i] = CHOICE_CODE[choice];
    if (choice === 'agree') agreeBallots++;
    else if (choice === 'disagree') disagreeBallots++;
  }
  const sums = sumBallots(holders, ballotHolder, ballotChoice, String);
  const strict = verdictOf(matter, sums);
  if (!input.nonVotersFollowMajority) {
    return { ...base, owners: { ...strict, matter, matterItem } };
  }

  // The contested rule: holders who did not vote are counted with the majority (by head count) of
  // those who took a side; abstentions take no side, so they never form the majority followed. Only where the
  // compound's rules say so; the strict count is kept beside it. The silent holders are everyone not yet counted.
  const followed: OwnersDecisionChoice | null =
    agreeBallots > disagreeBallots ? 'agree' : disagreeBallots > agreeBallots ? 'disagree' : null;
  const silentOwners = sums.totalOwners - sums.participatingOwners;
  const silentCenti = sums.totalCenti - sums.participatingCenti;
  const adjusted = followed
    ? verdictOf(matter, {
        ...sums,
        participatingCenti: sums.totalCenti,
        participatingOwners: sums.totalOwners,
        agreeCenti: sums.agreeCenti + (followed === 'agree' ? silentCenti : 0),
        agreeOwners: sums.agreeOwners + (followed === 'agree' ? silentOwners : 0),
      })
    : strict;
  return {
    ...base,
    owners: {
      ...adjusted,
      matter,
      matterItem,
      nonVoters: { followed, added: followed ? silentOwners : 0, strict },
    },
  };
}
