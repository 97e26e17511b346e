import 'server-only';
import type { AuditAction } from '@/lib/audit/actions';
import { and, eq, sql } from 'drizzle-orm';
import { DAY_MS, REOPEN_DAYS, ratingOutcome, type TaskParty } from '@/lib/followthrough/rules';
import { CARRYING_OUT, TASK_OPEN, type TopicMove, type TopicStatus } from '@/lib/topics/lifecycle';
import { DECIDERS, PARTY_ROLES } from '@/lib/auth/roles';
import { roleIn } from '../roles';
import { moveTopic } from '../topics/move';
import { statusIn, statusIs } from '../topics/status';
import { voteStatusIs } from '../voting/status';
import { clockMove } from '@/lib/topics/lifecycle';
import { appendPendingAnchors } from '../audit/anchor-file';
import { getDb, type Tx, writeTransaction } from '../client';
import { decisions, escalations, objections, ratings, taskUpdates, tasks, topicPhotos, topics } from '../schema';
import { anchorChain } from '../audit/anchors';
import { appendAudit } from '../audit/append';
import { followersOf, notify } from '../notifications/notifications';

// ── Reading ──

export interface DecisionView {
  id: number;
  voteId: number | null;
  voteQuestion: string | null;
  body: string;
  minutes: string;
  party: TaskParty;
  companyId: number | null;
  companyName: string | null;
  deadlineAt: number;
  recordedAt: number;
  recorderName: string;
  publishedAt: number | null;
  noticeEndsAt: number | null;
}

export interface ObjectionView {
  id: number;
  decisionId: number;
  authorId: number;
  authorName: string;
  reason: string;
  createdAt: number;
  outcome: 'upheld' | 'dismissed' | null;
  answer: string | null;
  answererName: string | null;
  answeredAt: number | null;
}

export interface TaskView {
  id: number;
  party: TaskParty;
  companyId: number | null;
  companyName: string | null;
  deadlineAt: number;
  acceptedAt: number | null;
  acceptedByName: string | null;
  percent: number;
  doneAt: number | null;
  round: number;
  ratingEndsAt: number | null;
  overdueAt: number | null;
  closedAt: number | null;
  averageTenths: number | null;
}

export interface UpdateView {
  id: number;
  kind: 'accepted' | 'progress' | 'done';
  body: string;
  percent: number;
  createdAt: number;
  authorName: string;
  photoIds: number[];
}

export interface EscalationView {
  id: number;
  level: 'community' | 'street';
  reason: string;
  auto: boolean;
  raisedAt: number;
  raisedByName: string | null;
  state: 'open' | 'answered' | 'forwarded';
  answer: string | null;
  answeredAt: number | null;
  answererName: string | null;
}

export interface FollowThrough {
  decision: DecisionView | null;
  objections: ObjectionView[];
  task: TaskView | null;
  updates: UpdateView[];
  escalations: EscalationView[];
  ratings: { round: number; stars: number; comment: string }[];
  myStars: number | null;
}

/**
 * Everything the topic page shows about follow-through, in one statement (JSON built by SQLite),
 * so the page's query count does not grow with the number of updates, objections or ratings.
 */
