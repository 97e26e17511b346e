import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea } from '../area';
import { type CountInput, countVote } from './count';
import { countOwnersDecision } from './owners-decision';

type Voter = CountInput['voters'][number];
type Ballot = CountInput['ballots'][number];
type Unit = CountInput['units'][number];

const AGREE_OPTIONS: CountInput['options'] = [
  { key: 'agree', label: '同意' },
  { key: 'disagree', label: '反对' },
  { key: 'abstain', label: '弃权' },
];

/** Residents p:1 … p:n, one person one vote (consultations and council votes have no holders). */
function people(n: number): Voter[] {
  return Array.from({ length: n }, (_, i) => ({ voterKey: `p:${i + 1}`, holderId: null }));
}

function ballot(voterKey: string, ...choice: string[]): Ballot {
  return { voterKey, choice };
}

function consultation(over: Partial<CountInput>): CountInput {
  return {
    kind: 'consultation',
    matterItem: null,
    nonVotersFollowMajority: false,
    options: [
      { key: 'a', label: '划线停车' },
      { key: 'b', label: '错时停车' },
      { key: 'c', label: '维持现状' },
    ],
    units: [],
    voters: people(5),
    ballots: [],
    ...over,
  };
}

describe('consultations and council votes', () => {
  it('tallies a single-choice consultation per option, in option order, with labels', () => {
    // 5 residents; p:1 a, p:2 b, p:3 a; p:4 and p:5 did not vote. a = 2, b = 1, c = 0.
    const r = countVote(consultation({ ballots: [ballot('p:1', 'a'), ballot('p:2', 'b'), ballot('p:3', 'a')] }));
    expect(r).toEqual({
      kind: 'consultation',
      electorate: 5,
      voted: 3,
      tally: [
        { key: 'a', label: '划线停车', votes: 2 },
        { key: 'b', label: '错时停车', votes: 1 },
        { key: 'c', label: '维持现状', votes: 0 },
      ],
    });
    expect('owners' in r).toBe(false);
  });

  it('tallies a multiple-choice consultation: each ballot counts once for each option it names', () => {
    // p:1 {a, b}, p:2 {b, c}, p:3 {b}, p:4 {a, b, c}. a = 2 (p:1, p:4), b = 4, c = 2 (p:2, p:4).
    // Voted counts ballots, not choices: 4 of 5.
    const r = countVote(
      consultation({
        ballots: [ballot('p:1', 'a', 'b'), ballot('p:2', 'b', 'c'), ballot('p:3', 'b'), ballot('p:4', 'a', 'b', 'c')],
      }),
    );
    expect(r.electorate).toBe(5);
    expect(r.voted).toBe(4);
    expect(r.tally.map((t) => [t.key, t.votes])).toEqual([
      ['a', 2],
      ['b', 4],
      ['c', 2],
    ]);
  });

  it('counts nobody when nobody voted', () => {
    const r = countVote(consultation({ ballots: [] }));
    expect(r.electorate).toBe(5);
    expect(r.voted).toBe(0);
    expect(r.tally.map((t) => t.votes)).toEqual([0, 0, 0]);
  });

  it('counts a council vote the same way, and ignores the non-voters setting and any units', () => {
    // 4 council members; agree 2, disagree 1, abstain 0; p:4 did not vote.
    const r = countVote({
      kind: 'council',
      matterItem: null,
      nonVotersFollowMajority: true,
      options: AGREE_OPTIONS,
      units: [{ unitId: 1, holderId: 1, areaCenti: 10_000 }],
      voters: people(4),
      ballots: [ballot('p:1', 'agree'), ballot('p:2', 'disagree'), ballot('p:3', 'agree')],
    });
    expect(r).toEqual({
      kind: 'council',
      electorate: 4,
      voted: 3,
      tally: [
        { key: 'agree', label: '同意', votes: 2 },
        { key: 'disagree', label: '反对', votes: 1 },
        { key: 'abstain', label: '弃权', votes: 0 },
      ],
    });
    expect('owners' in r).toBe(false);
  });

  it('does not need an Art. 278 item for a consultation', () => {
    expect(() => countVote(consultation({ matterItem: null }))).not.toThrow();
  });

  it('counts a ballot that names one option twice once for it', () => {
    const r = countVote(consultation({ ballots: [ballot('p:1', 'a', 'a', 'b')] }));
    expect(r.tally.map((t) => t.votes)).toEqual([1, 1, 0]);
  });

  it('is pure: the same input gives the same result and is not changed', () => {
    const input = consultation({ ballots: [ballot('p:1', 'a', 'c'), ballot('p:2', 'b')] });
    const copy = structuredClone(input);
    expect(countVote(input)).toEqual(countVote(copy));
    expect(input).toEqual(copy);
  });
});

