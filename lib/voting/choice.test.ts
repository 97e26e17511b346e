import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea } from '../area';
import { type ChoiceInput, type ChoiceResult, countChoice } from './choice';
import { countOwnersDecision, type OwnersDecisionInput } from './owners-decision';

type Unit = ChoiceInput['units'][number];
type Ballot = ChoiceInput['ballots'][number];
type Matter = ChoiceInput['matter'];

function singles(...areas: string[]): Unit[] {
  return areas.map((area, i) => ({ unitId: `u${i}`, holderId: `u${i}`, area }));
}

/** Ballots for holders u0, u1, … in order: an option id, `null` to abstain, `undefined` for no ballot. */
function picks(...perHolder: (string | null | undefined)[]): Ballot[] {
  const out: Ballot[] = [];
  perHolder.forEach((option, i) => {
    if (option !== undefined) out.push({ holderId: `u${i}`, option });
  });
  return out;
}

function choose(matter: Matter, units: Unit[], options: string[], ballots: Ballot[]): ChoiceResult {
  return countChoice({ matter, units, options: options.map((id) => ({ id })), ballots });
}

const firms = ['万科物业', '碧桂园服务', '保利物业'];
const [W, B, P] = firms as [string, string, string];

describe('participation (quorum): at least 2/3 of area and of owners, inclusive', () => {
  it('chooses at exactly 2/3 by area and by head count', () => {
    const r = choose('ordinary', singles('100.00', '100.00', '100.00'), firms, picks(W, W, undefined));
    expect(r.total).toEqual({ area: '300.00', owners: 3 });
    expect(r.participating).toEqual({ area: '200.00', owners: 2 });
    expect(r.quorumMet).toBe(true);
    expect(r.chosen).toBe(W);
  });

  it('chooses nothing one hundredth of a square metre below 2/3 of the area', () => {
    const r = choose('ordinary', singles('100.00', '99.99', '100.01'), firms, picks(W, W, undefined));
    expect(r.quorumMet).toBe(false);
    expect(r.options.map((o) => o.passed)).toEqual([false, false, false]);
    expect(r.chosen).toBeNull();
  });

  it('chooses nothing one head below 2/3 with most of the area', () => {
    const units = singles('300.00', '10.00', '10.00', '10.00');
    const r = choose('ordinary', units, firms, picks(W, W, undefined, undefined));
    expect(r.quorumMet).toBe(false);
    expect(r.chosen).toBeNull();
    // An abstention (null) is taking part: with it the quorum is met and W has 2 of 3 owners, 310 of 320 m².
    const third = choose('ordinary', units, firms, picks(W, W, null, undefined));
    expect(third.participating).toEqual({ area: '320.00', owners: 3 });
    expect(third.chosen).toBe(W);
  });
});

describe('ordinary matters: more than half of participating area and owners, exclusive', () => {
  it('chooses nothing at exactly half the area with a head majority', () => {
    const r = choose('ordinary', singles('50.00', '30.00', '20.00'), firms, picks(B, W, W));
    expect(r.options[0]).toEqual({ id: W, agree: { area: '50.00', owners: 2 }, passed: false });
    expect(r.chosen).toBeNull();
  });

  it('chooses one hundredth of a square metre above half the area', () => {
    const r = choose('ordinary', singles('49.99', '30.01', '20.00'), firms, picks(B, W, W));
    expect(r.options[0]).toEqual({ id: W, agree: { area: '50.01', owners: 2 }, passed: true });
    expect(r.chosen).toBe(W);
  });

  it('chooses nothing at exactly half the heads with an area majority', () => {
    const r = choose('ordinary', singles('70.00', '10.00', '10.00', '10.00'), firms, picks(W, W, B, P));
    expect(r.options[0]?.agree).toEqual({ area: '80.00', owners: 2 });
    expect(r.chosen).toBeNull();
  });

  it('chooses one head above half', () => {
    const units = singles('20.00', '20.00', '20.00', '20.00', '20.00');
    const r = choose('ordinary', units, firms, picks(P, P, P, W, B));
    expect(r.options).toEqual([
      { id: W, agree: { area: '20.00', owners: 1 }, passed: false },
      { id: B, agree: { area: '20.00', owners: 1 }, passed: false },
      { id: P, agree: { area: '60.00', owners: 3 }, passed: true },
    ]);
    expect(r.chosen).toBe(P);
  });

  it('chooses nothing when the votes split with no majority, though one option leads', () => {
    const units = singles('10.00', '10.00', '10.00', '10.00', '10.00');
    const r = choose('ordinary', units, firms, picks(W, W, B, P, null));
    expect(r.quorumMet).toBe(true);
    expect(r.options.map((o) => [o.agree.owners, o.passed])).toEqual([
      [2, false],
      [1, false],
      [1, false],
    ]);
    // A run-off between the leaders is the compound's next step, not the count's.
    expect(r.chosen).toBeNull();
  });
});