export function getFollowThrough(topicId: number, readerId: number): FollowThrough {
  const row = getDb().get<Record<string, string | number | null>>(sql`
    select
      (select json_object('id', d.id, 'voteId', d.vote_id, 'voteQuestion', v.question, 'body', d.body,
              'minutes', d.minutes, 'party', d.party, 'companyId', d.company_id, 'companyName', pc.name,
              'deadlineAt', d.deadline_at, 'recordedAt', d.recorded_at, 'recorderName', p.name,
              'publishedAt', d.published_at, 'noticeEndsAt', d.notice_ends_at)
         from decisions d join people p on p.id = d.recorded_by
         left join votes v on v.id = d.vote_id
         left join property_companies pc on pc.id = d.company_id
        where d.topic_id = ${topicId} and d.withdrawn_at is null
        order by d.id desc limit 1) as decision,
      (select json_group_array(json_object('id', id, 'decisionId', decision_id, 'authorId', author_id,
              'authorName', authorName, 'reason', reason, 'createdAt', created_at, 'outcome', outcome,
              'answer', answer, 'answererName', answererName, 'answeredAt', answered_at))
         from (select o.*, a.name as authorName, b.name as answererName from objections o
                 join people a on a.id = o.author_id left join people b on b.id = o.answered_by
                where o.topic_id = ${topicId} order by o.id)) as objections,
      (select json_object('id', k.id, 'party', k.party, 'companyId', k.company_id, 'companyName', pc.name,
              'deadlineAt', k.deadline_at, 'acceptedAt', k.accepted_at, 'acceptedByName', p.name,
              'percent', k.percent, 'doneAt', k.done_at, 'round', k.round, 'ratingEndsAt', k.rating_ends_at,
              'overdueAt', k.overdue_at, 'closedAt', k.closed_at, 'averageTenths', k.average_tenths)
         from tasks k left join people p on p.id = k.accepted_by
         left join property_companies pc on pc.id = k.company_id
        where k.topic_id = ${topicId}) as task,
      (select json_group_array(json_object('id', id, 'kind', kind, 'body', body, 'percent', percent,
              'createdAt', created_at, 'authorName', authorName, 'photoIds', json(photoIds)))
         from (select u.*, p.name as authorName,
                      (select json_group_array(ph.id) from topic_photos ph where ph.update_id = u.id) as photoIds
                 from task_updates u join people p on p.id = u.author_id
                where u.topic_id = ${topicId} order by u.id)) as updates,
      (select json_group_array(json_object('id', id, 'level', level, 'reason', reason, 'auto', auto,
              'raisedAt', raised_at, 'raisedByName', raisedByName, 'state', state, 'answer', answer,
              'answeredAt', answered_at, 'answererName', answererName))
         from (select e.*, r.name as raisedByName, a.name as answererName from escalations e
                 left join people r on r.id = e.raised_by left join people a on a.id = e.answered_by
                where e.topic_id = ${topicId} order by e.id)) as escalations,
      (select json_group_array(json_object('round', round, 'stars', stars, 'comment', comment))
         from (select round, stars, comment from ratings where topic_id = ${topicId} order by round, created_at)) as ratings,
      (select stars from ratings r join tasks k on k.topic_id = r.topic_id and k.round = r.round
        where r.topic_id = ${topicId} and r.person_id = ${readerId}) as myStars`);
  const parse = <T>(v: string | number | null | undefined, empty: T): T =>
    typeof v === 'string' ? (JSON.parse(v) as T) : empty;
  const escalationRows = parse<(Omit<EscalationView, 'auto'> & { auto: number })[]>(row?.escalations, []);
  return {
    decision: parse<DecisionView | null>(row?.decision, null),
    objections: parse<ObjectionView[]>(row?.objections, []),
    task: parse<TaskView | null>(row?.task, null),
    updates: parse<UpdateView[]>(row?.updates, []),
    escalations: escalationRows.map((e) => ({ ...e, auto: Boolean(e.auto) })),
    ratings: parse<{ round: number; stars: number; comment: string }[]>(row?.ratings, []),
    myStars: typeof row?.myStars === 'number' ? row.myStars : null,
  };
}

/** The current decision's notice end and its unanswered objections, for rules and the clock. */
export function noticeState(topicId: number) {
  return getDb().get<{ decisionId: number; noticeEndsAt: number | null; openObjections: number }>(sql`
    select d.id as decisionId, d.notice_ends_at as noticeEndsAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as openObjections
      from decisions d where d.topic_id = ${topicId} and d.withdrawn_at is null order by d.id desc limit 1`);
}

export function hasOpenObjection(decisionId: number, personId: number): boolean {
  return Boolean(
    getDb().get(
      sql`select 1 from objections where decision_id = ${decisionId} and author_id = ${personId} and outcome is null`,
    ),
  );
}

export function findObjection(compoundId: number, objectionId: number) {
  return getDb()
    .select({
      id: objections.id,
      topicId: objections.topicId,
      decisionId: objections.decisionId,
      outcome: objections.outcome,
    })
    .from(objections)
    .where(and(eq(objections.id, objectionId), eq(objections.compoundId, compoundId)))
    .get();
}

