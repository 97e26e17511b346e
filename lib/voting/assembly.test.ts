import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea } from '../area';
import { type AssemblyInput, type AssemblyMatter, countAssembly } from './assembly';
import { countChoice } from './choice';
import { countElection } from './election';
import { ART278_ITEMS, type Art278Item, matterOf } from './matters';
import { countOwnersDecision, type OwnersDecisionChoice } from './owners-decision';

type Unit = AssemblyInput['units'][number];

function singles(...areas: string[]): Unit[] {
  return areas.map((area, i) => ({ unitId: `u${i}`, holderId: `u${i}`, area }));
}

/** Six owners of 20.00 m²: quorum needs 4 of them. */
const units = singles('20.00', '20.00', '20.00', '20.00', '20.00', '20.00');
const holders = units.map((u) => u.holderId);

function decision(id: string, item: Art278Item, choices: (OwnersDecisionChoice | null)[]): AssemblyMatter {
  const ballots = choices.flatMap((choice, i) => (choice === null ? [] : [{ holderId: `u${i}`, choice }]));
  return { id, kind: 'decision', item, ballots };
}

describe('countAssembly', () => {
  const matters: AssemblyMatter[] = [
    // Raising the maintenance fund (item 6, special): 4 of 5 participants agree, 80 % ≥ 3/4.
    decision('raise-fund', 6, ['agree', 'agree', 'agree', 'agree', 'disagree', null]),
    {
      id: 'committee',
      kind: 'election',
      seats: 2,
      candidates: [{ id: 'zhang' }, { id: 'li' }, { id: 'wang' }],
      ballots: [
        { holderId: 'u0', marks: ['zhang', 'li'] },
        { holderId: 'u1', marks: ['zhang', 'li'] },
        { holderId: 'u2', marks: ['zhang', 'wang'] },
        { holderId: 'u3', marks: ['li'] },
        { holderId: 'u4', marks: [] },
      ],
    },
    {
      id: 'property-company',
      kind: 'choice',
      item: 4,
      options: [{ id: 'wanke' }, { id: 'baoli' }],
      ballots: [
        { holderId: 'u0', option: 'baoli' },
        { holderId: 'u1', option: 'baoli' },
        { holderId: 'u2', option: 'baoli' },
        { holderId: 'u3', option: 'wanke' },
        { holderId: 'u5', option: null },
      ],
    },
  ];

  it('counts each matter with its own function and threshold, in the order given', () => {
    const r = countAssembly({ units, matters });
    expect(r.total).toEqual({ area: '120.00', owners: 6 });
    expect(r.matters.map((m) => [m.id, m.kind, m.item, m.matter])).toEqual([
      ['raise-fund', 'decision', 6, 'special'],
      ['committee', 'election', 3, 'ordinary'],
      ['property-company', 'choice', 4, 'ordinary'],
    ]);
    const [fund, committee, company] = r.matters;
    expect(fund?.kind === 'decision' && fund.result.passed).toBe(true);
    expect(committee?.kind === 'election' && committee.result.elected).toEqual(['zhang', 'li']);
    expect(company?.kind === 'choice' && company.result.chosen).toBe('baoli');
  });

  it('gives each matter exactly what its own count gives', () => {
    const r = countAssembly({ units, matters });
    const [fund, committee, company] = matters;
    if (fund?.kind !== 'decision' || committee?.kind !== 'election' || company?.kind !== 'choice') {
      throw new Error('fixture');
    }
    expect(r.matters.map((m) => m.result)).toEqual([
      countOwnersDecision({ matter: 'special', units, ballots: fund.ballots }),
      countElection({ seats: committee.seats, units, candidates: committee.candidates, ballots: committee.ballots }),
      countChoice({ matter: 'ordinary', units, options: company.options, ballots: company.ballots }),
    ]);
  });

  it('counts participation per matter: the same owners can meet one quorum and miss another', () => {
    const r = countAssembly({
      units,
      matters: [
        decision('covenant', 2, ['agree', 'agree', 'agree', 'disagree', null, null]),
        // u2 and u3 answered only the first matter: 2 of 6 took part in the second.
        decision('rules', 1, ['agree', 'agree', null, null, null, null]),
      ],
    });
    const [covenant, rules] = r.matters.map((m) => (m.kind === 'decision' ? m.result : null));
    expect(covenant?.participating).toEqual({ area: '80.00', owners: 4 });
    expect(covenant?.quorumMet).toBe(true);
    expect(covenant?.passed).toBe(true);
    expect(rules?.participating).toEqual({ area: '40.00', owners: 2 });
    expect(rules?.quorumMet).toBe(false);
    expect(rules?.passed).toBe(false);
    expect(covenant?.total).toEqual(r.total);
    expect(rules?.total).toEqual(r.total);
  });

  it('maps every Art. 278 item to its threshold: the same ballots pass item 5 and fail item 6', () => {
    // 3 of 5 participants agree: more than half, less than 3/4.
    const choices: (OwnersDecisionChoice | null)[] = ['agree', 'agree', 'agree', 'disagree', 'abstain', null];
    const r = countAssembly({ units, matters: ART278_ITEMS.map((item) => decision(`item-${item}`, item, choices)) });
    expect(r.matters.map((m) => [m.item, m.matter, m.kind === 'decision' && m.result.passed])).toEqual(
      ART278_ITEMS.map((item) => [item, matterOf(item), matterOf(item) === 'ordinary']),
    );
    expect(r.matters.filter((m) => m.matter === 'special').map((m) => m.item)).toEqual([6, 7, 8]);
  });

  it('counts a choice under a special item as a special matter', () => {
    const r = countAssembly({
      units,
      matters: [
        {
          id: 'rebuild',
          kind: 'choice',
          item: 7,
          options: [{ id: 'plan-a' }, { id: 'plan-b' }],
          ballots: holders.slice(0, 5).map((holderId, i) => ({ holderId, option: i < 3 ? 'plan-a' : 'plan-b' })),
        },
      ],
    });
    const [rebuild] = r.matters;
    expect(rebuild?.matter).toBe('special');
    // 3 of 5 is a majority but not 3/4.
    expect(rebuild?.kind === 'choice' && rebuild.result.chosen).toBeNull();
  });

  describe('errors', () => {
    it('rejects an announcement without matters, and a matter id used twice', () => {
      expect(() => countAssembly({ units, matters: [] })).toThrow('An assembly needs at least one matter');
      expect(() => countAssembly({ units, matters: [decision('m', 1, []), decision('m', 2, [])] })).toThrow(
        'Matter "m" is listed twice',
      );
    });

    it.each([0, 10, 2.5, Number.NaN])('rejects item %d, naming the matter', (item) => {
      const bad = { ...decision('m', 1, []), item } as AssemblyMatter;
      expect(() => countAssembly({ units, matters: [bad] })).toThrow(/^Matter "m": item .* is not an Art\. 278 item/);
      const choice = {
        id: 'c',
        kind: 'choice',
        item,
        options: [{ id: 'x' }],
        ballots: [],
      } as unknown as AssemblyMatter;
      expect(() => countAssembly({ units, matters: [choice] })).toThrow(/^Matter "c": item/);
    });

    it('rejects an unknown kind, naming the matter', () => {
      const bad = { id: 'm', kind: 'poll', ballots: [] } as unknown as AssemblyMatter;
      expect(() => countAssembly({ units, matters: [bad] })).toThrow('Matter "m": unknown kind "poll"');
    });

    it("prefixes a matter's ballot error with the matter's id and keeps the original as its cause", () => {
      const twice = decision('second', 9, ['agree', null, null, null, null, null]);
      if (twice.kind !== 'decision') throw new Error('fixture');
      twice.ballots.push({ holderId: 'u0', choice: 'disagree' });
      let caught: unknown;
      try {
        countAssembly({ units, matters: [decision('first', 9, ['agree']), twice] });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as Error).message).toBe('Matter "second": Holder "u0" cast more than one ballot');
      expect(((caught as Error).cause as Error).message).toBe('Holder "u0" cast more than one ballot');
    });

    it('reports a bad electorate as such, not as the fault of a matter', () => {
      expect(() => countAssembly({ units: singles('1.234'), matters: [decision('m', 1, [])] })).toThrow(
        /^Unit "u0": area "1\.234" has more than two decimals$/,
      );
      expect(() => countAssembly({ units: [], matters: [decision('m', 1, [])] })).toThrow(/^Empty electorate/);
    });
  });
});

