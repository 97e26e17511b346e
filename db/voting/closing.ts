import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';

/** A day before a vote closes, those who may still vote and have not are told (once per vote). */
export const CLOSING_NOTICE_MS = 24 * 3_600_000;

/** Open votes closing within a day whose voters have not been told yet. */
export function listVotesClosingSoon(now: number) {
  return getDb().all<{ id: number; compoundId: number }>(sql`
    select id, compound_id as compoundId from votes
     where status = 'open' and closing_notice_at is null and starts_at <= ${now}
       and ends_at > ${now} and ends_at <= ${now + CLOSING_NOTICE_MS}`);
}

/**
 * Tells everyone who may cast a ballot online and has none yet that the vote closes within a day.
 * Compare-and-set on the vote's marker, so two clocks never tell anyone twice. The number told.
 */
export function noticeVoteClosing(compoundId: number, voteId: number, now: number): number {
  return writeTransaction((tx) => {
    const marked = tx.run(sql`update votes set closing_notice_at = ${now}
        where id = ${voteId} and compound_id = ${compoundId} and closing_notice_at is null and status = 'open'`);
    if (marked.changes === 0) return 0;
    const vote = tx.get<{ topicId: number }>(sql`select topic_id as topicId from votes where id = ${voteId}`);
    const waiting = tx
      .all<{ id: number }>(sql`select distinct w.person_id as id from vote_voters w
          where w.vote_id = ${voteId} and w.person_id is not null
            and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)`)
      .map((r) => r.id);
    notify(tx, waiting, { compoundId, kind: 'vote_closing', actorId: null, topicId: vote?.topicId, voteId }, now);
    return waiting.length;
  });
}
