import { describe, expect, it } from 'vitest';
import type { VoteResult } from './count';
import { turnoutOfResult } from './stored-turnout';

const owners = (total: string, participating: string) =>
  ({
    total: { area: total, owners: 3 },
    participating: { area: participating, owners: 2 },
    agree: { area: participating, owners: 2 },
    quorumMet: true,
    agreementMet: true,
    passed: true,
    matter: 'ordinary',
    matterItem: 9,
  }) as VoteResult['owners'];

describe('turnoutOfResult', () => {
  it('reads an owners decision’s heads and areas, in hundredths of m²', () => {
    const result: VoteResult = {
      kind: 'owners',
      electorate: 3,
      voted: 2,
      tally: [],
      owners: owners('12345.67', '0.05'),
    };
    expect(turnoutOfResult(result, 1)).toEqual({ voters: 3, voted: 2, totalArea: 1_234_567, votedArea: 5, pending: 1 });
  });
  it('has no areas for a consultation, and zero area is zero', () => {
    expect(turnoutOfResult({ kind: 'consultation', electorate: 9, voted: 0, tally: [] }, 0)).toEqual({
      voters: 9,
      voted: 0,
      totalArea: null,
      votedArea: null,
      pending: 0,
    });
    const none: VoteResult = { kind: 'owners', electorate: 3, voted: 0, tally: [], owners: owners('300.00', '0.00') };
    expect(turnoutOfResult(none, 0).votedArea).toBe(0);
  });
});