describe('properties', () => {
  /** An electorate of up to 10 units held by up to 6 holders, and 1–4 matters of any kind on it. */
  const assemblyArb: fc.Arbitrary<AssemblyInput> = fc
    .array(fc.record({ holder: fc.integer({ min: 0, max: 5 }), centi: fc.integer({ min: 1, max: 99_999_999 }) }), {
      minLength: 1,
      maxLength: 10,
    })
    .chain((rows) => {
      const us: Unit[] = rows.map((r, i) => ({ unitId: `u${i}`, holderId: `h${r.holder}`, area: formatArea(r.centi) }));
      const hs = [...new Set(us.map((u) => u.holderId))];
      const voters = fc.oneof(fc.constant(hs), fc.subarray(hs));
      const item = fc.constantFrom(...ART278_ITEMS);
      const ids = ['a', 'b', 'c'];
      const matterArb: fc.Arbitrary<AssemblyMatter> = fc.oneof(
        fc.record({
          id: fc.constant(''),
          kind: fc.constant('decision' as const),
          item,
          ballots: voters.chain((vs) =>
            fc.tuple(
              ...vs.map((holderId) =>
                fc
                  .constantFrom<OwnersDecisionChoice>('agree', 'disagree', 'abstain')
                  .map((choice) => ({ holderId, choice })),
              ),
            ),
          ),
        }),
        fc.record({
          id: fc.constant(''),
          kind: fc.constant('election' as const),
          seats: fc.constant(2),
          candidates: fc.constant(ids.map((id) => ({ id }))),
          ballots: voters.chain((vs) =>
            fc.tuple(
              ...vs.map((holderId) => fc.shuffledSubarray(ids, { maxLength: 2 }).map((marks) => ({ holderId, marks }))),
            ),
          ),
        }),
        fc.record({
          id: fc.constant(''),
          kind: fc.constant('choice' as const),
          item,
          options: fc.constant(ids.map((id) => ({ id }))),
          ballots: voters.chain((vs) =>
            fc.tuple(
              ...vs.map((holderId) => fc.option(fc.constantFrom(...ids)).map((option) => ({ holderId, option }))),
            ),
          ),
        }),
      );
      return fc.record({
        units: fc.constant(us),
        matters: fc
          .array(matterArb, { minLength: 1, maxLength: 4 })
          .map((ms) => ms.map((m, i): AssemblyMatter => ({ ...m, id: `m${i}` }))),
      });
    });

  it("gives every matter what its own count gives, over the same electorate, with the electorate's total", () => {
    fc.assert(
      fc.property(assemblyArb, (input) => {
        const r = countAssembly(input);
        expect(r.matters.map((m) => m.id)).toEqual(input.matters.map((m) => m.id));
        input.matters.forEach((m, i) => {
          const got = r.matters[i];
          expect(got?.result.total).toEqual(r.total);
          if (m.kind === 'decision') {
            expect(got).toEqual({
              id: m.id,
              kind: 'decision',
              item: m.item,
              matter: matterOf(m.item),
              result: countOwnersDecision({ matter: matterOf(m.item), units: input.units, ballots: m.ballots }),
            });
          } else if (m.kind === 'election') {
            expect(got).toEqual({
              id: m.id,
              kind: 'election',
              item: 3,
              matter: 'ordinary',
              result: countElection({ ...m, units: input.units }),
            });
          } else {
            expect(got).toEqual({
              id: m.id,
              kind: 'choice',
              item: m.item,
              matter: matterOf(m.item),
              result: countChoice({
                matter: matterOf(m.item),
                units: input.units,
                options: m.options,
                ballots: m.ballots,
              }),
            });
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