/**
 * The owners' electorate used below (areas in hundredths of m²):
 *
 *   unit 1  holder 10  100.00 m²
 *   unit 2  holder 20   80.50 m²  ┐ holder 20 buys two units: one owner of 100.00 m²
 *   unit 3  holder 20   19.50 m²  ┘ (SPC interpretation Art. 9)
 *   unit 4  holder 30   50.00 m²
 *   unit 5  holder 40   50.00 m²
 *
 * Total 300.00 m², 4 owners. One voter key per holder, as the register freezes it: h:10 … h:40.
 */
const UNITS: Unit[] = [
  { unitId: 1, holderId: 10, areaCenti: 10_000 },
  { unitId: 2, holderId: 20, areaCenti: 8_050 },
  { unitId: 3, holderId: 20, areaCenti: 1_950 },
  { unitId: 4, holderId: 30, areaCenti: 5_000 },
  { unitId: 5, holderId: 40, areaCenti: 5_000 },
];
const HOLDERS: Voter[] = [
  { voterKey: 'h:10', holderId: 10 },
  { voterKey: 'h:20', holderId: 20 },
  { voterKey: 'h:30', holderId: 30 },
  { voterKey: 'h:40', holderId: 40 },
];

function owners(over: Partial<CountInput>): CountInput {
  return {
    kind: 'owners',
    matterItem: 5,
    nonVotersFollowMajority: false,
    options: AGREE_OPTIONS,
    units: UNITS,
    voters: HOLDERS,
    ballots: [],
    ...over,
  };
}

/** h:10 agree (100.00), h:20 agree (100.00 over two units), h:30 disagree (50.00); h:40 silent. */
const TWO_AGREE_ONE_DISAGREE: Ballot[] = [ballot('h:10', 'agree'), ballot('h:20', 'agree'), ballot('h:30', 'disagree')];

