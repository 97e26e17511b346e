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
 * Choosing one of several options in one vote, such as hiring one of several property companies (选聘物业服务企业,
 * Civil Code Art. 278 para. 1 item 4, an ordinary matter) or adopting one of several maintenance plans.
 *
 * Contract:
 * - `matter`: 'ordinary' or 'special' as in `countOwnersDecision` (the caller maps the Art. 278 item with
 *   `matterOf`, lib/voting/matters.ts).
 * - `units`: the frozen electorate exactly as in `countOwnersDecision` (holders count once, areas added).
 * - `options`: at least one, each id once. With one option this is a yes/no decision in which not choosing it
 *   counts as not agreeing.
 * - `ballots`: one per holder at most; `option` is one option's id, or null to abstain. There is no separate
 *   "against all": for Art. 278 disagreeing and abstaining weigh the same (both take part, neither agrees).
 *
 * Each option is counted as its own matter over the same ballots: agree = the ballots for it; every other
 * ballot takes part without agreeing. An option passes when participation is at least 2/3 of the area and
 * heads and its agreeing area and heads meet the matter's test over the participating ones (ordinary: more
 * than 1/2; special: at least 3/4). `chosen` is the option that passed, or null: with the votes split so that
 * no option has a majority on both measures nothing is chosen, and a run-off is the compound's next step.
 *
 * At most one option can pass, because each ballot names one option at most, so the options' agreeing heads
 * add up to no more than the participating heads; two options each holding more than 1/2 (or at least 3/4)
 * of them would add up to more than all of them. (Heads alone decide it; with nobody taking part nothing
 * passes.) choice.test.ts checks this against random electorates.
 *
 * Throws, naming what is wrong, on: a bad area, a duplicate unit, an empty electorate, an unknown matter, no
 * options, an option listed twice, a ballot from a holder with no unit, two ballots of one holder, and a
 * ballot for an unknown option.
 *
 * Order: `options` follows the input.
 */
export interface ChoiceInput {
  matter: OwnersDecisionInput['matter'];
  units: OwnersDecisionInput['units'];
  options: { id: string }[];
  ballots: { holderId: string; option: string | null }[];
}

export interface ChoiceResult {
  total: OwnersDecisionResult['total'];
  participating: OwnersDecisionResult['participating'];
  quorumMet: boolean;
  options: { id: string; agree: OwnersDecisionResult['agree']; passed: boolean }[];
  chosen: string | null;
}

export function countChoice(input: ChoiceInput): ChoiceResult {
  const { matter, units, options, ballots } = input;
  if (matter !== 'ordinary' && matter !== 'special') {
    throw new Error(`Unknown matter ${JSON.stringify(matter)}: expected 'ordinary' or 'special'`);
  }
  if (options.length === 0) throw new Error('A choice needs at least one option');
  const holders = holdersOfUnits(units);
  const optionIndex = indexByIds(options, 'Option');

  const agreeCenti = new Float64Array(options.length);
  const agreeOwners = new Int32Array(options.length);
  const ballotHolder = new Int32Array(ballots.length);
  for (let i = 0; i < ballots.length; i++) {
    const { holderId, option } = ballots[i] as ChoiceInput['ballots'][number];
    const h = holderOf(holders, holderId);
    ballotHolder[i] = h;
    if (option === null) continue;
    const o = optionIndex.get(option);
    if (o === undefined) throw new Error(`Ballot of holder ${nameOf(holderId)}: unknown option ${nameOf(option)}`);
    agreeCenti[o] = (agreeCenti[o] as number) + (holders.centi[h] as number);
    agreeOwners[o] = (agreeOwners[o] as number) + 1;
  }
  // Participation, and the refusal of a second ballot from one holder, exactly as in an owners' decision.
  const base = sumBallots(holders, ballotHolder, new Uint8Array(ballots.length).fill(CHOICE_CODE.abstain), nameOf);

  const verdicts = options.map((_, o) =>
    verdictOf(matter, { ...base, agreeCenti: agreeCenti[o] as number, agreeOwners: agreeOwners[o] as number }),
  );
  const first = verdicts[0] as OwnersDecisionResult;
  const results = options.map(({ id }, o) => {
    const { agree, passed } = verdicts[o] as OwnersDecisionResult;
    return { id, agree, passed };
  });
  return {
    total: first.total,
    participating: first.participating,
    quorumMet: first.quorumMet,
    options: results,
    // The first passing option is the only one (see the header).
    chosen: results.find((o) => o.passed)?.id ?? null,
  };
}
