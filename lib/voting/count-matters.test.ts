import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea } from '../area';
import { type CountInput, countVote } from './count';
import { countChoice } from './choice';
import { countElection } from './election';
import { countOwnersDecision } from './owners-decision';

/**
 * The assembly matters as stored votes (countVote with a matterKind): a yes/no decision with the units
 * behind its owners, an election and a choice counted by their kernels, proxies counted, and a vote
 * outside an assembly counted exactly as before (its stored hash must still recount).
 */

type Ballot = CountInput['ballots'][number];

/** Holders 1…n, each with one unit of the given area (hundredths), plus extra units for some. */
function electorate(areas: readonly number[], extra: Record<number, number[]> = {}) {
  const units: CountInput['units'] = [];
  let unitId = 1;
  areas.forEach((centi, i) => {
    units.push({ unitId: unitId++, holderId: i + 1, areaCenti: centi });
    for (const more of extra[i + 1] ?? []) units.push({ unitId: unitId++, holderId: i + 1, areaCenti: more });
  });
  const voters = areas.map((_, i) => ({ voterKey: `h:${i + 1}`, holderId: i + 1 }));
  return { units, voters };
}

const b = (holder: number, ...choice: string[]): Ballot => ({ voterKey: `h:${holder}`, choice });

function input(over: Partial<CountInput> & Pick<CountInput, 'units' | 'voters'>): CountInput {
  return {
    kind: 'owners',
    matterItem: 5,
    nonVotersFollowMajority: false,
    options: [
      { key: 'agree', label: '同意' },
      { key: 'disagree', label: '不同意' },
      { key: 'abstain', label: '弃权' },
    ],
    ballots: [],
    matterKind: 'decision',
    ...over,
  };
}

const CANDIDATES = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((key) => ({ key, label: key }));
const election = (e: ReturnType<typeof electorate>, ballots: Ballot[], seats = 5) =>
  countVote(
    input({
      ...e,
      matterItem: 3,
      matterKind: 'election',
      seats,
      options: [...CANDIDATES, { key: 'abstain', label: '弃权' }],
      ballots,
    }),
  );
const COMPANIES = ['o1', 'o2', 'o3'].map((key) => ({ key, label: key }));
const choice = (e: ReturnType<typeof electorate>, ballots: Ballot[], item = 4) =>
  countVote(
    input({
      ...e,
      matterItem: item,
      matterKind: 'choice',
      options: [...COMPANIES, { key: 'abstain', label: '弃权' }],
      ballots,
    }),
  );

describe('a decision matter', () => {
  it('is the same count as a vote outside an assembly, with the units behind its owners and its proxies', () => {
    // Holder 1 has three units. Holders 1, 2, 3 agree (2 of them by proxy), 4 abstains.
    const e = electorate([10000, 10000, 10000, 10000, 10000, 10000], { 1: [5000, 5000] });
    const ballots = [b(1, 'agree'), b(2, 'agree'), b(3, 'agree'), b(4, 'abstain')];
    ballots[0] = { ...b(1, 'agree'), byProxy: true };
    ballots[2] = { ...b(3, 'agree'), byProxy: true };
    const plain = countVote(input({ ...e, ballots, matterKind: null }));
    const matter = countVote(input({ ...e, ballots }));
    expect(matter.owners).toEqual(plain.owners);
    expect(matter.units).toEqual({ total: 8, participating: 6, agree: 5 });
    expect(matter.byProxy).toBe(2);
  });

  it('outside an assembly carries nothing new, so results stored before assemblies recount to the same hash', () => {
    const e = electorate([10000, 20000]);
    const r = countVote(input({ ...e, ballots: [{ ...b(1, 'agree'), byProxy: true }], matterKind: null }));
    expect(Object.keys(r).sort()).toEqual(['electorate', 'kind', 'owners', 'tally', 'voted']);
  });
});

