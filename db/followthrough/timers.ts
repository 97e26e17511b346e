import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { DAY_MS, REOPEN_DAYS, ratingOutcome, type TaskParty } from '@/lib/followthrough/rules';
import { CARRYING_OUT, clockMove, type TopicStatus } from '@/lib/topics/lifecycle';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { tasks } from '../schema';
import { moveTopic } from '../topics/move';
import { statusIn, statusIs } from '../topics/status';
import { decidersOf, responsibleOf } from './audiences';
import { audit } from './audit';
import { escalateIn } from './escalations';
import { endNoticeIn } from './tasks';

// The clock's side of follow-through (server/clock.ts asks lib/followthrough/rules.ts dueMoves which to make).

export interface DueTopic {
  topicId: number;
  compoundId: number;
  status: TopicStatus;
  noticeEndsAt: number | null;
  openObjections: number;
  deadlineAt: number | null;
  overdueAt: number | null;
  autoEscalatedAt: number | null;
  hasOpenEscalation: number;
  escalateAfterDays: number;
  ratingEndsAt: number | null;
}

/**
 * Topics with a timer that may have run out: a notice period, a deadline (overdue, automatic
 * escalation) or a rating period. Uses the deadline and notice indexes, not a scan of all topics.
 * `onlyTopic` limits it to one topic (npm run clock -- --topic N).
 */
export function listDueTimers(now: number, onlyTopic: number | null = null): DueTopic[] {
  const only = onlyTopic === null ? sql`1` : sql`t.id = ${onlyTopic}`;
  return getDb().all<DueTopic>(sql`
    select t.id as topicId, t.compound_id as compoundId, t.status,
           d.notice_ends_at as noticeEndsAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as openObjections,
           k.deadline_at as deadlineAt, k.overdue_at as overdueAt, k.auto_escalated_at as autoEscalatedAt,
           exists(select 1 from escalations e where e.topic_id = t.id and e.state = 'open') as hasOpenEscalation,
           c.escalate_after_days as escalateAfterDays, k.rating_ends_at as ratingEndsAt
      from topics t join compounds c on c.id = t.compound_id
      left join tasks k on k.topic_id = t.id
      left join decisions d on d.id = (select max(id) from decisions where topic_id = t.id and withdrawn_at is null)
     where ${only} and t.id in (
        select x.topic_id from decisions x join topics p on p.id = x.topic_id and ${statusIs(sql`p.status`, 'publicised')}
         where x.notice_ends_at <= ${now} and x.withdrawn_at is null
        union select topic_id from tasks where deadline_at < ${now} and closed_at is null and done_at is null
           and (overdue_at is null or auto_escalated_at is null)
        union select topic_id from tasks where rating_ends_at <= ${now} and closed_at is null)`);
}

export function endNotice(compoundId: number, topicId: number, now: number): boolean {
  return writeTransaction((tx) => endNoticeIn(tx, compoundId, topicId, null, now));
}

export function markOverdue(compoundId: number, topicId: number, now: number): boolean {
  return writeTransaction((tx) => {
    const k = tx.get<{ id: number; party: TaskParty; companyId: number | null; deadlineAt: number }>(sql`
      select k.id, k.party, k.company_id as companyId, k.deadline_at as deadlineAt from tasks k join topics t on t.id = k.topic_id
       where k.topic_id = ${topicId} and k.overdue_at is null and k.deadline_at < ${now}
         and ${statusIn(sql`t.status`, CARRYING_OUT)}`);
    if (!k) return false;
    tx.update(tasks).set({ overdueAt: now }).where(eq(tasks.id, k.id)).run();
    audit(tx, { compoundId, topicId, actorId: null, action: 'overdue', data: { deadlineAt: k.deadlineAt } }, now);
    notify(
      tx,
      [...responsibleOf(tx, compoundId, k.party, k.companyId), ...decidersOf(tx, compoundId)],
      { compoundId, kind: 'overdue', actorId: null, topicId },
      now,
    );
    return true;
  });
}

export function autoEscalate(compoundId: number, topicId: number, days: number, now: number): boolean {
  return writeTransaction((tx) =>
    escalateIn(tx, { compoundId, topicId, actorId: null, reason: String(days), auto: true }, now),
  );
}

/**
 * The rating period is over: close with the average, or — when at least half of the ratings are
 * 1–2 stars — send it back to carrying out with a new deadline, telling the responsible party why.
 */
export function endRating(compoundId: number, topicId: number, now: number): 'closed' | 'reopened' | null {
  return writeTransaction((tx) => {
    const k = tx.get<{ id: number; round: number; party: TaskParty; companyId: number | null }>(sql`
      select k.id, k.round, k.party, k.company_id as companyId from tasks k join topics t on t.id = k.topic_id
       where k.topic_id = ${topicId} and ${statusIs(sql`t.status`, 'rating')} and k.rating_ends_at <= ${now}`);
    if (!k) return null;
    const stars = tx
      .all<{ stars: number }>(sql`select stars from ratings where topic_id = ${topicId} and round = ${k.round}`)
      .map((r) => r.stars);
    const result = ratingOutcome(stars);
    const move = clockMove(result.outcome === 'close' ? 'close_rating' : 'reopen_task', 'rating');
    if (!move) return null;
    const data = { round: k.round, count: result.count, poor: result.poor, average: result.average };
    const base = { compoundId, topicId, actorId: null, move, data };
    if (result.outcome === 'close') {
      if (!moveTopic(tx, base, now)) return null;
      const tenths = result.average === null ? null : Number(result.average.replace('.', ''));
      tx.update(tasks).set({ closedAt: now, averageTenths: tenths }).where(eq(tasks.id, k.id)).run();
      return 'closed';
    }
    // Sent back: the responsible party and the followers are told why (how many rated it poorly).
    const reopened = moveTopic(
      tx,
      {
        ...base,
        also: responsibleOf(tx, compoundId, k.party, k.companyId),
        tell: { kind: 'reopened', detail: `${result.poor}/${result.count}` },
      },
      now,
    );
    if (!reopened) return null;
    tx.update(tasks)
      .set({
        round: k.round + 1,
        deadlineAt: now + REOPEN_DAYS * DAY_MS,
        doneAt: null,
        ratingEndsAt: null,
        overdueAt: null,
        autoEscalatedAt: null,
      })
      .where(eq(tasks.id, k.id))
      .run();
    return 'reopened';
  });
}
