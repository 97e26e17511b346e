/**
 * My work (待办) for every role, on the objects tests/action-fixtures.ts builds in 合和大院: what
 * each person finds waiting, that the badge counts exactly the list (one statement), that doing the
 * thing through its own action takes it off the list, and that nothing of another compound shows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkKind } from '@/lib/work/kinds';
import { actAs, currentActor, form, one, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const fx = await import('./action-fixtures');
const { myWork, myWorkCount } = await import('@/server/work/my-work');
const reminders = await import('@/app/c/[compoundId]/reminders/actions');
const { markTopicRead } = await import('@/db/notifications/notifications');
const { markOverdue } = await import('@/db/followthrough/timers');
type Fixture = import('./action-fixtures').Fixture;

const WHO = {
  secretary: '13800000001',
  chair: '13800000002',
  member: '13800000003',
  owner: '13800000004',
  tenant: '13800000007',
  property: '13800000009',
  grid: '13800000010',
  community: '13800000011',
  street: '13800000012',
  otherSecretary: '13800000018',
} as const;

let own: Fixture;
let other: Fixture;

/** What waits for this person now, as [kind, object id] pairs; and the badge must count the same. */
function workOf(mobile: string): [WorkKind, number][] {
  actAs(personId(mobile));
  const actor = currentActor();
  if (!actor) throw new Error('no actor');
  const now = Date.now();
  const rows = myWork(actor, now);
  expect(myWorkCount(actor, now), `badge of ${mobile}`).toBe(rows.length);
  return rows.map((r) => [r.kind, r.objectId]);
}

function kindsOf(mobile: string): WorkKind[] {
  return [...new Set(workOf(mobile).map(([k]) => k))].sort();
}

beforeAll(async () => {
  setupDatabase();
  own = await fx.build('合和大院', { secretary: WHO.secretary });
  other = await fx.build('亿泰庄园', { secretary: WHO.otherSecretary });
}, 120_000);
afterAll(() => teardownDatabase());

describe('My work, by role', () => {
  it('the branch secretary: topics to review, decisions to record and publish, objections to answer', () => {
    const work = workOf(WHO.secretary);
    expect(work).toContainEqual(['review_topic', own.raised]);
    expect(work).toContainEqual(['publish_decision', own.decided]);
    expect(work).toContainEqual(['answer_objection', own.objectionId]);
    expect(work).toContainEqual([
      'record_decision',
      one<{ id: number }>(sql`select topic_id as id from votes where id = ${own.closed}`).id,
    ]);
    // Nothing of 亿泰庄园, whose topics are in the same states.
    expect(work).not.toContainEqual(['review_topic', other.raised]);
    expect(work.filter(([k]) => k === 'review_topic')).toEqual([['review_topic', own.raised]]);
  });

  it('a meeting that has begun without minutes waits for the secretary', () => {
    expect(workOf(WHO.secretary)).not.toContainEqual(['record_minutes', own.meetingId]);
    one(sql`update meetings set starts_at = ${Date.now() - 3_600_000} where id = ${own.meetingId} returning id`);
    expect(workOf(WHO.secretary)).toContainEqual(['record_minutes', own.meetingId]);
    // The chair does not convene meetings.
    expect(workOf(WHO.chair)).not.toContainEqual(['record_minutes', own.meetingId]);
  });

  it('the committee: a paper ballot a colleague entered waits for a second member', () => {
    expect(workOf(WHO.chair)).toContainEqual(['confirm_paper', own.owners]);
    expect(workOf(WHO.member)).toContainEqual(['confirm_paper', own.owners]);
    expect(kindsOf(WHO.owner)).not.toContain('confirm_paper');
  });

  it('property staff: a task assigned to their company, not another company’s', () => {
    expect(workOf(WHO.property)).toContainEqual(['accept_task', own.assigned]);
    expect(workOf(WHO.property)).not.toContainEqual(['accept_task', other.assigned]);
    expect(kindsOf(WHO.property)).toEqual(['accept_task']);
  });

  it('property staff: a task the clock marked overdue, even before the deadline by this clock', () => {
    expect(workOf(WHO.property)).not.toContainEqual(['overdue_task', own.inProgress]);
    // The clock ran as if 40 days had passed (npm run clock -- --advance-days 40): the record says late.
    expect(markOverdue(own.compoundId, own.inProgress, Date.now() + 40 * 86_400_000)).toBe(true);
    expect(workOf(WHO.property)).toContainEqual(['overdue_task', own.inProgress]);
  });

  it('the grid worker: an open consultation with households to remind', () => {
    const grid = workOf(WHO.grid);
    expect(grid).toContainEqual(['remind_voters', own.consultation]);
    expect(grid).toContainEqual(['remind_voters', own.owners]);
  });

  it('community staff: the escalation waiting at their community; street staff: nothing yet', () => {
    expect(workOf(WHO.community)).toEqual([['answer_escalation', own.escalationId]]);
    expect(workOf(WHO.street)).toEqual([]);
  });

  it('a resident: a vote open to them, a task to rate, a decision they may object to', () => {
    const work = workOf(WHO.owner);
    expect(work).toContainEqual(['cast_vote', own.consultation]);
    expect(work).toContainEqual(['cast_vote', own.owners]);
    expect(work).toContainEqual(['rate_task', own.rating]);
    expect(work).toContainEqual(['may_object', own.publicised]);
    // A tenant votes in consultations but holds no unit for an owners' decision.
    expect(workOf(WHO.tenant)).not.toContainEqual(['cast_vote', own.owners]);
    expect(workOf(WHO.tenant)).toContainEqual(['cast_vote', own.consultation]);
  });
});