describe('special matters: at least 3/4 of participating area and owners, inclusive', () => {
  const plans = ['plan-a', 'plan-b'];

  it('chooses at exactly 3/4 by area and by head count', () => {
    const r = choose(
      'special',
      singles('25.00', '25.00', '25.00', '25.00'),
      plans,
      picks('plan-a', 'plan-a', 'plan-a', 'plan-b'),
    );
    expect(r.options[0]).toEqual({ id: 'plan-a', agree: { area: '75.00', owners: 3 }, passed: true });
    expect(r.chosen).toBe('plan-a');
  });

  it('chooses nothing one hundredth of a square metre below 3/4', () => {
    const r = choose(
      'special',
      singles('25.00', '25.00', '24.99', '25.01'),
      plans,
      picks('plan-a', 'plan-a', 'plan-a', 'plan-b'),
    );
    expect(r.options[0]?.agree).toEqual({ area: '74.99', owners: 3 });
    expect(r.chosen).toBeNull();
  });

  it('chooses nothing one head below 3/4 with the area', () => {
    // 5 of 7 participants: 4 * 5 = 20 < 3 * 7 = 21.
    const units = singles('90.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00');
    const r = choose('special', units, plans, picks('plan-a', 'plan-a', 'plan-a', 'plan-a', 'plan-a', 'plan-b', null));
    expect(r.options[0]?.agree).toEqual({ area: '94.00', owners: 5 });
    expect(r.chosen).toBeNull();
  });

  it('chooses nothing as a special matter what an ordinary one would choose', () => {
    const units = singles('20.00', '20.00', '20.00', '20.00', '20.00');
    const ballots = picks('plan-a', 'plan-a', 'plan-a', 'plan-b', null);
    expect(choose('ordinary', units, plans, ballots).chosen).toBe('plan-a');
    expect(choose('special', units, plans, ballots).chosen).toBeNull();
  });
});

describe('abstentions and holders', () => {
  it('counts a null ballot toward participation only; all abstaining chooses nothing', () => {
    const r = choose('ordinary', singles('10.00', '10.00'), firms, picks(null, null));
    expect(r.quorumMet).toBe(true);
    expect(r.participating).toEqual({ area: '20.00', owners: 2 });
    expect(r.options.every((o) => o.agree.owners === 0 && !o.passed)).toBe(true);
    expect(r.chosen).toBeNull();
  });

  it('counts the developer and a multi-unit buyer once each, with their areas added', () => {
    const units: Unit[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ unitId: `dev-${i}`, holderId: 'developer', area: '100.00' })),
      { unitId: '1-101', holderId: 'zhang', area: '50.00' },
      { unitId: '1-102', holderId: 'zhang', area: '30.00' },
      { unitId: '2-201', holderId: 'li', area: '90.00' },
    ];
    const ballots: Ballot[] = [
      { holderId: 'developer', option: W },
      { holderId: 'zhang', option: B },
      { holderId: 'li', option: B },
    ];
    const r = choose('ordinary', units, firms, ballots);
    expect(r.total).toEqual({ area: '1170.00', owners: 3 });
    expect(r.options[0]?.agree).toEqual({ area: '1000.00', owners: 1 });
    expect(r.options[1]?.agree).toEqual({ area: '170.00', owners: 2 });
    // The developer's area is no majority of heads; the buyers' heads are no majority of area.
    expect(r.chosen).toBeNull();
  });
});

