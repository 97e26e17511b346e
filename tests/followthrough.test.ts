import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/client';
import { closedVotesOfTopic, recordDecision, publishDecision } from '../db/followthrough/decisions';
import { escalationQueue, companyTasks } from '../db/followthrough/worklists';
import { exportRows } from '../db/followthrough/export';
import { lodgeObjection, answerObjection, noticeState } from '../db/followthrough/objections';
import { rateTask } from '../db/followthrough/ratings';
import { getFollowThrough } from '../db/followthrough/read';
import { settleEscalation } from '../db/followthrough/escalations';
import { acceptTask, findTask, postUpdate } from '../db/followthrough/tasks';
import { applyTopicMove, raiseTopic } from '../db/topics/write';
import { migrateDatabase } from '../db/migrate';
import { auditLog } from '../db/schema';
import { seedDemo } from '../db/seed';
import { findBrokenLink } from '../lib/audit/hash';
import { DAY_MS } from '../lib/followthrough/rules';
import { tick } from '../server/clock';
import { planMove, type TopicAction, type TopicStatus } from '../lib/topics/lifecycle';
import type { Role } from '../lib/auth/roles';

/**
 * The follow-through on a real database, driven by an injected clock: every timer fires exactly
 * when due, whether or not anyone looks, and each move leaves its audit entry.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-follow-'));
let db: Db;
const T0 = Date.UTC(2026, 10, 2, 2, 0);
const ids = {
  compound: 0,
  community: 0,
  secretary: 0,
  resident: 0,
  tenant: 0,
  staff: 0,
  company: 0,
  worker: 0,
  streetStaff: 0,
};

const personId = (mobile: string) =>
  db.get<{ id: number }>(sql`select id from people where mobile = ${mobile}`)?.id ?? 0;
const status = (topicId: number) =>
  db.get<{ status: string }>(sql`select status from topics where id = ${topicId}`)?.status;
const move = (action: TopicAction, from: TopicStatus, roles: Role[]) => {
  const p = planMove(action, from, new Set(roles));
  if (!p.ok) throw new Error(`${action} from ${from}: ${p.reason}`);
  return p.move;
};

function newTopic(title: string, now: number): number {
  const id = raiseTopic(
    {
      compoundId: ids.compound,
      authorId: ids.resident,
      title,
      description: `${title}。`,
      category: 'repairs',
      buildingId: null,
      photos: [],
    },
    now,
  );
  applyTopicMove(
    {
      compoundId: ids.compound,
      topicId: id,
      actorId: ids.secretary,
      move: move('accept', 'raised', ['branch_secretary']),
      reason: null,
      mergeInto: null,
    },
    now,
  );
  return id;
}

function decideAndPublish(topicId: number, deadlineAt: number, now: number) {
  expect(
    recordDecision(
      {
        compoundId: ids.compound,
        topicId,
        actorId: ids.secretary,
        move: move('record_decision', 'deliberating', ['branch_secretary']),
        voteId: null,
        voteVerdict: null,
        body: '由物业疏通3号楼下水管。',
        minutes: '',
        party: 'property',
        companyId: ids.company,
        deadlineAt,
      },
      now,
    ),
  ).toBe(true);
  expect(
    publishDecision(
      {
        compoundId: ids.compound,
        topicId,
        actorId: ids.secretary,
        move: move('publish_decision', 'decided', ['branch_secretary']),
        noticeDays: 7,
      },
      now,
    ),
  ).toBe(true);
}

beforeAll(() => {
  process.env.DATA_DIR = dir;
  db = openDatabase(path.join(dir, 'yishi.db'));
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = db;
  migrateDatabase(db);
  seedDemo(db);
  ids.compound = db.get<{ id: number }>(sql`select id from compounds where name = '合和大院'`)?.id ?? 0;
  ids.community =
    db.get<{ id: number }>(sql`select community_id as id from compounds where id = ${ids.compound}`)?.id ?? 0;
  ids.company =
    db.get<{ id: number }>(sql`select company_id as id from compound_services where compound_id = ${ids.compound}`)
      ?.id ?? 0;
  ids.secretary = personId('13800000001');
  ids.resident = personId('13800000004');
  ids.tenant = personId('13800000007');
  ids.staff = personId('13800000009');
  ids.worker = personId('13800000011');
  ids.streetStaff = personId('13800000012');
});

afterAll(() => {
  db.$client.close();
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a decision through notice, carrying out, rating and closing', () => {
  let topicId = 0;

  it('publishes for seven days; an objection holds the notice period open until it is answered', () => {
    topicId = newTopic('3号楼下水管堵塞', T0);
    decideAndPublish(topicId, T0 + 30 * DAY_MS, T0);
    expect(status(topicId)).toBe('publicised');
    const notice = noticeState(topicId);
    expect(notice?.noticeEndsAt).toBe(T0 + 7 * DAY_MS);
    const objection = {
      compoundId: ids.compound,
      topicId,
      decisionId: notice?.decisionId ?? 0,
      authorId: ids.tenant,
      reason: '费用应先公示',
    };
    expect(lodgeObjection(objection, T0 + DAY_MS)).toBe(true);
    expect(lodgeObjection(objection, T0 + DAY_MS)).toBe(false); // one open objection each
    expect(tick(T0 + 7 * DAY_MS - 1, { votes: false }).noticesEnded).toBe(0);
    expect(tick(T0 + 8 * DAY_MS, { votes: false }).noticesEnded).toBe(0); // still waiting for the answer
    expect(status(topicId)).toBe('publicised');
    expect(lodgeObjection({ ...objection, authorId: ids.resident }, T0 + 8 * DAY_MS)).toBe(false); // notice over
  });

  it('dismissing the last objection after the notice period hands the task over at once', () => {
    const o = getFollowThrough(topicId, ids.secretary).objections[0];
    const result = answerObjection(
      {
        compoundId: ids.compound,
        objectionId: o?.id ?? 0,
        actorId: ids.secretary,
        outcome: 'dismissed',
        answer: '费用由物业承担，无需业主出资。',
        upholdMove: move('uphold_objection', 'publicised', ['branch_secretary']),
      },
      T0 + 9 * DAY_MS,
    );
    expect(result).toBe('done');
    expect(status(topicId)).toBe('assigned');
    expect(findTask(topicId)).toMatchObject({
      party: 'property',
      companyId: ids.company,
      deadlineAt: T0 + 30 * DAY_MS,
    });
  });

  it('the company accepts, reports progress and finishes; residents rate it and it closes with its average', () => {
    const task = findTask(topicId);
    if (!task) throw new Error('no task');
    expect(
      acceptTask(
        {
          compoundId: ids.compound,
          topicId,
          taskId: task.id,
          actorId: ids.staff,
          move: move('accept_task', 'assigned', ['property_staff']),
          note: '',
        },
        T0 + 10 * DAY_MS,
      ),
    ).toBe(true);
    const update = {
      compoundId: ids.compound,
      topicId,
      taskId: task.id,
      actorId: ids.staff,
      body: '已疏通一半',
      percent: 50,
      photos: [],
    };
    expect(postUpdate(update, null, T0 + 11 * DAY_MS)).toBe(true);
    expect(findTask(topicId)?.percent).toBe(50);
    expect(
      postUpdate(
        { ...update, body: '全部疏通' },
        { move: move('complete_task', 'in_progress', ['property_staff']), ratingDays: 7 },
        T0 + 12 * DAY_MS,
      ),
    ).toBe(true);
    expect(status(topicId)).toBe('rating');
    expect(postUpdate(update, null, T0 + 12 * DAY_MS)).toBe(false); // no progress after done
    const rate = (personId: number, stars: number) =>
      rateTask({ compoundId: ids.compound, topicId, personId, stars, comment: '' }, T0 + 13 * DAY_MS);
    expect(rate(ids.resident, 5)).toBe(true);
    expect(rate(ids.tenant, 4)).toBe(true);
    expect(rate(ids.secretary, 2)).toBe(true);
    expect(rate(ids.resident, 1)).toBe(false); // once per round
    expect(tick(T0 + 19 * DAY_MS - 1, { votes: false }).ratingsClosed).toBe(0);
    expect(tick(T0 + 19 * DAY_MS, { votes: false }).ratingsClosed).toBe(1);
    expect(status(topicId)).toBe('closed');
    expect(findTask(topicId)?.averageTenths).toBe(37); // 11 / 3 = 3.67 → 3.7
    expect(
      rateTask({ compoundId: ids.compound, topicId, personId: ids.worker, stars: 5, comment: '' }, T0 + 19 * DAY_MS),
    ).toBe(false);
  });

  it('shows the whole story on one read, in one statement', () => {
    const f = getFollowThrough(topicId, ids.resident);
    expect(f.decision?.body).toBe('由物业疏通3号楼下水管。');
    expect(f.objections).toHaveLength(1);
    expect(f.objections[0]).toMatchObject({ outcome: 'dismissed', answer: '费用由物业承担，无需业主出资。' });
    expect(f.updates.map((u) => u.kind)).toEqual(['accepted', 'progress', 'done']);
    expect(f.ratings).toHaveLength(3);
    expect(f.myStars).toBe(5);
  });

  it('exports it for its date range', () => {
    const rows = exportRows(ids.compound, T0 - DAY_MS, T0 + DAY_MS);
    const row = rows.find((r) => r.id === topicId);
    expect(row).toMatchObject({ status: 'closed', party: 'property', percent: 100, averageTenths: 37 });
    expect(exportRows(ids.compound, T0 + DAY_MS, T0 + 2 * DAY_MS).some((r) => r.id === topicId)).toBe(false);
  });
});

describe('an upheld objection withdraws the decision', () => {
  it('sends the topic back to deliberation and no task is created', () => {
    const topicId = newTopic('停车位划线', T0);
    decideAndPublish(topicId, T0 + 30 * DAY_MS, T0);
    const notice = noticeState(topicId);
    lodgeObjection(
      {
        compoundId: ids.compound,
        topicId,
        decisionId: notice?.decisionId ?? 0,
        authorId: ids.tenant,
        reason: '未征求租户意见',
      },
      T0 + DAY_MS,
    );
    const o = getFollowThrough(topicId, ids.secretary).objections[0];
    expect(
      answerObjection(
        {
          compoundId: ids.compound,
          objectionId: o?.id ?? 0,
          actorId: ids.secretary,
          outcome: 'upheld',
          answer: '重新征求意见',
          upholdMove: move('uphold_objection', 'publicised', ['branch_secretary']),
        },
        T0 + 2 * DAY_MS,
      ),
    ).toBe('done');
    expect(status(topicId)).toBe('deliberating');
    expect(getFollowThrough(topicId, ids.secretary).decision).toBeNull();
    expect(tick(T0 + 30 * DAY_MS, { votes: false, onlyTopic: topicId }).noticesEnded).toBe(0);
    expect(findTask(topicId)).toBeUndefined();
  });
});

describe('a task that runs late', () => {
  it('goes overdue once, escalates by itself after the set days, and travels up and back down', () => {
    const topicId = newTopic('楼道灯维修', T0);
    const deadline = T0 + 10 * DAY_MS;
    decideAndPublish(topicId, deadline, T0);
    expect(tick(T0 + 7 * DAY_MS, { votes: false, onlyTopic: topicId }).noticesEnded).toBe(1);
    expect(tick(deadline, { votes: false, onlyTopic: topicId }).overdue).toBe(0);
    expect(tick(deadline + 1, { votes: false, onlyTopic: topicId }).overdue).toBe(1);
    expect(tick(deadline + 2, { votes: false, onlyTopic: topicId }).overdue).toBe(0);
    expect(companyTasks([ids.company], deadline + 2)[0]?.topicId).toBe(topicId); // overdue first
    expect(tick(deadline + 7 * DAY_MS, { votes: false, onlyTopic: topicId }).escalated).toBe(0);
    expect(tick(deadline + 7 * DAY_MS + 1, { votes: false, onlyTopic: topicId }).escalated).toBe(1);
    expect(tick(deadline + 9 * DAY_MS, { votes: false, onlyTopic: topicId }).escalated).toBe(0);
    const queue = escalationQueue([ids.community], []);
    const e = queue.find((q) => q.topicId === topicId);
    expect(e).toMatchObject({ level: 'community', state: 'open', auto: 1 });
    expect(
      settleEscalation(
        { escalationId: e?.id ?? 0, actorId: ids.worker, kind: 'forward', text: '涉及供电，需街道协调' },
        deadline + 10 * DAY_MS,
      ),
    ).toBe(true);
    expect(
      settleEscalation(
        { escalationId: e?.id ?? 0, actorId: ids.worker, kind: 'answer', text: 'x' },
        deadline + 10 * DAY_MS,
      ),
    ).toBe(false);
    const streetId =
      db.get<{ id: number }>(sql`select street_id as id from communities where id = ${ids.community}`)?.id ?? 0;
    const atStreet = escalationQueue([], [streetId]).find((q) => q.topicId === topicId && q.state === 'open');
    expect(atStreet?.level).toBe('street');
    expect(
      settleEscalation(
        { escalationId: atStreet?.id ?? 0, actorId: ids.streetStaff, kind: 'answer', text: '已协调供电公司' },
        deadline + 11 * DAY_MS,
      ),
    ).toBe(true);
    const levels = getFollowThrough(topicId, ids.resident).escalations.map((x) => [x.level, x.state]);
    expect(levels).toEqual([
      ['community', 'forwarded'],
      ['street', 'answered'],
    ]);
  });

  it('poor ratings send the task back with a new deadline, and the company is told why', () => {
    const topicId = newTopic('垃圾清运不及时', T0);
    decideAndPublish(topicId, T0 + 30 * DAY_MS, T0);
    tick(T0 + 7 * DAY_MS, { votes: false, onlyTopic: topicId });
    const task = findTask(topicId);
    if (!task) throw new Error('no task');
    acceptTask(
      {
        compoundId: ids.compound,
        topicId,
        taskId: task.id,
        actorId: ids.staff,
        move: move('accept_task', 'assigned', ['property_staff']),
        note: '',
      },
      T0 + 8 * DAY_MS,
    );
    postUpdate(
      {
        compoundId: ids.compound,
        topicId,
        taskId: task.id,
        actorId: ids.staff,
        body: '已清运',
        percent: 100,
        photos: [],
      },
      { move: move('complete_task', 'in_progress', ['property_staff']), ratingDays: 7 },
      T0 + 9 * DAY_MS,
    );
    rateTask(
      { compoundId: ids.compound, topicId, personId: ids.resident, stars: 1, comment: '还是没人清' },
      T0 + 10 * DAY_MS,
    );
    rateTask({ compoundId: ids.compound, topicId, personId: ids.tenant, stars: 5, comment: '' }, T0 + 10 * DAY_MS);
    expect(tick(T0 + 16 * DAY_MS, { votes: false, onlyTopic: topicId }).reopened).toBe(1);
    expect(status(topicId)).toBe('in_progress');
    expect(findTask(topicId)).toMatchObject({ round: 2, deadlineAt: T0 + 23 * DAY_MS, doneAt: null });
    const told = db.get<{ n: number }>(
      sql`select count(*) as n from notifications where person_id = ${ids.staff} and kind = 'reopened' and topic_id = ${topicId}`,
    );
    expect(told?.n).toBe(1);
    // The residents rate the second round afresh.
    expect(
      rateTask({ compoundId: ids.compound, topicId, personId: ids.resident, stars: 4, comment: '' }, T0 + 17 * DAY_MS),
    ).toBe(false);
  });
});

describe('the topic page reads everything follow-through shows in one statement', () => {
  it('brings the closed votes a decision may rest on and the companies that may carry it out', () => {
    const topicId = newTopic('中心花园增设休息长椅', T0);
    const vote = (question: string, status: 'open' | 'closed') =>
      db.run(sql`insert into votes (compound_id, topic_id, kind, question, starts_at, ends_at, status, opened_by)
        values (${ids.compound}, ${topicId}, 'consultation', ${question}, ${T0}, ${T0 + DAY_MS}, ${status}, ${ids.secretary})`);
    expect(getFollowThrough(topicId, ids.secretary).closedVotes).toEqual([]);
    vote('第一轮：是否增设？', 'closed');
    vote('第二轮：放在哪里？', 'closed');
    vote('第三轮：什么颜色？', 'open');
    const read = getFollowThrough(topicId, ids.secretary);
    // The same votes, in the same order, as the decision action accepts.
    expect(read.closedVotes).toEqual(closedVotesOfTopic(topicId));
    expect(read.closedVotes.map((v) => v.question)).toEqual(['第二轮：放在哪里？', '第一轮：是否增设？']);
    const serving = db.all<{ id: number; name: string }>(sql`select pc.id, pc.name from compound_services cs
      join property_companies pc on pc.id = cs.company_id where cs.compound_id = ${ids.compound} order by pc.id`);
    expect(serving.length).toBeGreaterThan(0);
    expect([...read.companies].sort((a, b) => a.id - b.id)).toEqual(serving);
  });
});

describe('the audit trail', () => {
  it('records every move and stays an unbroken chain', () => {
    const rows = db
      .select()
      .from(auditLog)
      .orderBy(asc(auditLog.id))
      .all()
      .filter((r) => r.compoundId === ids.compound);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'record_decision',
      'publish_decision',
      'object',
      'dismiss_objection',
      'uphold_objection',
      'end_notice',
      'accept_task',
      'progress',
      'complete_task',
      'rate',
      'close_rating',
      'reopen_task',
      'overdue',
      'auto_escalate',
      'forward_escalation',
      'answer_escalation',
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(findBrokenLink(rows)).toBeNull();
  });
});