describe('done from My work, it leaves My work', () => {
  it('publishing the decision', async () => {
    actAs(personId(WHO.secretary));
    await fx.follow.publishDecisionAction(own.compoundId, null, form({ topicId: own.decided }));
    expect(workOf(WHO.secretary)).not.toContainEqual(['publish_decision', own.decided]);
  });

  it('answering the objection', async () => {
    actAs(personId(WHO.chair));
    const r = await fx.follow.answerObjectionAction(
      own.compoundId,
      null,
      form({ objectionId: own.objectionId, outcome: 'dismissed', answer: '收费标准已公示。' }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(workOf(WHO.secretary)).not.toContainEqual(['answer_objection', own.objectionId]);
    expect(workOf(WHO.chair)).not.toContainEqual(['answer_objection', own.objectionId]);
  });

  it('confirming the paper ballot', async () => {
    actAs(personId(WHO.chair));
    const r = await fx.votes.confirmPaperAction(
      own.compoundId,
      null,
      form({ voteId: own.owners, voterKey: own.paperHolderKey }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(workOf(WHO.chair)).not.toContainEqual(['confirm_paper', own.owners]);
    expect(workOf(WHO.member)).not.toContainEqual(['confirm_paper', own.owners]);
  });

  it('accepting the task', async () => {
    actAs(personId(WHO.property));
    await fx.follow.acceptTaskAction(own.compoundId, null, form({ topicId: own.assigned }));
    expect(workOf(WHO.property)).not.toContainEqual(['accept_task', own.assigned]);
  });

  it('voting, rating and objecting', async () => {
    const me = personId(WHO.owner);
    actAs(me);
    await fx.votes.castBallotAction(
      own.compoundId,
      null,
      form({ voteId: own.consultation, voterKey: `p:${me}`, choice: 'agree' }),
    );
    await fx.follow.rateAction(own.compoundId, null, form({ topicId: own.rating, stars: 5 }));
    const before = workOf(WHO.owner);
    expect(before).not.toContainEqual(['cast_vote', own.consultation]);
    expect(before).not.toContainEqual(['rate_task', own.rating]);
    actAs(me);
    await fx.follow.objectAction(own.compoundId, null, form({ topicId: own.publicised, reason: '应先公示报价。' }));
    expect(workOf(WHO.owner)).not.toContainEqual(['may_object', own.publicised]);
  });

  it('answering the escalation', async () => {
    actAs(personId(WHO.community));
    const r = await fx.escalations.settleEscalationAction(
      null,
      form({ escalationId: own.escalationId, kind: 'answer', text: '已协调城管。' }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(workOf(WHO.community)).toEqual([]);
  });

  it('reminding every household of a vote, one building at a time', async () => {
    const all = one<{ keys: string }>(sql`select group_concat(voter_key) as keys from vote_voters w
        where vote_id = ${own.consultation}
          and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)`).keys.split(
      ',',
    );
    actAs(personId(WHO.grid));
    const first = await reminders.markRemindedAction(
      own.compoundId,
      null,
      form({ voteId: own.consultation, voterKeys: all.slice(0, 3) }),
    );
    expect(first).toMatchObject({ ok: true });
    const row = () => {
      actAs(personId(WHO.grid));
      const actor = currentActor();
      return actor
        ? myWork(actor, Date.now()).find((r) => r.kind === 'remind_voters' && r.objectId === own.consultation)
        : undefined;
    };
    expect(row()?.count).toBe(all.length - 3);
    await reminders.markRemindedAction(own.compoundId, null, form({ voteId: own.consultation, voterKeys: all }));
    expect(row()).toBeUndefined();
  });

  it('reading a reply on the topic', async () => {
    const author = personId(WHO.owner);
    actAs(author);
    await fx.topic.commentAction(own.compoundId, null, form({ topicId: own.deliberating, body: '我同意增加车位。' }));
    const parent = one<{ id: number }>(sql`select max(id) as id from comments where topic_id = ${own.deliberating}`).id;
    actAs(personId(WHO.tenant));
    await fx.topic.commentAction(
      own.compoundId,
      null,
      form({ topicId: own.deliberating, parentId: parent, body: '同意，可以用空地。' }),
    );
    const replies = () => workOf(WHO.owner).filter(([k]) => k === 'read_reply');
    expect(replies()).toHaveLength(1);
    markTopicRead(author, own.deliberating, Date.now());
    expect(replies()).toHaveLength(0);
  });
});

describe('who hears of work waiting', () => {
  it('the reviewers are told when a topic is raised', async () => {
    actAs(personId(WHO.owner));
    const r = await fx.topics.raiseTopicAction(
      own.compoundId,
      null,
      form({ title: '新议题：车棚漏雨', description: '车棚漏雨。', category: 'repairs' }),
    );
    if (!r.ok) throw new Error(r.message);
    const told = (mobile: string) =>
      one<{ n: number }>(sql`select count(*) as n from notifications where person_id = ${personId(mobile)}
          and kind = 'topic_raised' and topic_id = ${r.data.topicId}`).n;
    expect(told(WHO.secretary)).toBe(1);
    expect(told(WHO.chair)).toBe(1);
    expect(told(WHO.member)).toBe(0);
  });

  it('property staff are told "a task for you", not "the status is now 待承接"', () => {
    const kinds = one<{ kinds: string }>(sql`select group_concat(kind) as kinds from notifications
        where topic_id = ${own.assigned} and person_id = ${personId(WHO.property)}`).kinds;
    expect(kinds.split(',')).toContain('task_assigned');
    expect(kinds.split(',')).not.toContain('status');
  });

  it('voters are told a vote opened; committee members that a paper ballot waits', () => {
    const count = (kind: string, mobile: string, voteId: number) =>
      one<{ n: number }>(sql`select count(*) as n from notifications where kind = ${kind}
          and person_id = ${personId(mobile)} and vote_id = ${voteId}`).n;
    expect(count('vote_opened', WHO.owner, own.consultation)).toBe(1);
    expect(count('vote_opened', WHO.tenant, own.owners)).toBe(0);
    expect(count('paper_pending', WHO.chair, own.owners)).toBe(1);
  });
});