describe('errors', () => {
  const units = singles('10.00', '10.00');

  it('rejects two ballots from one holder', () => {
    expect(() => choose('ordinary', units, firms, picks(W).concat(picks(null)))).toThrow(
      'Holder "u0" cast more than one ballot',
    );
  });

  it('rejects a ballot for an unknown option', () => {
    expect(() => choose('ordinary', units, firms, picks(W, '长城物业'))).toThrow(
      'Ballot of holder "u1": unknown option "长城物业"',
    );
  });

  it('rejects a ballot from a holder who holds no unit', () => {
    expect(() => choose('ordinary', units, firms, [{ holderId: 'x', option: W }])).toThrow(
      'Ballot of holder "x": this holder holds no unit',
    );
  });

  it('rejects an option listed twice, a choice without options and an unknown matter', () => {
    expect(() => choose('ordinary', units, [W, B, W], [])).toThrow(`Option "${W}" is listed twice`);
    expect(() => choose('ordinary', units, [], [])).toThrow('A choice needs at least one option');
    expect(() => choose('major' as Matter, units, firms, [])).toThrow(/Unknown matter "major"/);
  });

  it('rejects a bad area as an owners decision does', () => {
    expect(() => choose('ordinary', singles('0.00'), firms, [])).toThrow('Unit "u0": area "0.00" is not positive');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, against a reference in exact BigInt rationals written apart from the code under test.

interface Electorate {
  matter: Matter;
  units: Unit[];
  options: { id: string }[];
  ballots: Ballot[];
}

const centiOf = (area: string): bigint => BigInt(area.replace('.', ''));
const areaOf = (centi: bigint): string => `${centi / 100n}.${(centi % 100n).toString().padStart(2, '0')}`;

function referenceChoice(e: Electorate): ChoiceResult {
  const area = new Map<string, bigint>();
  for (const u of e.units) area.set(u.holderId, (area.get(u.holderId) ?? 0n) + centiOf(u.area));
  const T = [...area.values()].reduce((a, b) => a + b, 0n);
  const N = BigInt(area.size);
  const P = e.ballots.reduce((s, b) => s + (area.get(b.holderId) ?? 0n), 0n);
  const M = BigInt(e.ballots.length);
  const quorumMet = 3n * P >= 2n * T && 3n * M >= 2n * N;
  // Ordinary: a/P > 1/2; special: a/P >= 3/4 — on area and on heads.
  const agrees = (a: bigint, h: bigint) =>
    M > 0n && (e.matter === 'ordinary' ? 2n * a > P && 2n * h > M : 4n * a >= 3n * P && 4n * h >= 3n * M);
  const options = e.options.map(({ id }) => {
    const voters = e.ballots.filter((b) => b.option === id);
    const a = voters.reduce((s, b) => s + (area.get(b.holderId) ?? 0n), 0n);
    const h = BigInt(voters.length);
    return { id, agree: { area: areaOf(a), owners: Number(h) }, passed: quorumMet && agrees(a, h) };
  });
  const passed = options.filter((o) => o.passed);
  return {
    total: { area: areaOf(T), owners: Number(N) },
    participating: { area: areaOf(P), owners: Number(M) },
    quorumMet,
    options,
    chosen: passed.length === 1 ? (passed[0]?.id ?? null) : null,
  };
}

/**
 * Up to 12 units held by up to 8 holders, areas from a few round values or the whole range, 1–4 options,
 * everyone or at least half of the holders voting, each for one option or null.
 */
const electorateArb: fc.Arbitrary<Electorate> = fc
  .record({
    matter: fc.constantFrom<Matter>('ordinary', 'special'),
    rows: fc.array(
      fc.record({
        holder: fc.integer({ min: 0, max: 7 }),
        centi: fc.oneof(fc.constantFrom(1000, 2000, 3000), fc.integer({ min: 1, max: 99_999_999 })),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    optionCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ matter, rows, optionCount }) => {
    const units: Unit[] = rows.map((row, i) => ({
      unitId: `u${i}`,
      holderId: `h${row.holder}`,
      area: formatArea(row.centi),
    }));
    const holders = [...new Set(units.map((u) => u.holderId))];
    const ids = Array.from({ length: optionCount }, (_, o) => `o${o}`);
    return fc.record({
      matter: fc.constant(matter),
      units: fc.constant(units),
      options: fc.constant(ids.map((id) => ({ id }))),
      ballots: fc
        .oneof(fc.constant(holders), fc.subarray(holders, { minLength: Math.floor(holders.length / 2) }))
        .chain((voters) =>
          fc.tuple(
            ...voters.map((holderId) =>
              fc.option(fc.constantFrom(...ids), { freq: 5 }).map((option): Ballot => ({ holderId, option })),
            ),
          ),
        ),
    });
  });

describe('properties', () => {
  it('agrees with the exact-rational reference, and the generator reaches chosen and unchosen options', () => {
    let chosen = 0;
    let quorate = 0;
    fc.assert(
      fc.property(electorateArb, (e) => {
        const r = countChoice(e);
        expect(r).toEqual(referenceChoice(e));
        if (r.chosen !== null) chosen++;
        if (r.quorumMet) quorate++;
      }),
      { numRuns: 2000 },
    );
    expect(chosen).toBeGreaterThan(200);
    expect(quorate - chosen).toBeGreaterThan(200);
  });

  it('passes at most one option, ordinary or special', () => {
    // Why: each ballot names at most one option, so the options' agreeing heads add up to at most the M
    // participating heads. Ordinary: two options each with more than M/2 would add up to more than M. Special:
    // two options each with at least 3M/4 would add up to at least 3M/2 > M when M > 0, and with M = 0 nothing
    // passes at all. (The area measure gives the same bound, so either measure alone suffices.) Hence `chosen`
    // is that one option or null, and never hides a second.
    fc.assert(
      fc.property(electorateArb, (e) => {
        const r = countChoice(e);
        const passed = r.options.filter((o) => o.passed);
        expect(passed.length).toBeLessThanOrEqual(1);
        expect(r.chosen).toBe(passed[0]?.id ?? null);
        // The agreeing heads indeed never exceed the participating heads.
        expect(r.options.reduce((s, o) => s + o.agree.owners, 0)).toBeLessThanOrEqual(r.participating.owners);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts each option as the owners decision with agree = for it, disagree = any other ballot', () => {
    fc.assert(
      fc.property(electorateArb, (e) => {
        const r = countChoice(e);
        e.options.forEach(({ id }, o) => {
          const ballots: OwnersDecisionInput['ballots'] = e.ballots.map((b) => ({
            holderId: b.holderId,
            choice: b.option === id ? 'agree' : b.option === null ? 'abstain' : 'disagree',
          }));
          const d = countOwnersDecision({ matter: e.matter, units: e.units, ballots });
          expect(r.total).toEqual(d.total);
          expect(r.participating).toEqual(d.participating);
          expect(r.quorumMet).toBe(d.quorumMet);
          expect(r.options[o]).toEqual({ id, agree: d.agree, passed: d.passed });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('with one option is the owners decision: chosen when it passes', () => {
    const single = electorateArb.map((e) => ({
      ...e,
      options: [{ id: 'o0' }],
      ballots: e.ballots.map((b) => ({ holderId: b.holderId, option: b.option === 'o0' ? 'o0' : null })),
    }));
    fc.assert(
      fc.property(single, (e) => {
        const d = countOwnersDecision({
          matter: e.matter,
          units: e.units,
          ballots: e.ballots.map((b) => ({ holderId: b.holderId, choice: b.option === null ? 'disagree' : 'agree' })),
        });
        expect(countChoice(e)).toEqual({
          total: d.total,
          participating: d.participating,
          quorumMet: d.quorumMet,
          options: [{ id: 'o0', agree: d.agree, passed: d.passed }],
          chosen: d.passed ? 'o0' : null,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of units and ballots; options keep their input order', () => {
    const arb = electorateArb.chain((e) =>
      fc.record({
        e: fc.constant(e),
        units: fc.shuffledSubarray(e.units, { minLength: e.units.length }),
        ballots: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }),
        options: fc.shuffledSubarray(e.options, { minLength: e.options.length }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ e, units, ballots, options }) => {
        const before = countChoice(e);
        expect(countChoice({ ...e, units, ballots })).toEqual(before);
        const reordered = countChoice({ ...e, units, ballots, options });
        const index = new Map(before.options.map((o) => [o.id, o]));
        expect(reordered).toEqual({ ...before, options: options.map((o) => index.get(o.id)) });
      }),
    );
  });
});

describe('scale', () => {
  it('counts 10,000 holders choosing among 7 options exactly', () => {
    const n = 10_000;
    const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const units: Unit[] = [];
    const ballots: Ballot[] = [];
    for (let i = 0; i < n; i++) {
      const holderId = `h${i}`;
      units.push({ unitId: `u${i}`, holderId, area: formatArea(6000 + ((i * 7919) % 8000)) });
      if (i % 6 === 0) continue;
      // Most for A, the rest spread or abstaining.
      ballots.push({ holderId, option: i % 5 < 3 ? 'A' : i % 7 === 0 ? null : (ids[i % 7] ?? null) });
    }
    const e: Electorate = { matter: 'ordinary', units, options: ids.map((id) => ({ id })), ballots };
    const r = countChoice(e);
    expect(r).toEqual(referenceChoice(e));
    expect(r.chosen).toBe('A');
  });
});