describe("owners' decisions", () => {
  it('counts an ordinary matter (item 5, using the maintenance fund) that passes', () => {
    // Participating: 100.00 + 100.00 + 50.00 = 250.00 m², 3 of 4 owners.
    //   Quorum: 250.00 * 3 = 750 >= 300.00 * 2 = 600 on area; 3 * 3 = 9 >= 4 * 2 = 8 on heads → met.
    // Agree: 200.00 m², 2 owners.
    //   More than half: 200.00 > 125.00 on area; 2 > 1.5 on heads → met. Passed.
    const r = countVote(owners({ matterItem: 5, ballots: TWO_AGREE_ONE_DISAGREE }));
    expect(r.kind).toBe('owners');
    expect(r.electorate).toBe(4);
    expect(r.voted).toBe(3);
    expect(r.tally).toEqual([
      { key: 'agree', label: '同意', votes: 2 },
      { key: 'disagree', label: '反对', votes: 1 },
      { key: 'abstain', label: '弃权', votes: 0 },
    ]);
    expect(r.owners).toEqual({
      total: { area: '300.00', owners: 4 },
      participating: { area: '250.00', owners: 3 },
      agree: { area: '200.00', owners: 2 },
      quorumMet: true,
      agreementMet: true,
      passed: true,
      matter: 'ordinary',
      matterItem: 5,
    });
    expect(r.owners !== undefined && 'nonVoters' in r.owners).toBe(false);
  });

  it('counts a special matter (item 7, rebuilding) on the same ballots, which fails on heads', () => {
    // Same participation and agreement numbers as above. At least 3/4 of the participating:
    //   area 200.00 * 4 = 800 >= 250.00 * 3 = 750 → met; heads 2 * 4 = 8 >= 3 * 3 = 9 → NOT met.
    const r = countVote(owners({ matterItem: 7, ballots: TWO_AGREE_ONE_DISAGREE }));
    expect(r.owners).toEqual({
      total: { area: '300.00', owners: 4 },
      participating: { area: '250.00', owners: 3 },
      agree: { area: '200.00', owners: 2 },
      quorumMet: true,
      agreementMet: false,
      passed: false,
      matter: 'special',
      matterItem: 7,
    });
  });

  it.each([
    { item: 1, matter: 'ordinary' },
    { item: 5, matter: 'ordinary' },
    { item: 6, matter: 'special' },
    { item: 7, matter: 'special' },
    { item: 8, matter: 'special' },
    { item: 9, matter: 'ordinary' },
  ] as const)('delegates item $item to the kernel as $matter', ({ item, matter }) => {
    const r = countVote(owners({ matterItem: item, ballots: TWO_AGREE_ONE_DISAGREE }));
    const kernel = countOwnersDecision({
      matter,
      units: [
        { unitId: '1', holderId: '10', area: '100.00' },
        { unitId: '2', holderId: '20', area: '80.50' },
        { unitId: '3', holderId: '20', area: '19.50' },
        { unitId: '4', holderId: '30', area: '50.00' },
        { unitId: '5', holderId: '40', area: '50.00' },
      ],
      ballots: [
        { holderId: '10', choice: 'agree' },
        { holderId: '20', choice: 'agree' },
        { holderId: '30', choice: 'disagree' },
      ],
    });
    expect(r.owners).toEqual({ ...kernel, matter, matterItem: item });
  });

  it("gives a multi-unit holder's one ballot the area of all its units, as one owner", () => {
    // Only h:20 votes (agree): 80.50 + 19.50 = 100.00 m², 1 owner. Quorum 100/300 < 2/3 → not met.
    // Agreement 100.00 of 100.00 participating, 1 of 1 → met; not passed.
    const r = countVote(owners({ ballots: [ballot('h:20', 'agree')] }));
    expect(r.owners?.participating).toEqual({ area: '100.00', owners: 1 });
    expect(r.owners?.agree).toEqual({ area: '100.00', owners: 1 });
    expect(r.owners?.quorumMet).toBe(false);
    expect(r.owners?.agreementMet).toBe(true);
    expect(r.owners?.passed).toBe(false);
  });

  it('maps each voter key to its holder, whatever the key looks like', () => {
    // Keys deliberately unlike the holder ids: x → holder 30, y → holder 10, z → holder 20, w → holder 40.
    // y agree (100.00), z agree (100.00), x abstain (50.00): participating 250.00 / 3, agree 200.00 / 2.
    const r = countVote(
      owners({
        voters: [
          { voterKey: 'x', holderId: 30 },
          { voterKey: 'y', holderId: 10 },
          { voterKey: 'z', holderId: 20 },
          { voterKey: 'w', holderId: 40 },
        ],
        ballots: [ballot('y', 'agree'), ballot('z', 'agree'), ballot('x', 'abstain')],
      }),
    );
    expect(r.owners?.participating).toEqual({ area: '250.00', owners: 3 });
    expect(r.owners?.agree).toEqual({ area: '200.00', owners: 2 });
    expect(r.owners?.passed).toBe(true);
  });

  it('counts co-owners with two voter keys for one holder as one owner when one of them votes', () => {
    // Holder 20 is two co-owners, h:20a and h:20b; only h:20a votes (agree). h:10 disagrees.
    // Participating 100.00 + 100.00 = 200.00 m², 2 owners; the electorate lists 5 voter keys.
    const r = countVote(
      owners({
        voters: [
          ...HOLDERS.filter((v) => v.voterKey !== 'h:20'),
          { voterKey: 'h:20a', holderId: 20 },
          { voterKey: 'h:20b', holderId: 20 },
        ],
        ballots: [ballot('h:20a', 'agree'), ballot('h:10', 'disagree')],
      }),
    );
    expect(r.electorate).toBe(5);
    expect(r.voted).toBe(2);
    expect(r.owners?.total).toEqual({ area: '300.00', owners: 4 });
    expect(r.owners?.participating).toEqual({ area: '200.00', owners: 2 });
    expect(r.owners?.agree).toEqual({ area: '100.00', owners: 1 });
  });

  it('refuses two ballots from co-owners of one holder: they vote with one voice', () => {
    expect(() =>
      countVote(
        owners({
          voters: [{ voterKey: 'h:20a', holderId: 20 }, { voterKey: 'h:20b', holderId: 20 }, ...HOLDERS],
          ballots: [ballot('h:20a', 'agree'), ballot('h:20b', 'disagree')],
        }),
      ),
    ).toThrow(/more than one ballot/);
  });

  it('counts abstention as taking part but not as agreeing', () => {
    // h:10 agree (100.00), h:20 abstain (100.00), h:30 abstain (50.00), h:40 abstain (50.00).
    // Participating 300.00 / 4 → quorum met. Agree 100.00 of 300.00, 1 of 4 → not more than half.
    const r = countVote(
      owners({
        ballots: [
          ballot('h:10', 'agree'),
          ballot('h:20', 'abstain'),
          ballot('h:30', 'abstain'),
          ballot('h:40', 'abstain'),
        ],
      }),
    );
    expect(r.owners?.participating).toEqual({ area: '300.00', owners: 4 });
    expect(r.owners?.quorumMet).toBe(true);
    expect(r.owners?.agreementMet).toBe(false);
    expect(r.tally.map((t) => t.votes)).toEqual([1, 0, 3]);
  });

  describe('errors', () => {
    it('refuses an owners ballot with two choices', () => {
      expect(() => countVote(owners({ ballots: [ballot('h:10', 'agree', 'disagree')] }))).toThrow(
        'ballot from h:10 is not agree, disagree or abstain',
      );
    });

    it('refuses an owners ballot with no choice', () => {
      expect(() => countVote(owners({ ballots: [ballot('h:10')] }))).toThrow(
        'ballot from h:10 is not agree, disagree or abstain',
      );
    });

    it('refuses an owners ballot whose one choice is not agree, disagree or abstain', () => {
      expect(() => countVote(owners({ ballots: [ballot('h:30', 'a')] }))).toThrow(
        'ballot from h:30 is not agree, disagree or abstain',
      );
      expect(() => countVote(owners({ ballots: [ballot('h:30', 'Agree')] }))).toThrow(/is not agree/);
    });

    it('refuses a ballot from a voter key outside the electorate', () => {
      expect(() => countVote(owners({ ballots: [ballot('h:10', 'agree'), ballot('h:99', 'agree')] }))).toThrow(
        'ballot from h:99, who is not in the electorate',
      );
    });

    it('refuses a ballot from a voter without a holder', () => {
      expect(() =>
        countVote(
          owners({ voters: [...HOLDERS, { voterKey: 'p:5', holderId: null }], ballots: [ballot('p:5', 'agree')] }),
        ),
      ).toThrow('ballot from p:5 has no holder');
    });

    it('refuses a ballot from a holder who holds no unit', () => {
      expect(() =>
        countVote(
          owners({ voters: [...HOLDERS, { voterKey: 'h:50', holderId: 50 }], ballots: [ballot('h:50', 'agree')] }),
        ),
      ).toThrow(/holds no unit/);
    });

    it('refuses an owners decision without its Art. 278 item', () => {
      expect(() => countVote(owners({ matterItem: null, ballots: TWO_AGREE_ONE_DISAGREE }))).toThrow(
        'an owners decision needs its Art. 278 item',
      );
    });

    it('refuses a unit whose area is not a positive whole number of hundredths, and a unit listed twice', () => {
      for (const areaCenti of [0, -100, 87.5, Number.NaN, 1_000_000_000]) {
        const units = [{ unitId: 1, holderId: 10, areaCenti }, ...UNITS.slice(1)];
        expect(() => countVote(owners({ units }))).toThrow(/Unit 1: area .* is not a whole number of hundredths/);
      }
      expect(() => countVote(owners({ units: [...UNITS, { unitId: 4, holderId: 40, areaCenti: 100 }] }))).toThrow(
        'Duplicate unit 4',
      );
    });

    it('refuses an owners decision with no units (the kernel refuses an empty electorate)', () => {
      expect(() => countVote(owners({ units: [], voters: [], ballots: [] }))).toThrow(/Empty electorate/);
    });
  });
});