export function findTask(topicId: number) {
  return getDb().select().from(tasks).where(eq(tasks.topicId, topicId)).get();
}

export function hasRated(topicId: number, round: number, personId: number): boolean {
  return Boolean(
    getDb().get(
      sql`select 1 from ratings where topic_id = ${topicId} and round = ${round} and person_id = ${personId}`,
    ),
  );
}

export function hasOpenEscalation(topicId: number): boolean {
  return Boolean(getDb().get(sql`select 1 from escalations where topic_id = ${topicId} and state = 'open'`));
}

export function findEscalation(escalationId: number) {
  return getDb().select().from(escalations).where(eq(escalations.id, escalationId)).get();
}

/** Closed votes of a topic a decision may rest on, newest first. */
export function closedVotesOfTopic(topicId: number) {
  return getDb().all<{ id: number; question: string }>(
    sql`select id, question from votes where topic_id = ${topicId} and ${voteStatusIs(sql`status`, 'closed')} order by id desc`,
  );
}

// ── Audiences ──

function decidersOf(tx: Tx, compoundId: number): number[] {
  return tx
    .all<{ id: number }>(sql`select person_id as id from memberships where scope_type = 'compound'
        and scope_id = ${compoundId} and ${roleIn(sql`role`, DECIDERS)}`)
    .map((r) => r.id);
}

/** The people who act for a task's party: the company's staff, the committee, the branch or the community's workers. */
function responsibleOf(tx: Tx, compoundId: number, party: TaskParty, companyId: number | null): number[] {
  const roles = roleIn(sql`m.role`, PARTY_ROLES[party]);
  const rows =
    party === 'property'
      ? tx.all<{ id: number }>(sql`select m.person_id as id from memberships m
          where ${roles} and m.scope_type = 'company' and m.scope_id = ${companyId ?? -1}`)
      : party === 'community'
        ? tx.all<{
            id: number;
          }>(sql`select m.person_id as id from memberships m join compounds c on c.id = ${compoundId}
            where ${roles} and m.scope_type = 'community' and m.scope_id = c.community_id`)
        : tx.all<{ id: number }>(sql`select m.person_id as id from memberships m
            where ${roles} and m.scope_type = 'compound' and m.scope_id = ${compoundId}`);
  return rows.map((r) => r.id);
}

function audit(
  tx: Tx,
  e: {
    compoundId: number;
    topicId: number;
    actorId: number | null;
    action: AuditAction;
    move?: TopicMove;
    reason?: string | null;
    data?: unknown;
  },
  now: number,
) {
  appendAudit(tx, {
    compoundId: e.compoundId,
    actorId: e.actorId,
    at: now,
    entity: 'topic',
    entityId: e.topicId,
    action: e.action,
    fromState: e.move?.from ?? null,
    toState: e.move?.to ?? null,
    reason: e.reason ?? null,
    data: e.data,
  });
}

// ── Step 5: decision and publication ──

export interface DecisionInput {
  compoundId: number;
  topicId: number;
  actorId: number;
  move: TopicMove;
  voteId: number | null;
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

/** A resident's objection; the secretary and chair are told. False if the notice period is over. */
export function lodgeObjection(
  o: { compoundId: number; topicId: number; decisionId: number; authorId: number; reason: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const open = tx.get(sql`select 1 from topics t join decisions d on d.id = ${o.decisionId}
      where t.id = ${o.topicId} and ${statusIs(sql`t.status`, 'publicised')} and d.topic_id = t.id and d.withdrawn_at is null
        and d.notice_ends_at > ${now}
        and not exists (select 1 from objections where decision_id = d.id and author_id = ${o.authorId} and outcome is null)`);
    if (!open) return false;
    tx.insert(objections)
      .values({ ...o, createdAt: now })
      .run();
    audit(
      tx,
      { compoundId: o.compoundId, topicId: o.topicId, actorId: o.authorId, action: 'object', reason: o.reason },
      now,
    );
    notify(
      tx,
      decidersOf(tx, o.compoundId),
      { compoundId: o.compoundId, kind: 'objection', actorId: o.authorId, topicId: o.topicId },
      now,
    );
    return true;
  });
}

