import { describe, expect, it } from 'vitest';
import type { ElectionResult } from '../voting/election';
import { candidatePerson, committeeOutcome, qualifies, takesOfficeAt } from './committee';
import { DAY_MS } from './rules';

const result = (
  candidates: { id: string; area: string; owners: number; elected?: boolean }[],
  over: Partial<ElectionResult> = {},
): ElectionResult & { seats: number } => ({
  total: { area: '1000.00', owners: 10 },
  participating: { area: '900.00', owners: 9 },
  quorumMet: true,
  candidates: candidates.map((c) => ({
    id: c.id,
    agree: { area: c.area, owners: c.owners },
    elected: c.elected ?? false,
  })),
  elected: candidates.filter((c) => c.elected).map((c) => c.id),
  tie: [],
  seats: 3,
  ...over,
});

describe('committeeOutcome', () => {
  it('states the elected, the seats left empty, and the alternates by rank', () => {
    const r = result([
      { id: 'a', area: '800.00', owners: 8, elected: true },
      { id: 'b', area: '700.00', owners: 7, elected: true },
      { id: 'c', area: '600.00', owners: 6 },
      { id: 'd', area: '500.00', owners: 5 },
      { id: 'e', area: '450.00', owners: 5 },
    ]);
    // c is not elected here (say a third seat was unfilled by rules) but qualifies: first alternate.
    expect(committeeOutcome(r, 2)).toEqual({ elected: ['a', 'b'], tie: [], unfilled: 1, alternates: ['c', 'd'] });
    expect(committeeOutcome(r, 0).alternates).toEqual([]);
  });

  it('leaves out of the alternates anyone who did not pass the ordinary test on their own', () => {
    // e has exactly half the participating area: not more than half.
    const r = result([
      { id: 'a', area: '800.00', owners: 8, elected: true },
      { id: 'e', area: '450.00', owners: 5 },
    ]);
    expect(committeeOutcome(r, 3).alternates).toEqual([]);
    expect(qualifies(r, { area: '450.01', owners: 5 })).toBe(true);
    expect(qualifies(r, { area: '450.01', owners: 4 })).toBe(false);
  });

  it('names no alternate while a tie for a seat stands, and none split across equals that do not fit', () => {
    const tied = result([{ id: 'a', area: '800.00', owners: 8 }], { tie: ['x', 'y'] });
    expect(committeeOutcome(tied, 2).alternates).toEqual([]);
    const equals = result([
      { id: 'a', area: '800.00', owners: 8, elected: true },
      { id: 'c', area: '600.00', owners: 6 },
      { id: 'd', area: '600.00', owners: 6 },
    ]);
    expect(committeeOutcome(equals, 1).alternates).toEqual([]);
    expect(committeeOutcome(equals, 2).alternates).toEqual(['c', 'd']);
  });

  it('reads candidates as people and dates the handover', () => {
    expect(candidatePerson('c12')).toBe(12);
    expect(candidatePerson('abstain')).toBeNull();
    expect(candidatePerson('c0')).toBeNull();
    expect(takesOfficeAt(1000, 7)).toBe(1000 + 7 * DAY_MS);
  });
});
