import type { VoteResult } from './count';

/** Turnout as the vote page shows it: by head, and by area for an owners' decision (hundredths of m²). */
export interface Turnout {
  voters: number;
  voted: number;
  totalArea: number | null;
  votedArea: number | null;
  /** Paper ballots entered but not confirmed by a second committee member (they do not count). */
  pending: number;
}

/** "12345.67" (formatArea's form, zero included) as hundredths. */
function centiOf(area: string): number {
  const [whole = '0', frac = '00'] = area.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/**
 * A closed vote's turnout from its stored result, which was counted from the frozen electorate and
 * the counted ballots at the close and cannot change after it: the same figures as reading every
 * voter and ballot again (10,000 of each for a large decision), without reading them
 * (docs/decisions/0019-performance.md).
 */
export function turnoutOfResult(result: VoteResult, pending: number): Turnout {
  const owners = result.owners;
  return {
    voters: result.electorate,
    voted: result.voted,
    totalArea: owners ? centiOf(owners.total.area) : null,
    votedArea: owners ? centiOf(owners.participating.area) : null,
    pending,
  };
}
