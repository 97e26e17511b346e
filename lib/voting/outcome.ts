import type { VoteResult } from './count';

/**
 * What a closed owners' matter decided, in one word, from its stored result: the topic card, the
 * notice board, the decision form and the printed notice all read it here, so none of them can say
 * "passed" where the count said otherwise.
 *
 * - a yes/no decision: `passed` or `failed` (Civil Code Art. 278 tests, as stored);
 * - a choice among options: `passed` when one option was chosen, `failed` when none was;
 * - an election: `passed` when at least one candidate was elected, `failed` when nobody was (a tie
 *   or an unfilled seat is stated beside it, lib/voting/election.ts);
 * - a consultation or a council vote: null, it decides nothing by law.
 */
export type VoteOutcome = 'passed' | 'failed';

export function outcomeOf(result: VoteResult | null): VoteOutcome | null {
  if (result?.kind !== 'owners') return null;
  if (result.election) return result.election.elected.length > 0 ? 'passed' : 'failed';
  if (result.choice) return result.choice.chosen !== null ? 'passed' : 'failed';
  if (result.owners) return result.owners.passed ? 'passed' : 'failed';
  return null;
}

/** A stored result as the database keeps it (JSON text), read back; null when there is none. */
export function parseResult(json: string | null): VoteResult | null {
  return json ? (JSON.parse(json) as VoteResult) : null;
}
