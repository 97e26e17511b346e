import {
  indexByIds,
  CHOICE_CODE,
  holderOf,
  holdersOfUnits,
  nameOf,
  type OwnersDecisionInput,
  type OwnersDecisionResult,
  sumBallots,
  verdictOf,
} from './owners-decision';

/**
 * Electing the owners' committee (选举业主委员会, Civil Code Art. 278 para. 1 item 3: an ordinary matter).
 *
 * Contract:
 * - `seats`: how many members this vote fills, a positive integer. Not checked against the 5–11 odd size of a
 *   committee (指导规则 Art. 31 ff.): a by-election to replace members (更换, also item 3) fills one or two seats,
 *   and the committee's size is a setting checked when the vote is set up, not arithmetic.
 * - `units`: the frozen electorate exactly as in `countOwnersDecision`; holders (a person, co-owners, the
 *   developer) count once with their units' areas added (SPC interpretation Arts. 8–9).
 * - `candidates`: at least one, each id once. More seats than candidates is allowed (the seats stay empty).
 * - `ballots`: one per holder at most; `marks` lists the candidates the holder agrees to, at most `seats` of
 *   them, each once. No marks = abstaining: it counts toward participation, not for anyone.
 *
 * Throws, naming what is wrong, on: a bad area, a duplicate unit, an empty electorate, seats that are not a
 * positive integer, no candidates, a candidate listed twice, a ballot from a holder with no unit, two ballots of
 * one holder, marks that are not a list, an unknown candidate, a candidate marked twice on one ballot, and more
 * marks than seats. A ballot that cannot be counted as the owner meant is a spoilt ballot for whoever enters it
 * (the paper-ballot desk); the count refuses it rather than guess.
 *
 * Each candidate is counted as an ordinary matter on its own (docs/domain/owners-assembly.md: "each elected candidate must
 * meet the ordinary test"): agree = the ballots marking them, everyone else who cast a ballot = not agreeing.
 * A candidate qualifies when participation is at least 2/3 of the area and of the heads, and their agreeing area
 * and heads are each more than half of the participating ones.
 *
 * Qualifying candidates are ranked by agreeing area, then agreeing heads, both descending. Walking down the ranks
 * a group of candidates equal on both takes its seats only if the whole group fits; the group that would cross
 * the last seat is the `tie` and none of it is elected (the compound breaks it by a run-off or lots, a step
 * the UI offers), and everyone below is out. So `elected` never exceeds `seats`, a seat stays empty rather than
 * go to someone who did not qualify, and when the quorum fails nobody is elected and `tie` is empty.
 * Qualifying depends only on a candidate's agreeing area and heads, so equal candidates qualify together: a tie
 * never straddles the qualifying line.
 *
 * Order: `candidates` follows the input; `elected` and `tie` follow rank, and input order among equal ranks.
 */
export interface ElectionInput {
  seats: number;
  units: OwnersDecisionInput['units'];
  candidates: { id: string }[];
  ballots: { holderId: string; marks: string[] }[];
}

/** Hundredths of m² written as "87.35", and heads. */
export type OwnersFigures = OwnersDecisionResult['total'];

export interface ElectionResult {
  total: OwnersFigures;
  participating: OwnersFigures;
  quorumMet: boolean;
  candidates: { id: string; agree: OwnersFigures; elected: boolean }[];
  elected: string[];
  tie: string[];
}

export function countElection(input: ElectionInput): ElectionResult {
  const { seats, units, candidates, ballots } = input;
  if (!Number.isSafeInteger(seats) || seats < 1) {
    throw new Error(`Seats ${JSON.stringify(seats)}: an election fills a whole number of seats, at least one`);
  }
  if (candidates.length === 0) {
    throw new Error('An election needs at least one candidate');
  }
  const holders = holdersOfUnits(units);
  const candidateIndex = indexByIds(candidates, 'Candidate');

  // Per candidate, the agreeing area and heads; a ballot's marks are distinct, so a holder adds to a candidate once.
  const agreeCenti = new Float64Array(candidates.length);
  const agreeOwners = new Int32Array(candidates.length);
  // Which ballot last marked a candidate: finds a candidate marked twice on one ballot without a Set per ballot.
  const markedBy = new Int32Array(candidates.length).fill(-1);
  const ballotHolder = new Int32Array(ballots.length);
  for (let i = 0; i < ballots.length; i++) {
    const { holderId, marks } = ballots[i] as ElectionInput['ballots'][number];
    const h = holderOf(holders, holderId);
    ballotHolder[i] = h;
    if (!Array.isArray(marks)) throw new Error(`Ballot of holder ${nameOf(holderId)}: marks must be a list`);
    if (marks.length > seats) {
      throw new Error(`Ballot of holder ${nameOf(holderId)} marks ${marks.length} candidates for ${seats} seats`);
    }
    const centi = holders.centi[h] as number;
    for (const mark of marks) {
      const c = candidateIndex.get(mark);
      if (c === undefined) throw new Error(`Ballot of holder ${nameOf(holderId)}: unknown candidate ${nameOf(mark)}`);
      if (markedBy[c] === i) {
        throw new Error(`Ballot of holder ${nameOf(holderId)} marks candidate ${nameOf(mark)} twice`);
      }
      markedBy[c] = i;
      agreeCenti[c] = (agreeCenti[c] as number) + centi;
      agreeOwners[c] = (agreeOwners[c] as number) + 1;
    }
  }
  // Participation, and the refusal of a second ballot from one holder, exactly as in an owners' decision.
  const base = sumBallots(holders, ballotHolder, new Uint8Array(ballots.length).fill(CHOICE_CODE.abstain), nameOf);

  const verdicts = candidates.map((_, c) =>
    verdictOf('ordinary', { ...base, agreeCenti: agreeCenti[c] as number, agreeOwners: agreeOwners[c] as number }),
  );
  const ranked = candidates
    .map((_, c) => c)
    .filter((c) => (verdicts[c] as OwnersDecisionResult).passed)
    // Array.prototype.sort is stable, which keeps input order among equal ranks.
    .sort(
      (a, b) =>
        (agreeCenti[b] as number) - (agreeCenti[a] as number) ||
        (agreeOwners[b] as number) - (agreeOwners[a] as number),
    );

  const elected: number[] = [];
  const tie: number[] = [];
  for (let start = 0; start < ranked.length && elected.length < seats; ) {
    let end = start + 1;
    const first = ranked[start] as number;
    while (end < ranked.length) {
      const next = ranked[end] as number;
      if (agreeCenti[next] !== agreeCenti[first] || agreeOwners[next] !== agreeOwners[first]) break;
      end++;
    }
    const group = ranked.slice(start, end);
    if (elected.length + group.length <= seats) elected.push(...group);
    else tie.push(...group);
    // A tie fills no seat, and nobody ranked below it can take one of the seats it contests.
    if (tie.length > 0) break;
    start = end;
  }

  const isElected = new Uint8Array(candidates.length);
  for (const c of elected) isElected[c] = 1;
  const first = verdicts[0] as OwnersDecisionResult;
  return {
    total: first.total,
    participating: first.participating,
    quorumMet: first.quorumMet,
    candidates: candidates.map(({ id }, c) => ({
      id,
      agree: (verdicts[c] as OwnersDecisionResult).agree,
      elected: isElected[c] === 1,
    })),
    elected: elected.map((c) => (candidates[c] as ElectionInput['candidates'][number]).id),
    tie: tie.map((c) => (candidates[c] as ElectionInput['candidates'][number]).id),
  };
}