describe('non-voters follow the majority (a contested, opt-in rule)', () => {
  /**
   * Six holders, 600.00 m² in all:
   *
   *   h:1 100.00   h:2 100.00   h:3 100.00   h:4 100.00   h:5 100.00
   *   h:6  60.00 + 40.00 over two units (one owner, 100.00 m²)
   */
  const SIX_UNITS: Unit[] = [
    { unitId: 1, holderId: 1, areaCenti: 10_000 },
    { unitId: 2, holderId: 2, areaCenti: 10_000 },
    { unitId: 3, holderId: 3, areaCenti: 10_000 },
    { unitId: 4, holderId: 4, areaCenti: 10_000 },
    { unitId: 5, holderId: 5, areaCenti: 10_000 },
    { unitId: 6, holderId: 6, areaCenti: 6_000 },
    { unitId: 7, holderId: 6, areaCenti: 4_000 },
  ];
  const SIX_HOLDERS: Voter[] = [1, 2, 3, 4, 5, 6].map((h) => ({ voterKey: `h:${h}`, holderId: h }));
  const six = (ballots: Ballot[], followMajority: boolean): CountInput => ({
    kind: 'owners',
    matterItem: 4,
    nonVotersFollowMajority: followMajority,
    options: AGREE_OPTIONS,
    units: SIX_UNITS,
    voters: SIX_HOLDERS,
    ballots,
  });

  it('adds the silent holders as agree when most voters agree, keeping the strict count beside it', () => {
    // Ballots: h:1 agree, h:2 agree, h:3 disagree. Agree 2 > disagree 1 → followed 'agree'.
    // Strict: participating 300.00 / 3 → 300 * 3 = 900 < 600 * 2 = 1200 on area → quorum not met;
    //   agree 200.00 / 2 of 300.00 / 3 → more than half → agreement met; not passed.
    // Silent holders h:4, h:5, h:6 (h:6 has two units but is one holder) → added 3.
    // Adjusted: participating 600.00 / 6 → quorum met; agree 500.00 / 5 → more than half → passed.
    const r = countVote(six([ballot('h:1', 'agree'), ballot('h:2', 'agree'), ballot('h:3', 'disagree')], true));
    const strict = {
      total: { area: '600.00', owners: 6 },
      participating: { area: '300.00', owners: 3 },
      agree: { area: '200.00', owners: 2 },
      quorumMet: false,
      agreementMet: true,
      passed: false,
    };
    expect(r.owners).toEqual({
      total: { area: '600.00', owners: 6 },
      participating: { area: '600.00', owners: 6 },
      agree: { area: '500.00', owners: 5 },
      quorumMet: true,
      agreementMet: true,
      passed: true,
      matter: 'ordinary',
      matterItem: 4,
      nonVoters: { followed: 'agree', added: 3, strict },
    });
    // The real ballots are what the tally and the turnout show: 3 of 6 voted.
    expect(r.electorate).toBe(6);
    expect(r.voted).toBe(3);
    expect(r.tally.map((t) => t.votes)).toEqual([2, 1, 0]);
  });

  it('the strict result beside it is exactly the count with the rule off', () => {
    const ballots = [ballot('h:1', 'agree'), ballot('h:2', 'agree'), ballot('h:3', 'disagree')];
    const on = countVote(six(ballots, true));
    const off = countVote(six(ballots, false));
    const { matter: _m, matterItem: _i, ...offKernel } = off.owners ?? { matter: null, matterItem: null };
    expect(on.owners?.nonVoters?.strict).toEqual(offKernel);
  });

  it('adds the silent holders as disagree when most voters disagree', () => {
    // h:1 disagree, h:2 disagree, h:3 agree, h:4 abstain → disagree 2 > agree 1 → followed 'disagree'.
    // Silent h:5, h:6 → added 2. Adjusted participating 600.00 / 6, agree 100.00 / 1 → not passed.
    // Strict: participating 400.00 / 4 → 1200 >= 1200 and 12 >= 12 → quorum met (exactly 2/3);
    //   agree 100.00 / 1 of 400.00 / 4 → not more than half.
    const r = countVote(
      six(
        [ballot('h:1', 'disagree'), ballot('h:2', 'disagree'), ballot('h:3', 'agree'), ballot('h:4', 'abstain')],
        true,
      ),
    );
    expect(r.owners?.participating).toEqual({ area: '600.00', owners: 6 });
    expect(r.owners?.agree).toEqual({ area: '100.00', owners: 1 });
    expect(r.owners?.passed).toBe(false);
    expect(r.owners?.nonVoters).toEqual({
      followed: 'disagree',
      added: 2,
      strict: {
        total: { area: '600.00', owners: 6 },
        participating: { area: '400.00', owners: 4 },
        agree: { area: '100.00', owners: 1 },
        quorumMet: true,
        agreementMet: false,
        passed: false,
      },
    });
  });

  it('follows the agreeing majority when some abstain', () => {
    // h:1, h:2, h:3 agree; h:4 disagree; h:5 abstain → agree 3 > disagree 1 → 'agree'; silent h:6 → added 1.
    // Adjusted: participating 600.00 / 6, agree 300.00 + 100.00 = 400.00 / 4 → passed.
    const r = countVote(
      six(
        [
          ballot('h:1', 'agree'),
          ballot('h:2', 'agree'),
          ballot('h:3', 'agree'),
          ballot('h:4', 'disagree'),
          ballot('h:5', 'abstain'),
        ],
        true,
      ),
    );
    expect(r.owners?.nonVoters?.followed).toBe('agree');
    expect(r.owners?.nonVoters?.added).toBe(1);
    expect(r.owners?.agree).toEqual({ area: '400.00', owners: 4 });
    expect(r.owners?.passed).toBe(true);
  });

  it('follows nobody on a tie: the result is the strict count', () => {
    // h:1 agree, h:2 disagree → 1 = 1 → followed null, added 0.
    // Strict: participating 200.00 / 2 → quorum not met; agree 100.00 / 1 of 2 → exactly half → not met.
    const r = countVote(six([ballot('h:1', 'agree'), ballot('h:2', 'disagree')], true));
    const strict = {
      total: { area: '600.00', owners: 6 },
      participating: { area: '200.00', owners: 2 },
      agree: { area: '100.00', owners: 1 },
      quorumMet: false,
      agreementMet: false,
      passed: false,
    };
    expect(r.owners).toEqual({
      ...strict,
      matter: 'ordinary',
      matterItem: 4,
      nonVoters: { followed: null, added: 0, strict },
    });
  });

  it('follows nobody on a tie with abstentions, nor when nobody voted', () => {
    // agree 1, disagree 1, abstain 1 → tie.
    const tie = countVote(six([ballot('h:1', 'agree'), ballot('h:2', 'disagree'), ballot('h:3', 'abstain')], true));
    expect(tie.owners?.nonVoters?.followed).toBeNull();
    expect(tie.owners?.nonVoters?.added).toBe(0);
    expect(tie.owners?.participating).toEqual({ area: '300.00', owners: 3 });
    // No ballots: 0 = 0 → null; participating 0.00 / 0.
    const none = countVote(six([], true));
    expect(none.owners?.nonVoters).toMatchObject({ followed: null, added: 0 });
    expect(none.owners?.participating).toEqual({ area: '0.00', owners: 0 });
    expect(none.owners?.passed).toBe(false);
  });

  it('adds nobody when everyone voted', () => {
    // 4 agree, 2 disagree, nobody silent → followed 'agree', added 0, adjusted = strict.
    const r = countVote(
      six(
        [
          ballot('h:1', 'agree'),
          ballot('h:2', 'agree'),
          ballot('h:3', 'agree'),
          ballot('h:4', 'agree'),
          ballot('h:5', 'disagree'),
          ballot('h:6', 'disagree'),
        ],
        true,
      ),
    );
    expect(r.owners?.nonVoters?.followed).toBe('agree');
    expect(r.owners?.nonVoters?.added).toBe(0);
    const { matter: _m, matterItem: _i, nonVoters: _n, ...adjusted } = r.owners ?? {};
    expect(adjusted).toEqual(r.owners?.nonVoters?.strict);
  });

  it('has no nonVoters field when the rule is off', () => {
    const r = countVote(six([ballot('h:1', 'agree'), ballot('h:2', 'agree'), ballot('h:3', 'disagree')], false));
    expect(r.owners).toBeDefined();
    expect(r.owners !== undefined && 'nonVoters' in r.owners).toBe(false);
    expect(r.owners?.participating).toEqual({ area: '300.00', owners: 3 });
    expect(r.owners?.passed).toBe(false);
  });
});

