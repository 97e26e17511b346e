import type { ElectionResult } from '../voting/election';
import { meetsThreshold, thresholds } from '../voting/owners-decision';
import { DAY_MS } from './rules';

/** "87.35" → 8735: the kernel writes exactly two decimals. */
const centi = (area: string) => Number(area.replace('.', ''));

/** A candidate passed the ordinary test of Art. 278 on their own (quorum, more than half of area and heads). */
export function qualifies(
  result: Pick<ElectionResult, 'quorumMet' | 'participating'>,
  agree: { area: string; owners: number },
) {
  return (
    result.quorumMet &&
    result.participating.owners > 0 &&
    meetsThreshold(centi(agree.area), centi(result.participating.area), thresholds.ordinary) &&
    meetsThreshold(agree.owners, result.participating.owners, thresholds.ordinary)
  );
}

export interface CommitteeOutcome {
  elected: string[];
  /** Candidates tied at the last seat(s): none of them is elected until the compound breaks the tie. */
  tie: string[];
  /** Seats nobody fills (no qualifying candidate, or a tie). */
  unfilled: number;
  /** Alternates (候补), when the rules have them: the next qualifying candidates in rank, none while a tie stands. */
  alternates: string[];
}

/**
 * What an election gives the compound (docs/domain/owners-assembly.md, "Deciding"): the elected, the tie
 * and the seats left empty as the count says, and the alternates the rules ask for. Alternates follow the
 * count's own ranking (agreeing area, then heads); a group equal on both takes its places only if it fits
 * whole, like the seats. While a tie for a seat stands nobody is an alternate: a run-off may change the order.
 */
export function committeeOutcome(result: ElectionResult & { seats: number }, alternateSeats: number): CommitteeOutcome {
  const unfilled = result.seats - result.elected.length;
  const alternates: string[] = [];
  if (result.tie.length === 0 && alternateSeats > 0) {
    const taken = new Set(result.elected);
    const ranked = result.candidates
      .filter((c) => !taken.has(c.id) && qualifies(result, c.agree))
      .sort((a, b) => centi(b.agree.area) - centi(a.agree.area) || b.agree.owners - a.agree.owners);
    for (let start = 0; start < ranked.length && alternates.length < alternateSeats; ) {
      const first = ranked[start];
      let end = start + 1;
      while (
        first &&
        end < ranked.length &&
        ranked[end]?.agree.area === first.agree.area &&
        ranked[end]?.agree.owners === first.agree.owners
      ) {
        end++;
      }
      if (alternates.length + (end - start) > alternateSeats) break;
      alternates.push(...ranked.slice(start, end).map((c) => c.id));
      start = end;
    }
  }
  return { elected: result.elected, tie: result.tie, unfilled, alternates };
}

/** A candidate's option key on the ballot ('c<personId>') → the person; null for any other key. */
export function candidatePerson(key: string): number | null {
  const m = /^c([1-9]\d{0,15})$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** When the elected take office: the compound's handover days after the close. */
export function takesOfficeAt(closedAt: number, handoverDays: number): number {
  return closedAt + handoverDays * DAY_MS;
}
