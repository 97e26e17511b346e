import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { VoteStatus } from '@/lib/voting/lifecycle';

/**
 * A vote status in hand-written SQL, checked by the compiler: `voteStatusIs(sql\`v.status\`, 'closed')`.
 * Statuses are VOTE_STATUSES in lib/voting/lifecycle.ts (as db/topics/status.ts does for topics).
 */
export function voteStatusIs(column: SQLWrapper, status: VoteStatus): SQL {
  return sql`${column} = ${status}`;
}

/** One of several vote statuses in hand-written SQL, e.g. VOTE_PENDING (announced or open). */
export function voteStatusIn(column: SQLWrapper, statuses: readonly VoteStatus[]): SQL {
  return sql`${column} in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}