describe('countVote counts owners exactly as the kernel contract does', () => {
  // countVote numbers holders itself (no strings) for speed; on any electorate and ballots it must give the
  // kernel's figures, and with the non-voters rule the kernel's figures for the ballots plus one per silent holder.
  const electorate = fc
    .array(fc.record({ holder: fc.integer({ min: 1, max: 12 }), areaCenti: fc.integer({ min: 1, max: 50_000 }) }), {
      minLength: 1,
      maxLength: 30,
    })
    .chain((units) => {
      const holders = [...new Set(units.map((u) => u.holder))];
      return fc.record({
        units: fc.constant(units),
        votes: fc.array(
          fc.constantFrom<'agree' | 'disagree' | 'abstain' | null>('agree', 'disagree', 'abstain', null),
          {
            minLength: holders.length,
            maxLength: holders.length,
          },
        ),
        holders: fc.constant(holders),
        item: fc.integer({ min: 1, max: 9 }),
        follow: fc.boolean(),
      });
    });

  it('agrees with countOwnersDecision on random electorates', () => {
    fc.assert(
      fc.property(electorate, ({ units, votes, holders, item, follow }) => {
        const cast = holders.flatMap((h, i) => (votes[i] ? [{ holder: h, choice: votes[i] }] : []));
        const r = countVote({
          kind: 'owners',
          matterItem: item,
          nonVotersFollowMajority: follow,
          options: AGREE_OPTIONS,
          units: units.map((u, i) => ({ unitId: i + 1, holderId: u.holder, areaCenti: u.areaCenti })),
          voters: holders.map((h) => ({ voterKey: `h:${h}`, holderId: h })),
          ballots: cast.map((b) => ballot(`h:${b.holder}`, b.choice)),
        });
        const matter = item >= 6 && item <= 8 ? 'special' : 'ordinary';
        const kernelUnits = units.map((u, i) => ({
          unitId: String(i + 1),
          holderId: String(u.holder),
          area: formatArea(u.areaCenti),
        }));
        const kernelBallots = cast.map((b) => ({ holderId: String(b.holder), choice: b.choice }));
        const strict = countOwnersDecision({ matter, units: kernelUnits, ballots: kernelBallots });
        const agree = cast.filter((b) => b.choice === 'agree').length;
        const disagree = cast.filter((b) => b.choice === 'disagree').length;
        const followed: 'agree' | 'disagree' | null = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : null;
        const { matter: _m, matterItem: _i, nonVoters, ...figures } = r.owners ?? {};
        if (!follow || !followed) {
          expect(figures).toEqual(strict);
          if (follow) expect(nonVoters).toEqual({ followed: null, added: 0, strict });
          return;
        }
        const silent = holders.filter((_h, i) => !votes[i]).map((h) => ({ holderId: String(h), choice: followed }));
        const adjusted = countOwnersDecision({ matter, units: kernelUnits, ballots: [...kernelBallots, ...silent] });
        expect(figures).toEqual(adjusted);
        expect(nonVoters).toEqual({ followed, added: silent.length, strict });
      }),
      { numRuns: 500 },
    );
  });
});
