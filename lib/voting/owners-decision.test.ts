import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea, parseArea } from '../area';
import {
  countOwnersDecision,
  meetsThreshold,
  type OwnersDecisionChoice,
  type OwnersDecisionInput,
  thresholds,
} from './owners-decision';

type Unit = OwnersDecisionInput['units'][number];
type Ballot = OwnersDecisionInput['ballots'][number];

/** One unit per holder, holder ids equal to unit ids: the common case of one flat, one owner. */
function singles(...areas: string[]): Unit[] {
  return areas.map((area, i) => ({ unitId: `u${i}`, holderId: `u${i}`, area }));
}

/** Ballots for holders u0, u1, … in order; `null` means the holder did not vote. */
function votes(...choices: (OwnersDecisionChoice | null)[]): Ballot[] {
  const out: Ballot[] = [];
  choices.forEach((choice, i) => {
    if (choice !== null) out.push({ holderId: `u${i}`, choice });
  });
  return out;
}

function count(matter: OwnersDecisionInput['matter'], units: Unit[], ballots: Ballot[]) {
  return countOwnersDecision({ matter, units, ballots });
}

describe('participation (quorum): at least 2/3 of area and of owners', () => {
  it('passes at exactly 2/3 by area and by head count', () => {
    const r = count('ordinary', singles('100.00', '100.00', '100.00'), votes('agree', 'agree', null));
    expect(r.total).toEqual({ area: '300.00', owners: 3 });
    expect(r.participating).toEqual({ area: '200.00', owners: 2 });
    expect(r.quorumMet).toBe(true);
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('fails one hundredth of a square metre below 2/3 of the area, with heads at 2/3', () => {
    const r = count('ordinary', singles('100.00', '99.99', '100.01'), votes('agree', 'agree', null));
    expect(r.total).toEqual({ area: '300.00', owners: 3 });
    expect(r.participating).toEqual({ area: '199.99', owners: 2 });
    expect(r.quorumMet).toBe(false);
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(false);
  });

  it('passes one hundredth of a square metre above 2/3 of the area', () => {
    const r = count('ordinary', singles('100.00', '100.01', '99.99'), votes('agree', 'agree', null));
    expect(r.participating.area).toBe('200.01');
    expect(r.quorumMet).toBe(true);
  });

  it('fails with the head count one short, even with most of the area (area passes, heads fail)', () => {
    // 4 owners need 3 participants (3 * 3 >= 2 * 4); 2 took part, holding 310 of 330 m².
    const r = count('ordinary', singles('300.00', '10.00', '10.00', '10.00'), votes('agree', 'agree', null, null));
    expect(r.participating).toEqual({ area: '310.00', owners: 2 });
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('passes once that one missing owner takes part', () => {
    const r = count('ordinary', singles('300.00', '10.00', '10.00', '10.00'), votes('agree', 'agree', 'agree', null));
    expect(r.participating.owners).toBe(3);
    expect(r.quorumMet).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('fails with heads at 2/3 but too little area (heads pass, area fails)', () => {
    const r = count('ordinary', singles('10.00', '10.00', '100.00'), votes('agree', 'agree', null));
    expect(r.participating).toEqual({ area: '20.00', owners: 2 });
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
  });
});

describe('special matters (Art. 278 items 6–8): at least 3/4 of participating area and owners', () => {
  it('passes at exactly 3/4 by area and by head count', () => {
    const r = count(
      'special',
      singles('25.00', '25.00', '25.00', '25.00'),
      votes('agree', 'agree', 'agree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '75.00', owners: 3 });
    expect(r.participating).toEqual({ area: '100.00', owners: 4 });
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('fails one hundredth of a square metre below 3/4 of the area, with heads at 3/4', () => {
    const r = count(
      'special',
      singles('25.00', '25.00', '24.99', '25.01'),
      votes('agree', 'agree', 'agree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '74.99', owners: 3 });
    expect(r.quorumMet).toBe(true);
    expect(r.agreementMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('fails one head below 3/4 while the area passes (area passes, heads fail)', () => {
    // 5 of 7 participants: 4 * 5 = 20 < 3 * 7 = 21.
    const r = count(
      'special',
      singles('90.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00'),
      votes('agree', 'agree', 'agree', 'agree', 'agree', 'disagree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '94.00', owners: 5 });
    expect(r.participating).toEqual({ area: '96.00', owners: 7 });
    expect(r.agreementMet).toBe(false);
  });

  it('fails when heads pass but the area falls short (heads pass, area fails)', () => {
    const r = count('special', singles('1.00', '1.00', '1.00', '97.00'), votes('agree', 'agree', 'agree', 'disagree'));
    expect(r.agree).toEqual({ area: '3.00', owners: 3 });
    expect(r.agreementMet).toBe(false);
  });

  it('fails a vote that would pass as an ordinary matter', () => {
    const units = singles('20.00', '20.00', '20.00', '20.00', '20.00');
    const ballots = votes('agree', 'agree', 'agree', 'disagree', 'disagree');
    expect(count('ordinary', units, ballots).passed).toBe(true);
    expect(count('special', units, ballots).passed).toBe(false);
  });
});

describe('ordinary matters: more than half of participating area and owners', () => {
  it('fails at exactly one half on both measures', () => {
    const r = count(
      'ordinary',
      singles('25.00', '25.00', '25.00', '25.00'),
      votes('agree', 'agree', 'disagree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '50.00', owners: 2 });
    expect(r.quorumMet).toBe(true);
    expect(r.agreementMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('fails at exactly half the area even with a head majority (heads pass, area fails)', () => {
    const r = count('ordinary', singles('50.00', '30.00', '20.00'), votes('disagree', 'agree', 'agree'));
    expect(r.agree).toEqual({ area: '50.00', owners: 2 });
    expect(r.agreementMet).toBe(false);
  });

  it('passes one hundredth of a square metre above half the area', () => {
    const r = count('ordinary', singles('49.99', '30.01', '20.00'), votes('disagree', 'agree', 'agree'));
    expect(r.agree).toEqual({ area: '50.01', owners: 2 });
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('fails at exactly half the heads even with an area majority (area passes, heads fail)', () => {
    const r = count(
      'ordinary',
      singles('70.00', '10.00', '10.00', '10.00'),
      votes('agree', 'agree', 'disagree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '80.00', owners: 2 });
    expect(r.agreementMet).toBe(false);
  });

  it('passes one head above half', () => {
    const r = count(
      'ordinary',
      singles('20.00', '20.00', '20.00', '20.00', '20.00'),
      votes('agree', 'agree', 'agree', 'disagree', 'disagree'),
    );
    expect(r.agree).toEqual({ area: '60.00', owners: 3 });
    expect(r.agreementMet).toBe(true);
  });
});

describe('who counts as how many (SPC interpretation Arts. 8–9)', () => {
  it('adds the areas of a multi-unit holder and counts the holder once', () => {
    const units: Unit[] = [
      { unitId: '1-101', holderId: 'zhang', area: '50.00' },
      { unitId: '1-102', holderId: 'zhang', area: '30.00' },
      { unitId: '1-201', holderId: 'li', area: '20.00' },
    ];
    const r = count('ordinary', units, [{ holderId: 'zhang', choice: 'agree' }]);
    expect(r.total).toEqual({ area: '100.00', owners: 2 });
    expect(r.participating).toEqual({ area: '80.00', owners: 1 });
    expect(r.agree).toEqual({ area: '80.00', owners: 1 });
    // 80 % of the area took part, but only 1 of 2 owners.
    expect(r.quorumMet).toBe(false);
  });

  it('counts the developer with many unsold units as one owner holding their summed area', () => {
    const units: Unit[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ unitId: `dev-${i}`, holderId: 'developer', area: '100.00' })),
      ...Array.from({ length: 5 }, (_, i) => ({ unitId: `b-${i}`, holderId: `buyer-${i}`, area: '100.00' })),
    ];
    const ballots: Ballot[] = [
      { holderId: 'developer', choice: 'agree' },
      { holderId: 'buyer-0', choice: 'agree' },
      { holderId: 'buyer-1', choice: 'disagree' },
      { holderId: 'buyer-2', choice: 'disagree' },
    ];
    const r = count('special', units, ballots);
    expect(r.total).toEqual({ area: '1500.00', owners: 6 });
    expect(r.participating).toEqual({ area: '1300.00', owners: 4 });
    expect(r.agree).toEqual({ area: '1100.00', owners: 2 });
    expect(r.quorumMet).toBe(true);
    // The developer's area is far above 3/4, but it is one head among four.
    expect(r.agreementMet).toBe(false);
  });

  it('lets the co-owners of a unit vote once, as one holder', () => {
    const units: Unit[] = [
      { unitId: '3-502', holderId: 'wang+zhao', area: '88.88' },
      { unitId: '3-501', holderId: 'chen', area: '11.12' },
    ];
    const r = count('ordinary', units, [
      { holderId: 'wang+zhao', choice: 'agree' },
      { holderId: 'chen', choice: 'agree' },
    ]);
    expect(r.total).toEqual({ area: '100.00', owners: 2 });
    expect(r.agree).toEqual({ area: '100.00', owners: 2 });
    expect(r.passed).toBe(true);
    expect(() =>
      count('ordinary', units, [
        { holderId: 'wang+zhao', choice: 'agree' },
        { holderId: 'wang+zhao', choice: 'disagree' },
      ]),
    ).toThrow(/"wang\+zhao".*more than one ballot/);
  });
});

describe('abstentions and non-voters', () => {
  it('counts abstentions toward participation only', () => {
    const r = count('ordinary', singles('100.00', '100.00', '100.00'), votes('agree', 'abstain', null));
    expect(r.participating).toEqual({ area: '200.00', owners: 2 });
    expect(r.agree).toEqual({ area: '100.00', owners: 1 });
    expect(r.quorumMet).toBe(true);
    // 1 agree of 2 participants is exactly half: the abstention weighs against.
    expect(r.agreementMet).toBe(false);
  });

  it('lets an abstention bring the vote to quorum', () => {
    const units = singles('100.00', '100.00', '100.00');
    expect(count('ordinary', units, votes('agree', null, null)).quorumMet).toBe(false);
    const r = count('ordinary', units, votes('agree', 'abstain', 'agree'));
    expect(r.quorumMet).toBe(true);
    expect(r.agree).toEqual({ area: '200.00', owners: 2 });
    expect(r.passed).toBe(true);
  });

  it('does not count non-voters with the majority', () => {
    const r = count('ordinary', singles('10.00', '10.00', '10.00', '10.00'), votes('agree', 'agree', 'agree', null));
    expect(r.participating.owners).toBe(3);
    expect(r.agree.owners).toBe(3);
    expect(r.total.owners).toBe(4);
  });

  it.each(['ordinary', 'special'] as const)('fails every test when nobody votes (%s)', (matter) => {
    const r = count(matter, singles('80.00', '20.00'), []);
    expect(r).toEqual({
      total: { area: '100.00', owners: 2 },
      participating: { area: '0.00', owners: 0 },
      agree: { area: '0.00', owners: 0 },
      quorumMet: false,
      agreementMet: false,
      passed: false,
    });
  });

  it('fails when everybody abstains', () => {
    const r = count('special', singles('80.00', '20.00'), votes('abstain', 'abstain'));
    expect(r.quorumMet).toBe(true);
    expect(r.agreementMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('passes a unanimous vote of a single owner', () => {
    const r = count('special', singles('0.01'), votes('agree'));
    expect(r.passed).toBe(true);
  });
});

describe('errors', () => {
  it.each([
    ['abc', /"u0".*"abc".*not an area/],
    ['87.355', /"u0".*"87\.355".*more than two decimals/],
    ['-5', /"u0".*"-5".*not positive/],
    ['0', /"u0".*"0".*not positive/],
    ['0.00', /"u0".*"0\.00".*not positive/],
    ['', /"u0".*"".*empty/],
    ['   ', /"u0".*empty/],
    ['1e3', /"u0".*"1e3".*not an area/],
    ['1,000.00', /"u0".*"1,000\.00".*not an area/],
    ['+5', /"u0".*"\+5".*not an area/],
    ['NaN', /"u0".*"NaN".*not an area/],
    ['12345678.00', /"u0".*"12345678\.00".*not an area/],
  ])('rejects the area %j', (area, message) => {
    expect(() => count('ordinary', singles(area), [])).toThrow(message);
  });

  it('rejects an area that is not a string', () => {
    const units = [{ unitId: 'A-1', holderId: 'h', area: 87.35 }] as unknown as Unit[];
    expect(() => count('ordinary', units, [])).toThrow(/"A-1".*must be a string/);
  });

  it('names the offending unit among many', () => {
    const units = [...singles('10.00', '10.00'), { unitId: 'B-7', holderId: 'h', area: '1.234' }];
    expect(() => count('ordinary', units, [])).toThrow(/Unit "B-7": area "1\.234" has more than two decimals/);
  });

  it('rejects the same unitId twice, even under different holders', () => {
    const units: Unit[] = [
      { unitId: '2-301', holderId: 'a', area: '80.00' },
      { unitId: '2-301', holderId: 'b', area: '80.00' },
    ];
    expect(() => count('ordinary', units, [])).toThrow(/Duplicate unit "2-301"/);
  });

  it('rejects a ballot whose holder holds no unit', () => {
    expect(() => count('ordinary', singles('10.00'), [{ holderId: 'stranger', choice: 'agree' }])).toThrow(
      /"stranger".*holds no unit/,
    );
  });

  it('rejects two ballots from one holder, even with the same choice', () => {
    expect(() => count('ordinary', singles('10.00', '10.00'), [...votes('agree'), ...votes('agree')])).toThrow(
      /Holder "u0" cast more than one ballot/,
    );
  });

  it('rejects an empty electorate', () => {
    expect(() => count('ordinary', [], [])).toThrow(/Empty electorate/);
  });

  it('rejects an unknown matter', () => {
    const input = { matter: 'major', units: singles('10.00'), ballots: [] } as unknown as OwnersDecisionInput;
    expect(() => countOwnersDecision(input)).toThrow(/Unknown matter "major"/);
  });

  it('rejects an unknown choice, naming the holder', () => {
    const ballots = [{ holderId: 'u0', choice: 'yes' }] as unknown as Ballot[];
    expect(() => count('ordinary', singles('10.00'), ballots)).toThrow(/holder "u0": unknown choice "yes"/);
  });
});

describe('area formatting', () => {
  it('adds 0.10 and 0.20 to exactly "0.30"', () => {
    const units: Unit[] = [
      { unitId: 'p1', holderId: 'h', area: '0.10' },
      { unitId: 'p2', holderId: 'h', area: '0.20' },
    ];
    const r = count('ordinary', units, [{ holderId: 'h', choice: 'agree' }]);
    expect(r.total).toEqual({ area: '0.30', owners: 1 });
    expect(r.participating.area).toBe('0.30');
    expect(r.agree.area).toBe('0.30');
  });

  it('pads short inputs to two decimals', () => {
    expect(count('ordinary', singles('87.3'), []).total.area).toBe('87.30');
    expect(count('ordinary', singles('87'), []).total.area).toBe('87.00');
    expect(count('ordinary', singles('0.05'), []).total.area).toBe('0.05');
    expect(count('ordinary', singles(' 87.35 '), []).total.area).toBe('87.35');
  });

  it('keeps large totals exact', () => {
    const units = Array.from({ length: 1000 }, (_, i) => ({ unitId: `u${i}`, holderId: `u${i}`, area: '9999999.99' }));
    const ballots = units.slice(0, 667).map((u) => ({ holderId: u.holderId, choice: 'agree' as const }));
    const r = count('ordinary', units, ballots);
    expect(r.total).toEqual({ area: '9999999990.00', owners: 1000 });
    expect(r.participating).toEqual({ area: '6669999993.33', owners: 667 });
    expect(r.quorumMet).toBe(true);
    expect(r.passed).toBe(true);
  });
});

describe('thresholds', () => {
  it('describes the required fractions and their boundaries', () => {
    expect(thresholds.quorum).toEqual({ num: 2, den: 3, inclusive: true });
    expect(thresholds.special).toEqual({ num: 3, den: 4, inclusive: true });
    expect(thresholds.ordinary).toEqual({ num: 1, den: 2, inclusive: false });
  });

  it('compares exactly beyond the safe-integer range once cross-multiplied', () => {
    const whole = Number.MAX_SAFE_INTEGER - 1; // even, so half of it is an integer
    expect(meetsThreshold(whole / 2, whole, thresholds.ordinary)).toBe(false);
    expect(meetsThreshold(whole / 2 + 1, whole, thresholds.ordinary)).toBe(true);
    const third = 3_000_000_000_000_000; // 3/4 of 4e15: 4 * part = 1.2e16 is past 2^53
    expect(meetsThreshold(third, 4_000_000_000_000_000, thresholds.special)).toBe(true);
    expect(meetsThreshold(third - 1, 4_000_000_000_000_000, thresholds.special)).toBe(false);
  });
});

describe('scale', () => {
  it('counts 100,000 units and ballots', () => {
    const n = 100_000;
    const units: Unit[] = [];
    const ballots: Ballot[] = [];
    const choices: OwnersDecisionChoice[] = ['agree', 'agree', 'disagree', 'abstain'];
    for (let i = 0; i < n; i++) {
      units.push({ unitId: `u${i}`, holderId: `h${i}`, area: '87.35' });
      const choice = choices[i % 4];
      if (choice !== undefined && i % 10 !== 0) ballots.push({ holderId: `h${i}`, choice });
    }
    const r = count('ordinary', units, ballots);
    expect(r.total).toEqual({ area: '8735000.00', owners: n });
    // 90,000 voters. Agree: i % 4 in {0, 1} gives 50,000, less the 5,000 non-voters with i % 20 == 0 (odd i never
    // has i % 10 == 0) = 45,000: exactly half of the participants, so an ordinary matter fails.
    expect(r.participating).toEqual({ area: '7861500.00', owners: 90_000 });
    expect(r.agree).toEqual({ area: '3930750.00', owners: 45_000 });
    expect(r.quorumMet).toBe(true);
    expect(r.agreementMet).toBe(false);
  });
});

describe('properties', () => {
  const choiceArb = fc.constantFrom<OwnersDecisionChoice>('agree', 'disagree', 'abstain');
  const electorateArb = fc
    .array(fc.record({ holder: fc.integer({ min: 0, max: 7 }), centi: fc.integer({ min: 1, max: 99_999_999 }) }), {
      minLength: 1,
      maxLength: 20,
    })
    .chain((rows) => {
      const units: Unit[] = rows.map((row, i) => ({
        unitId: `u${i}`,
        holderId: `h${row.holder}`,
        area: formatArea(row.centi),
      }));
      const holders = [...new Set(units.map((u) => u.holderId))];
      return fc.record({
        matter: fc.constantFrom<OwnersDecisionInput['matter']>('ordinary', 'special'),
        units: fc.constant(units),
        ballots: fc
          .subarray(holders)
          .chain((voters) => fc.tuple(...voters.map((holderId) => choiceArb.map((choice) => ({ holderId, choice }))))),
        centi: fc.constant(rows.map((r) => r.centi)),
      });
    });

  it('totals equal the sum of the unit areas and the number of distinct holders', () => {
    fc.assert(
      fc.property(electorateArb, ({ matter, units, ballots, centi }) => {
        const r = countOwnersDecision({ matter, units, ballots });
        expect(r.total.area).toBe(formatArea(centi.reduce((a, b) => a + b, 0)));
        expect(r.total.owners).toBe(new Set(units.map((u) => u.holderId)).size);
        expect(r.participating.owners).toBe(ballots.length);
        expect(r.agree.owners).toBe(ballots.filter((b) => b.choice === 'agree').length);
        expect(r.passed).toBe(r.quorumMet && r.agreementMet);
      }),
    );
  });

  it('is invariant under shuffling units and ballots', () => {
    const arb = electorateArb.chain((e) =>
      fc.record({
        e: fc.constant(e),
        units: fc.shuffledSubarray(e.units, { minLength: e.units.length }),
        ballots: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ e, units, ballots }) => {
        expect(countOwnersDecision({ matter: e.matter, units, ballots })).toEqual(
          countOwnersDecision({ matter: e.matter, units: e.units, ballots: e.ballots }),
        );
      }),
    );
  });

  it('never turns passed from true to false when one disagree or abstain ballot becomes agree', () => {
    const arb = electorateArb
      .filter((e) => e.ballots.some((b) => b.choice !== 'agree'))
      .chain((e) => fc.record({ e: fc.constant(e), pick: fc.nat() }));
    fc.assert(
      fc.property(arb, ({ e, pick }) => {
        const others = e.ballots.flatMap((b, i) => (b.choice === 'agree' ? [] : [i]));
        const index = others[pick % others.length];
        const changed = e.ballots.map((b, i): Ballot => (i === index ? { ...b, choice: 'agree' } : b));
        const before = countOwnersDecision({ matter: e.matter, units: e.units, ballots: e.ballots });
        const after = countOwnersDecision({ matter: e.matter, units: e.units, ballots: changed });
        expect(after.quorumMet).toBe(before.quorumMet);
        if (before.passed) expect(after.passed).toBe(true);
      }),
    );
  });

  it('accepts exactly the areas parseArea accepts, with the same value', () => {
    const areaText = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', ' ', 'e', ','), maxLength: 12 }),
      fc.integer({ min: 0, max: 1_200_000_000 }).map((centi) => formatArea(centi)),
      fc.tuple(fc.nat(99_999_999), fc.nat(99)).map(([whole, frac]) => `${whole}.${String(frac).padStart(2, '0')}`),
      fc.tuple(fc.nat(3), fc.nat(9_999_999)).map(([zeros, centi]) => `${'0'.repeat(zeros)}${formatArea(centi)}`),
    );
    fc.assert(
      fc.property(areaText, (area) => {
        const parsed = parseArea(area);
        const run = () =>
          countOwnersDecision({ matter: 'ordinary', units: [{ unitId: 'x', holderId: 'h', area }], ballots: [] });
        if (parsed.ok) expect(run().total.area).toBe(formatArea(parsed.centi));
        else expect(run).toThrow(/Unit "x": area/);
      }),
      { numRuns: 1000 },
    );
  });

  it('passes a special matter only if it would pass as an ordinary one', () => {
    fc.assert(
      fc.property(electorateArb, ({ units, ballots }) => {
        const special = countOwnersDecision({ matter: 'special', units, ballots });
        const ordinary = countOwnersDecision({ matter: 'ordinary', units, ballots });
        if (special.passed) expect(ordinary.passed).toBe(true);
      }),
    );
  });
});