describe('an election matter', () => {
  it('is the election kernel over the stored ballots; abstaining takes part without marking anyone', () => {
    const e = electorate([10000, 10000, 10000, 10000, 10000, 10000]);
    const ballots = [b(1, 'c1', 'c2'), b(2, 'c1', 'c2'), b(3, 'c1'), b(4, 'c1', 'c3'), b(5, 'abstain')];
    const r = election(e, ballots, 5);
    const kernel = countElection({
      seats: 5,
      units: e.units.map((u) => ({
        unitId: String(u.unitId),
        holderId: String(u.holderId),
        area: formatArea(u.areaCenti),
      })),
      candidates: CANDIDATES.map((c) => ({ id: c.key })),
      ballots: ballots.map((x) => ({
        holderId: x.voterKey.slice(2),
        marks: x.choice.filter((k) => k !== 'abstain'),
      })),
    });
    expect(r.election).toEqual({ ...kernel, seats: 5 });
    expect(r.election?.participating.owners).toBe(5);
    expect(r.election?.elected).toEqual(['c1']);
    expect(r.owners).toBeUndefined();
    expect(r.units).toEqual({ total: 6, participating: 5, agree: null });
  });

  it('meets participation at exactly 2/3 and refuses a candidate at exactly half', () => {
    // 6 equal holders: 4 take part (exactly 2/3). c1 on 3 of 4 (> 1/2), c2 on exactly 2 of 4.
    const e = electorate([10000, 10000, 10000, 10000, 10000, 10000]);
    const r = election(e, [b(1, 'c1', 'c2'), b(2, 'c1', 'c2'), b(3, 'c1'), b(4, 'abstain')]);
    expect(r.election?.quorumMet).toBe(true);
    expect(r.election?.elected).toEqual(['c1']);
    // Just below 2/3 (3 of 6): nobody is elected, however they marked.
    const below = election(e, [b(1, 'c1'), b(2, 'c1'), b(3, 'c1')]);
    expect(below.election?.quorumMet).toBe(false);
    expect(below.election?.elected).toEqual([]);
  });

  it('refuses a ballot marking more candidates than seats, and one mixing abstain with a candidate', () => {
    const e = electorate([10000, 10000, 10000]);
    expect(() => election(e, [b(1, 'c1', 'c2', 'c3')], 2)).toThrow(/marks 3 candidates for 2 seats/);
    expect(() => election(e, [b(1, 'abstain', 'c1')], 2)).toThrow(/abstains and names an option/);
  });

  it('elects candidates tied at the last seat only when they all fit; otherwise reports the tie', () => {
    const e = electorate([10000, 10000, 10000, 10000]);
    // c1 on all 4; c2 and c3 on the same 3, so equal on area and heads.
    const ballots = [b(1, 'c1', 'c2', 'c3'), b(2, 'c1', 'c2', 'c3'), b(3, 'c1', 'c2', 'c3'), b(4, 'c1')];
    const three = election(e, ballots, 3).election;
    expect([...(three?.elected ?? [])].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(three?.tie).toEqual([]);
    // Six owners of 100 m² and two of 250 m². c2 and c3 on the same six ballots (a tie on both measures);
    // c1 and c4 each on three of those and on both big flats: more area, so ranked above them.
    const big = electorate([10000, 10000, 10000, 10000, 10000, 10000, 25000, 25000]);
    const r = election(
      big,
      [
        b(1, 'c2', 'c3', 'c1'),
        b(2, 'c2', 'c3', 'c1'),
        b(3, 'c2', 'c3', 'c1'),
        b(4, 'c2', 'c3', 'c4'),
        b(5, 'c2', 'c3', 'c4'),
        b(6, 'c2', 'c3', 'c4'),
        b(7, 'c1', 'c4'),
        b(8, 'c1', 'c4'),
      ],
      3,
    ).election;
    expect(r?.elected).toEqual(['c1', 'c4']);
    expect(r?.tie).toEqual(['c2', 'c3']);
    expect(r?.candidates.filter((c) => c.elected).map((c) => c.id)).toEqual(['c1', 'c4']);
  });
});

describe('a choice matter', () => {
  it('is the choice kernel: an option needs a majority of both measures; a split chooses none', () => {
    const e = electorate([10000, 10000, 10000, 10000, 10000, 10000]);
    const split = choice(e, [b(1, 'o1'), b(2, 'o1'), b(3, 'o2'), b(4, 'o2'), b(5, 'o3'), b(6, 'abstain')]);
    expect(split.choice?.quorumMet).toBe(true);
    expect(split.choice?.chosen).toBeNull();
    const kernel = countChoice({
      matter: 'ordinary',
      units: e.units.map((u) => ({
        unitId: String(u.unitId),
        holderId: String(u.holderId),
        area: formatArea(u.areaCenti),
      })),
      options: COMPANIES.map((c) => ({ id: c.key })),
      ballots: [
        { holderId: '1', option: 'o1' },
        { holderId: '2', option: 'o1' },
        { holderId: '3', option: 'o2' },
        { holderId: '4', option: 'o2' },
        { holderId: '5', option: 'o3' },
        { holderId: '6', option: null },
      ],
    });
    expect(split.choice).toEqual({ ...kernel, matter: 'ordinary', matterItem: 4 });
  });

  it('exactly half agreeing does not choose; one more does', () => {
    const e = electorate([10000, 10000, 10000, 10000]);
    expect(choice(e, [b(1, 'o1'), b(2, 'o1'), b(3, 'o2'), b(4, 'o2')]).choice?.chosen).toBeNull();
    expect(choice(e, [b(1, 'o1'), b(2, 'o1'), b(3, 'o1'), b(4, 'o2')]).choice?.chosen).toBe('o1');
  });

  it('a special item needs 3/4: exactly 3/4 passes, one less fails', () => {
    const e = electorate([10000, 10000, 10000, 10000]);
    expect(choice(e, [b(1, 'o1'), b(2, 'o1'), b(3, 'o1'), b(4, 'o2')], 7).choice?.chosen).toBe('o1');
    expect(choice(e, [b(1, 'o1'), b(2, 'o1'), b(3, 'o2'), b(4, 'abstain')], 7).choice?.chosen).toBeNull();
  });

  it('refuses a ballot naming two options', () => {
    const e = electorate([10000, 10000]);
    expect(() => choice(e, [b(1, 'o1', 'o2')])).toThrow(/more than one option/);
  });
});

describe('properties', () => {
  const areas = fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 12 });
  const electionCase = areas.chain((a) =>
    fc.tuple(
      fc.constant(a),
      fc.array(
        fc.oneof(
          fc.constant(['abstain']),
          fc.subarray(
            CANDIDATES.map((c) => c.key),
            { minLength: 1, maxLength: 5 },
          ),
        ),
        { minLength: a.length, maxLength: a.length },
      ),
      fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length }),
    ),
  );

  function shuffled<T>(xs: readonly T[], seed: number): T[] {
    const out = [...xs];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  it('an election does not depend on the order of units, voters or ballots', () => {
    fc.assert(
      fc.property(electionCase, fc.integer({ min: 1, max: 1_000_000 }), ([a, marks, votes], seed) => {
        const e = electorate(a);
        const ballots = marks.map((m, i) => b(i + 1, ...m)).filter((_, i) => votes[i]);
        const one = election(e, ballots);
        const two = election(
          { units: shuffled(e.units, seed), voters: shuffled(e.voters, seed + 1) },
          shuffled(ballots, seed + 2),
        );
        expect(two.election?.elected.sort()).toEqual(one.election?.elected.sort());
        expect(two.election?.tie.sort()).toEqual(one.election?.tie.sort());
        expect(two.election?.candidates).toEqual(one.election?.candidates);
        expect(two.units).toEqual(one.units);
      }),
      { numRuns: 300 },
    );
  });

  it('an election never fills more seats than it has, and elects only candidates marked by more than half', () => {
    fc.assert(
      fc.property(electionCase, fc.integer({ min: 1, max: 5 }), ([a, marks, votes], seats) => {
        const e = electorate(a);
        const ballots = marks
          .map((m, i) => b(i + 1, ...(m.length > seats ? m.slice(0, seats) : m)))
          .filter((_, i) => votes[i]);
        const r = election(e, ballots, seats).election;
        expect((r?.elected.length ?? 0) + 0).toBeLessThanOrEqual(seats);
        for (const id of r?.elected ?? []) {
          const c = r?.candidates.find((x) => x.id === id);
          expect((c?.agree.owners ?? 0) * 2).toBeGreaterThan(r?.participating.owners ?? 0);
        }
        expect(
          r?.candidates
            .filter((c) => c.elected)
            .map((c) => c.id)
            .sort(),
        ).toEqual([...(r?.elected ?? [])].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('a choice chooses at most one option, independent of order', () => {
    fc.assert(
      fc.property(
        areas.chain((a) =>
          fc.tuple(
            fc.constant(a),
            fc.array(fc.constantFrom('o1', 'o2', 'o3', 'abstain', null), { minLength: a.length, maxLength: a.length }),
          ),
        ),
        fc.integer({ min: 1, max: 1_000_000 }),
        ([a, picks], seed) => {
          const e = electorate(a);
          const ballots = picks.flatMap((p, i) => (p === null ? [] : [b(i + 1, p)]));
          const one = choice(e, ballots);
          const two = choice({ units: shuffled(e.units, seed), voters: e.voters }, shuffled(ballots, seed));
          expect(one.choice?.options.filter((o) => o.passed).length ?? 0).toBeLessThanOrEqual(1);
          expect(two.choice).toEqual(one.choice);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a decision matter agrees with the reference count, and its units add up', () => {
    fc.assert(
      fc.property(
        areas.chain((a) =>
          fc.tuple(
            fc.constant(a),
            fc.array(fc.constantFrom('agree', 'disagree', 'abstain', null), {
              minLength: a.length,
              maxLength: a.length,
            }),
          ),
        ),
        ([a, picks]) => {
          const e = electorate(a);
          const ballots = picks.flatMap((p, i) => (p === null ? [] : [b(i + 1, p)]));
          const r = countVote(input({ ...e, ballots }));
          const reference = countOwnersDecision({
            matter: 'ordinary',
            units: e.units.map((u) => ({
              unitId: String(u.unitId),
              holderId: String(u.holderId),
              area: formatArea(u.areaCenti),
            })),
            ballots: ballots.map((x) => ({ holderId: x.voterKey.slice(2), choice: x.choice[0] as 'agree' })),
          });
          expect(r.owners?.passed).toBe(reference.passed);
          expect(r.units?.participating).toBe(ballots.length);
          expect(r.units?.agree).toBe(ballots.filter((x) => x.choice[0] === 'agree').length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