/**
 * The secretary answers an objection. Upheld: the decision is withdrawn and the topic goes back
 * to deliberation. Dismissed: the reason is shown to all; if the notice period is over and this was
 * the last open objection, the decision moves on to carrying out at once.
 */
export function answerObjection(
  a: {
    compoundId: number;
    objectionId: number;
    actorId: number;
    outcome: 'upheld' | 'dismissed';
    answer: string;
    upholdMove: TopicMove;
  },
  now: number,
): 'done' | 'answered' | 'moved' {
  return writeTransaction((tx) => {
    const o = tx
      .select()
      .from(objections)
      .where(and(eq(objections.id, a.objectionId), eq(objections.compoundId, a.compoundId)))
      .get();
    if (!o || o.outcome !== null) return 'answered';
    const current = tx.get<{ id: number; noticeEndsAt: number }>(sql`select id, notice_ends_at as noticeEndsAt
      from decisions where topic_id = ${o.topicId} and withdrawn_at is null order by id desc limit 1`);
    if (!current || current.id !== o.decisionId) return 'moved';
    const base = { compoundId: a.compoundId, topicId: o.topicId, actorId: a.actorId };
    if (
      a.outcome === 'upheld' &&
      !moveTopic(tx, { ...base, move: a.upholdMove, reason: a.answer, data: { objectionId: o.id } }, now)
    ) {
      return 'moved';
    }
    tx.update(objections)
      .set({ outcome: a.outcome, answer: a.answer, answeredBy: a.actorId, answeredAt: now })
      .where(eq(objections.id, o.id))
      .run();
    if (a.outcome === 'upheld') {
      tx.update(decisions).set({ withdrawnAt: now }).where(eq(decisions.id, o.decisionId)).run();
    } else {
      audit(tx, { ...base, action: 'dismiss_objection', reason: a.answer, data: { objectionId: o.id } }, now);
      if (current.noticeEndsAt <= now) endNoticeIn(tx, a.compoundId, o.topicId, a.actorId, now);
    }
    notify(tx, [o.authorId], { ...base, kind: 'objection_answered', detail: a.outcome }, now);
    return 'done';
  });
}

/**
 * The notice period is over and every objection answered: the decision becomes a task for its
 * responsible party, who is told. Inside the caller's transaction; false if it was not due.
 */
function endNoticeIn(tx: Tx, compoundId: number, topicId: number, actorId: number | null, now: number): boolean {
  const move = clockMove('end_notice', 'publicised');
  if (!move) throw new Error('end_notice is missing from the lifecycle table');
  const d = tx.get<{ id: number; party: TaskParty; companyId: number | null; deadlineAt: number; open: number }>(sql`
    select d.id, d.party, d.company_id as companyId, d.deadline_at as deadlineAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as open
      from decisions d where d.topic_id = ${topicId} and d.withdrawn_at is null and d.notice_ends_at <= ${now}
     order by d.id desc limit 1`);
  if (!d || d.open > 0) return false;
  const also = responsibleOf(tx, compoundId, d.party, d.companyId);
  if (!moveTopic(tx, { compoundId, topicId, actorId, move, also }, now)) return false;
  tx.insert(tasks)
    .values({
      compoundId,
      topicId,
      decisionId: d.id,
      party: d.party,
      companyId: d.companyId,
      deadlineAt: d.deadlineAt,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: tasks.topicId,
      set: {
        decisionId: d.id,
        party: d.party,
        companyId: d.companyId,
        deadlineAt: d.deadlineAt,
        overdueAt: null,
        autoEscalatedAt: null,
      },
    })
    .run();
  return true;
}

// ── Step 6: carrying out ──

/** A small matter becomes a task of the serving company at once (inside the routing transaction). */
export function createSmallMatterTask(
  tx: Tx,
  t: { compoundId: number; topicId: number; companyId: number; deadlineAt: number },
  now: number,
) {
  tx.insert(tasks)
    .values({ ...t, party: 'property', createdAt: now })
    .onConflictDoNothing()
    .run();
}

