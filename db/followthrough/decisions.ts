import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { DAY_MS, type TaskParty } from '@/lib/followthrough/rules';
import type { TopicMove } from '@/lib/topics/lifecycle';
import { appendPendingAnchors } from '../audit/anchor-file';
import { anchorChain } from '../audit/anchors';
import { getDb, writeTransaction } from '../client';
import { decisions } from '../schema';
import { moveTopic } from '../topics/move';
import { voteStatusIs } from '../voting/status';

// Step 5: the decision is recorded (and revised while a draft), then published for objections.

/** Closed votes of a topic a decision may rest on, newest first, with their stored results. */
export function closedVotesOfTopic(topicId: number) {
  return getDb().all<{
    id: number;
    question: string;
    kind: 'consultation' | 'council' | 'owners';
    result: string | null;
  }>(
    sql`select id, question, kind, result from votes
         where topic_id = ${topicId} and ${voteStatusIs(sql`status`, 'closed')} order by id desc`,
  );
}

export interface DecisionInput {
  compoundId: number;
  topicId: number;
  actorId: number;
  move: TopicMove;
  voteId: number | null;
  /** Copied from the owners' decision the decision rests on (lib/followthrough/decision-basis.ts). */
  voteVerdict: 'passed' | null;
  body: string;
  minutes: string;
  party: TaskParty;
  companyId: number | null;
  deadlineAt: number;
}

/** Records the decision, or revises it while it is not yet published. */
export function recordDecision(d: DecisionInput, now: number): boolean {
  return writeTransaction((tx) => {
    const revising = d.move.from === 'decided';
    // A draft is seen by the deciders only, until it is published: nobody is told of it yet.
    const moved = moveTopic(
      tx,
      {
        compoundId: d.compoundId,
        topicId: d.topicId,
        actorId: d.actorId,
        move: d.move,
        action: revising ? 'revise_decision' : 'record_decision',
        data: { voteId: d.voteId, party: d.party, companyId: d.companyId, deadlineAt: d.deadlineAt },
        quiet: true,
      },
      now,
    );
    if (!moved) return false;
    const fields = {
      voteId: d.voteId,
      voteVerdict: d.voteVerdict,
      body: d.body,
      minutes: d.minutes,
      party: d.party,
      companyId: d.companyId,
      deadlineAt: d.deadlineAt,
      recordedBy: d.actorId,
      recordedAt: now,
    };
    const draft = revising
      ? tx.get<{ id: number }>(sql`select id from decisions where topic_id = ${d.topicId}
            and withdrawn_at is null and published_at is null order by id desc limit 1`)
      : undefined;
    if (draft) tx.update(decisions).set(fields).where(eq(decisions.id, draft.id)).run();
    else
      tx.insert(decisions)
        .values({ compoundId: d.compoundId, topicId: d.topicId, ...fields })
        .run();
    return true;
  });
}

/** Publishes the decision for the compound's notice period; followers are told. */
export function publishDecision(
  c: { compoundId: number; topicId: number; actorId: number; move: TopicMove; noticeDays: number },
  now: number,
): boolean {
  const published = writeTransaction((tx) => {
    const noticeEndsAt = now + c.noticeDays * DAY_MS;
    if (!moveTopic(tx, { ...c, data: { noticeEndsAt } }, now)) return false;
    tx.run(sql`update decisions set published_at = ${now}, notice_ends_at = ${noticeEndsAt}
                where id = (select id from decisions where topic_id = ${c.topicId} and withdrawn_at is null
                            order by id desc limit 1)`);
    // The decision goes on the notice board with the chain's head that records it.
    anchorChain(tx, c.compoundId, 'decision_published', now);
    return true;
  });
  if (published) appendPendingAnchors();
  return published;
}

/**
 * Records that an owners' decision of the topic did not pass, copying the stored verdict into the
 * record, and sends the topic back to deliberation (the lifecycle's record_not_passed move). No decision
 * is made: nothing is published as decided and nothing is handed over to be carried out.
 */
export function recordNotPassed(
  r: { compoundId: number; topicId: number; actorId: number; move: TopicMove; voteId: number; note: string },
  now: number,
): boolean {
  return writeTransaction((tx) =>
    moveTopic(
      tx,
      {
        compoundId: r.compoundId,
        topicId: r.topicId,
        actorId: r.actorId,
        move: r.move,
        reason: r.note || null,
        data: { voteId: r.voteId, verdict: 'failed' },
      },
      now,
    ),
  );
}
