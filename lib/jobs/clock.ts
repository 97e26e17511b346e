import { closeVote, listDueVotes } from '@/db/queries/votes';

/**
 * Time-based moves that must happen whether or not anyone visits a page: votes close at their end
 * time. Runs every `intervalMs` in the server process and once at start, so a restart catches up on
 * anything that fell due while it was down.
 */
export function tick(now: number): { closedVotes: number } {
  let closedVotes = 0;
  for (const v of listDueVotes(now)) {
    if (closeVote(v.compoundId, v.id, null, now)) closedVotes++;
  }
  return { closedVotes };
}

export function startClock(intervalMs = 30_000): void {
  const run = () => {
    try {
      tick(Date.now());
    } catch (error) {
      console.error('[yishi] clock tick failed', error);
    }
  };
  run();
  setInterval(run, intervalMs).unref();
}