export function acceptTask(
  a: { compoundId: number; topicId: number; taskId: number; actorId: number; move: TopicMove; note: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    if (!moveTopic(tx, { compoundId: a.compoundId, topicId: a.topicId, actorId: a.actorId, move: a.move }, now)) {
      return false;
    }
    tx.update(tasks).set({ acceptedAt: now, acceptedBy: a.actorId }).where(eq(tasks.id, a.taskId)).run();
    const percent = tx.get<{ p: number }>(sql`select percent as p from tasks where id = ${a.taskId}`)?.p ?? 0;
    tx.insert(taskUpdates)
      .values({
        compoundId: a.compoundId,
        topicId: a.topicId,
        taskId: a.taskId,
        authorId: a.actorId,
        kind: 'accepted',
        body: a.note,
        percent,
        createdAt: now,
      })
      .run();
    return true;
  });
}

export interface UpdateInput {
  compoundId: number;
  topicId: number;
  taskId: number;
  actorId: number;
  body: string;
  percent: number;
  photos: { file: string; mime: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: number }[];
}

/**
 * A progress update (text, photos, percent) while the task is in progress; or, with `done`, the
 * completion with its evidence, which opens the rating period. False if the task moved meanwhile.
 */
export function postUpdate(u: UpdateInput, done: { move: TopicMove; ratingDays: number } | null, now: number): boolean {
  return writeTransaction((tx) => {
    const base = { compoundId: u.compoundId, topicId: u.topicId, actorId: u.actorId };
    const data = { percent: done ? 100 : u.percent, photos: u.photos.length };
    if (done) {
      if (!moveTopic(tx, { ...base, move: done.move, data }, now)) return false;
      tx.update(tasks)
        .set({ percent: 100, doneAt: now, ratingEndsAt: now + done.ratingDays * DAY_MS })
        .where(eq(tasks.id, u.taskId))
        .run();
    } else {
      const res = tx.run(sql`update tasks set percent = ${u.percent} where id = ${u.taskId}
        and exists (select 1 from topics where id = ${u.topicId} and ${statusIs(sql`status`, 'in_progress')})`);
      if (res.changes === 0) return false;
      tx.update(topics).set({ activityAt: now }).where(eq(topics.id, u.topicId)).run();
    }
    const updateId = tx
      .insert(taskUpdates)
      .values({
        compoundId: u.compoundId,
        topicId: u.topicId,
        taskId: u.taskId,
        authorId: u.actorId,
        kind: done ? 'done' : 'progress',
        body: u.body,
        percent: done ? 100 : u.percent,
        createdAt: now,
      })
      .returning({ id: taskUpdates.id })
      .get().id;
    for (const p of u.photos) {
      tx.insert(topicPhotos)
        .values({ topicId: u.topicId, compoundId: u.compoundId, updateId, ...p, createdAt: now })
        .run();
    }
    if (!done) audit(tx, { ...base, action: 'progress', data }, now);
    return true;
  });
}

// ── Step 7: rating ──

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

// ── Escalation ──

export function escalate(
  e: { compoundId: number; topicId: number; actorId: number | null; reason: string; auto: boolean },
  now: number,
): boolean {
  return writeTransaction((tx) => escalateIn(tx, e, now));
}

