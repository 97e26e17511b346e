import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { TopicStatus } from '@/lib/topics/lifecycle';

/**
 * A topic status in hand-written SQL, checked by the compiler: `status(sql\`t.status\`, 'rating')`.
 * Statuses are TOPIC_STATUSES in lib/topics/lifecycle.ts; a new one shows up at every use.
 */
export function statusIs(column: SQLWrapper, status: TopicStatus): SQL {
  return sql`${column} = ${status}`;
}

/** One of a named group of statuses from lib/topics/lifecycle.ts (never a list spelt out here). */
export function statusIn(column: SQLWrapper, statuses: readonly TopicStatus[]): SQL {
  return sql`${column} in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}
