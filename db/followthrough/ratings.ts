import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, writeTransaction } from '../client';
import { ratings } from '../schema';
import { statusIs } from '../topics/status';
import { audit } from './audit';

// Step 7: residents rate the work, once per round, while the rating period lasts (the clock ends it: timers.ts).

export function hasRated(topicId: number, round: number, personId: number): boolean {
  return Boolean(
    getDb().get(
      sql`select 1 from ratings where topic_id = ${topicId} and round = ${round} and person_id = ${personId}`,
    ),
  );
}

export function rateTask(
  r: { compoundId: number; topicId: number; personId: number; stars: number; comment: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const k = tx.get<{ round: number }>(sql`select k.round from tasks k join topics t on t.id = k.topic_id
      where k.topic_id = ${r.topicId} and ${statusIs(sql`t.status`, 'rating')} and k.rating_ends_at > ${now}`);
    if (!k) return false;
    const res = tx
      .insert(ratings)
      .values({ ...r, round: k.round, createdAt: now })
      .onConflictDoNothing()
      .run();
    if (res.changes === 0) return false;
    audit(
      tx,
      {
        compoundId: r.compoundId,
        topicId: r.topicId,
        actorId: r.personId,
        action: 'rate',
        data: { stars: r.stars, round: k.round },
      },
      now,
    );
    return true;
  });
}