function escalateIn(
  tx: Tx,
  e: { compoundId: number; topicId: number; actorId: number | null; reason: string; auto: boolean },
  now: number,
): boolean {
  if (tx.get(sql`select 1 from escalations where topic_id = ${e.topicId} and state = 'open'`)) return false;
  const place = tx.get<{ communityId: number; streetId: number }>(sql`select c.community_id as communityId,
      m.street_id as streetId from compounds c join communities m on m.id = c.community_id where c.id = ${e.compoundId}`);
  if (!place) return false;
  tx.insert(escalations)
    .values({
      compoundId: e.compoundId,
      topicId: e.topicId,
      level: 'community',
      communityId: place.communityId,
      streetId: place.streetId,
      reason: e.reason,
      auto: e.auto,
      raisedBy: e.actorId,
      raisedAt: now,
    })
    .run();
  if (e.auto) tx.update(tasks).set({ autoEscalatedAt: now }).where(eq(tasks.topicId, e.topicId)).run();
  audit(
    tx,
    {
      compoundId: e.compoundId,
      topicId: e.topicId,
      actorId: e.actorId,
      action: e.auto ? 'auto_escalate' : 'escalate',
      // An automatic escalation's reason is its number of days, shown translated.
      reason: e.auto ? null : e.reason,
      data: e.auto ? { level: 'community', days: Number(e.reason) } : { level: 'community' },
    },
    now,
  );
  const workers = tx.all<{ id: number }>(sql`select person_id as id from memberships
    where role = 'community_worker' and scope_type = 'community' and scope_id = ${place.communityId}`);
  notify(
    tx,
    workers.map((w) => w.id),
    { compoundId: e.compoundId, kind: 'escalation', actorId: e.actorId, topicId: e.topicId, detail: 'community' },
    now,
  );
  return true;
}

/**
 * The community or street answers (the answer goes back down to the compound: followers, the
 * secretary and the chair are told), or the community forwards it to its street with a reason.
 */
export function settleEscalation(
  s: { escalationId: number; actorId: number; kind: 'answer' | 'forward'; text: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const e = tx.select().from(escalations).where(eq(escalations.id, s.escalationId)).get();
    if (!e) return false;
    const res = tx
      .update(escalations)
      .set({
        state: s.kind === 'answer' ? 'answered' : 'forwarded',
        answer: s.text,
        answeredBy: s.actorId,
        answeredAt: now,
      })
      .where(and(eq(escalations.id, e.id), eq(escalations.state, 'open')))
      .run();
    if (res.changes === 0) return false;
    const base = { compoundId: e.compoundId, topicId: e.topicId, actorId: s.actorId };
    const waited = now - e.raisedAt;
    if (s.kind === 'answer') {
      audit(
        tx,
        { ...base, action: 'answer_escalation', reason: s.text, data: { level: e.level, waitedMs: waited } },
        now,
      );
      tx.update(topics).set({ activityAt: now }).where(eq(topics.id, e.topicId)).run();
      notify(
        tx,
        [...followersOf(tx, e.topicId), ...decidersOf(tx, e.compoundId)],
        { ...base, kind: 'escalation_answered', detail: e.level },
        now,
      );
    } else {
      tx.insert(escalations)
        .values({
          compoundId: e.compoundId,
          topicId: e.topicId,
          level: 'street',
          communityId: e.communityId,
          streetId: e.streetId,
          reason: s.text,
          auto: false,
          raisedBy: s.actorId,
          raisedAt: now,
        })
        .run();
      audit(
        tx,
        { ...base, action: 'forward_escalation', reason: s.text, data: { level: 'street', waitedMs: waited } },
        now,
      );
      const staff = tx.all<{ id: number }>(sql`select person_id as id from memberships
        where role = 'street_staff' and scope_type = 'street' and scope_id = ${e.streetId}`);
      notify(
        tx,
        staff.map((m) => m.id),
        { ...base, kind: 'escalation', detail: 'street' },
        now,
      );
    }
    return true;
  });
}

/** Escalations waiting at (or recently answered by) the actor's communities and streets, oldest waiting first. */
export function escalationQueue(communityIds: readonly number[], streetIds: readonly number[]) {
  const list = (ids: readonly number[]) =>
    ids.length
      ? sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
  return getDb().all<{
    id: number;
    level: 'community' | 'street';
    state: 'open' | 'answered' | 'forwarded';
    reason: string;
    auto: number;
    raisedAt: number;
    answer: string | null;
    answeredAt: number | null;
    compoundId: number;
    compoundName: string;
    topicId: number;
    topicTitle: string;
    topicStatus: string;
    communityName: string;
  }>(sql`
    select e.id, e.level, e.state, e.reason, e.auto, e.raised_at as raisedAt, e.answer, e.answered_at as answeredAt,
           e.compound_id as compoundId, c.name as compoundName, e.topic_id as topicId, t.title as topicTitle,
           t.status as topicStatus, m.name as communityName
      from escalations e join compounds c on c.id = e.compound_id join topics t on t.id = e.topic_id
      join communities m on m.id = e.community_id
     where (e.level = 'community' and e.community_id in (${list(communityIds)}))
        or (e.level = 'street' and e.street_id in (${list(streetIds)}))
     order by case e.state when 'open' then 0 else 1 end, case when e.state = 'open' then e.raised_at else -coalesce(e.answered_at, 0) end
     limit 200`);
}

export const TASK_LIST_LIMIT = 50;

/** Open tasks of these companies, and how many are late (the list shows the first TASK_LIST_LIMIT). */
export function countCompanyTasks(companyIds: readonly number[], now: number): { total: number; overdue: number } {
  if (companyIds.length === 0) return { total: 0, overdue: 0 };
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return (
    getDb().get<{ total: number; overdue: number }>(sql`select count(*) as total,
        coalesce(sum(${statusIn(sql`t.status`, CARRYING_OUT)} and (k.deadline_at < ${now} or k.overdue_at is not null)), 0) as overdue
      from tasks k join topics t on t.id = k.topic_id
      where k.company_id in (${ids}) and ${statusIn(sql`t.status`, TASK_OPEN)}`) ?? {
      total: 0,
      overdue: 0,
    }
  );
}

/** The property company's worklist: every task of the compounds it serves, overdue first, then by deadline. */
export function companyTasks(companyIds: readonly number[], now: number, page = 1) {
  if (companyIds.length === 0) return [];
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return getDb().all<{
    topicId: number;
    compoundId: number;
    compoundName: string;
    title: string;
    status: TopicStatus;
    deadlineAt: number;
    overdueAt: number | null;
    percent: number;
    decisionId: number | null;
    companyName: string | null;
  }>(sql`
    select k.topic_id as topicId, k.compound_id as compoundId, c.name as compoundName, t.title, t.status,
           k.deadline_at as deadlineAt, k.overdue_at as overdueAt, k.percent, k.decision_id as decisionId, pc.name as companyName
      from tasks k join topics t on t.id = k.topic_id join compounds c on c.id = k.compound_id
      left join property_companies pc on pc.id = k.company_id
     where k.company_id in (${ids}) and ${statusIn(sql`t.status`, TASK_OPEN)}
     order by case when ${statusIn(sql`t.status`, CARRYING_OUT)} and (k.deadline_at < ${now} or k.overdue_at is not null) then 0 else 1 end, k.deadline_at, k.id
     limit ${TASK_LIST_LIMIT} offset ${(Math.max(1, page) - 1) * TASK_LIST_LIMIT}`);
}

// ── The clock ──

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

// ── Records out ──

/** A compound's topics raised in [from, to) with their decision and follow-through, for CSV export. */
export function exportRows(compoundId: number, from: number, to: number) {
  return getDb().all<{
    id: number;
    title: string;
    category: string;
    status: TopicStatus;
    createdAt: number;
    authorName: string;
    decision: string | null;
    party: string | null;
    deadlineAt: number | null;
    percent: number | null;
    doneAt: number | null;
    averageTenths: number | null;
    escalations: number;
  }>(sql`
    select t.id, t.title, t.category, t.status, t.created_at as createdAt, p.name as authorName,
           d.body as decision, coalesce(k.party, d.party) as party, coalesce(k.deadline_at, d.deadline_at) as deadlineAt,
           k.percent, k.done_at as doneAt, k.average_tenths as averageTenths,
           (select count(*) from escalations e where e.topic_id = t.id) as escalations
      from topics t join people p on p.id = t.author_id
      left join tasks k on k.topic_id = t.id
      left join decisions d on d.id = (select max(id) from decisions where topic_id = t.id and withdrawn_at is null)
     where t.compound_id = ${compoundId} and t.created_at >= ${from} and t.created_at < ${to}
     order by t.id
     limit 50000`);
}
