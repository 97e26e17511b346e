/**
 * Objects in every state the actions act on, built through the actions themselves in one compound:
 * topics raised, under deliberation, decided, published with an objection, assigned, in progress,
 * being rated, escalated; a comment, a meeting, open and ended votes, a paper ballot. Import this
 * after mocking Next's request-bound modules (see tests/mocks).
 */
import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { endNotice } from '../db/followthrough/timers';
import { shanghaiMinute } from '../lib/time';
import { actAs, form, one, PNG, personId } from './harness';

export const admin = await import('@/app/admin/actions');
export const compoundAdmin = await import('@/app/admin/compounds/[compoundId]/actions');
export const peopleAdmin = await import('@/app/admin/people/actions');
export const account = await import('@/app/account/actions');
export const notifications = await import('@/app/notifications/actions');
export const locale = await import('@/app/locale-action');
export const logout = await import('@/app/logout-action');
export const topics = await import('@/app/c/[compoundId]/topics/actions');
export const topic = await import('@/app/c/[compoundId]/topics/[topicId]/actions');
/** Follow-through's actions, one module per concern, under one name. */
export const follow = {
  ...(await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/decision-actions')),
  ...(await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/objection-actions')),
  ...(await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/task-actions')),
  ...(await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/rating-actions')),
  ...(await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/escalation-actions')),
};
export const meetings = await import('@/app/c/[compoundId]/meetings/actions');
export const votes = await import('@/app/c/[compoundId]/votes/actions');
export const escalations = await import('@/app/escalations/actions');
export const exportRoute = await import('@/app/api/compounds/[compoundId]/export/route');
export const ballotsRoute = await import('@/app/api/compounds/[compoundId]/votes/[voteId]/ballots/route');
export const photoRoute = await import('@/app/api/photos/[photoId]/route');
export const receiptsRoute = await import('@/app/api/compounds/[compoundId]/votes/[voteId]/receipts/route');

// ── Objects of each compound ──

export type Side = 'own' | 'other';
export interface Fixture {
  compoundId: number;
  communityId: number;
  companyId: number;
  buildingId: number;
  raised: number;
  photoId: number;
  deliberating: number;
  commentId: number;
  meetingId: number;
  consultation: number;
  owners: number;
  freeHolderKey: string;
  paperHolderKey: string;
  ended: number;
  closed: number;
  decided: number;
  publicised: number;
  objectionId: number;
  assigned: number;
  inProgress: number;
  rating: number;
  escalationId: number;
  resident: number;
  revokable: number;
}

export const shanghai = shanghaiMinute;
export const DAY = 86_400_000;

async function must<T>(p: Promise<T>): Promise<T> {
  const r = await p;
  const res = r as { ok?: boolean; code?: string; message?: string };
  if (res && res.ok === false) throw new Error(`fixture step failed: ${res.code} ${res.message}`);
  return r;
}

function residentsOf(compoundId: number, n: number): number[] {
  return one<{ ids: string }>(sql`select group_concat(id) as ids from (select hm.person_id as id from holder_members hm
      join holders h on h.id = hm.holder_id join people p on p.id = hm.person_id
     where h.compound_id = ${compoundId} and h.kind = 'person' and p.password_hash is null
       and not exists (select 1 from memberships m where m.person_id = p.id)
     order by hm.person_id limit ${n})`)
    .ids.split(',')
    .map(Number);
}

export async function build(compoundName: string, names: { secretary: string }): Promise<Fixture> {
  const c = one<{ id: number; communityId: number }>(
    sql`select id, community_id as communityId from compounds where name = ${compoundName}`,
  );
  const companyId = one<{ id: number }>(
    sql`select company_id as id from compound_services where compound_id = ${c.id}`,
  ).id;
  const buildingId = one<{ id: number }>(
    sql`select id from buildings where compound_id = ${c.id} order by id limit 1`,
  ).id;
  const [r1, r2, com1, com2] = residentsOf(c.id, 4) as [number, number, number, number];
  const secretary = personId(names.secretary);
  const propertyStaff = one<{ id: number }>(
    sql`select person_id as id from memberships where role = 'property_staff' and scope_id = ${companyId}`,
  ).id;
  // Two committee members of this compound who are not in the matrix's actor list.
  const now = Date.now();
  for (const p of [com1, com2]) {
    one(sql`insert into memberships (person_id, role, scope_type, scope_id, created_at)
            values (${p}, 'committee_member', 'compound', ${c.id}, ${now}) returning id`);
  }
  const revokable = one<{ id: number }>(sql`insert into memberships (person_id, role, scope_type, scope_id, created_at)
            values (${r2}, 'resident_rep', 'compound', ${c.id}, ${now}) returning id`).id;

  const raise = async (title: string, photo = false) => {
    actAs(r1);
    const fields: Record<string, string | Blob> = { title, description: `${title}，请处理。`, category: 'repairs' };
    if (photo) fields.photos = new File([PNG], 'p.png', { type: 'image/png' });
    const r = await must(topics.raiseTopicAction(c.id, null, form(fields)));
    if (!r.ok) throw new Error('raise failed');
    return r.data.topicId;
  };
  const accept = async (title: string) => {
    const id = await raise(title);
    actAs(secretary);
    await must(topics.reviewAction(c.id, null, form({ topicId: id, action: 'accept' })));
    return id;
  };
  const decide = async (title: string) => {
    const id = await accept(title);
    actAs(secretary);
    await must(
      follow.recordDecisionAction(
        c.id,
        null,
        form({ topicId: id, body: '由物业维修。', party: 'property', companyId, deadline: shanghai(now + 30 * DAY) }),
      ),
    );
    return id;
  };
  const publish = async (title: string) => {
    const id = await decide(title);
    actAs(secretary);
    await must(follow.publishDecisionAction(c.id, null, form({ topicId: id })));
    return id;
  };
  const assign = async (title: string) => {
    const id = await publish(title);
    if (!endNotice(c.id, id, now + 8 * DAY)) throw new Error('notice did not end');
    return id;
  };
  const start = async (title: string) => {
    const id = await assign(title);
    actAs(propertyStaff);
    await must(follow.acceptTaskAction(c.id, null, form({ topicId: id })));
    return id;
  };

  const raised = await raise('楼道堆物', true);
  const photoId = one<{ id: number }>(sql`select id from topic_photos where topic_id = ${raised}`).id;
  const deliberating = await accept('小区停车难');
  actAs(r1);
  await must(topic.commentAction(c.id, null, form({ topicId: deliberating, body: '晚上根本没有车位。' })));
  const commentId = one<{ id: number }>(sql`select max(id) as id from comments where topic_id = ${deliberating}`).id;
  actAs(secretary);
  await must(
    meetings.scheduleMeetingAction(
      c.id,
      null,
      form({ title: '停车议事会', startsAt: shanghai(now + 2 * DAY), place: '活动室', topicIds: [deliberating] }),
    ),
  );
  const meetingId = one<{ id: number }>(sql`select max(id) as id from meetings where compound_id = ${c.id}`).id;

  const voteOn = async (title: string, by: number, fields: Record<string, string | number>) => {
    const t = await accept(title);
    actAs(by);
    await must(
      votes.openVoteAction(
        c.id,
        null,
        form({
          topicId: t,
          question: `${title}？`,
          startsAt: shanghai(now - 60_000),
          endsAt: shanghai(now + 3 * DAY),
          ...fields,
        }),
      ),
    );
    return one<{ id: number }>(sql`select max(id) as id from votes where topic_id = ${t}`).id;
  };
  const consultation = await voteOn('春节游园', secretary, { kind: 'consultation' });
  const owners = await voteOn('更换电梯', com1, { kind: 'owners', matterItem: 1 });
  const keys = sql`select voter_key as k from vote_voters v where vote_id = ${owners}
      and not exists (select 1 from holder_members hm join holders h on h.id = hm.holder_id
                       where 'h:' || h.id = v.voter_key and hm.person_id in (select id from people where password_hash is not null))
      order by voter_key limit 2`;
  const [paperKey, freeKey] = getDb()
    .all<{ k: string }>(keys)
    .map((r) => r.k);
  actAs(com1);
  await must(
    votes.enterPaperAction(
      c.id,
      null,
      form({ voteId: owners, voterKey: paperKey ?? '', serial: 'P-001', choice: 'agree' }),
    ),
  );
  const ended = await voteOn('绿化补种', secretary, { kind: 'consultation' });
  one(sql`update votes set ends_at = ${now - 1000} where id = ${ended} returning id`);
  const closed = await voteOn('楼道粉刷', secretary, { kind: 'consultation' });
  one(sql`update votes set ends_at = ${now - 1000} where id = ${closed} returning id`);
  actAs(secretary);
  await must(votes.closeVoteAction(c.id, null, form({ voteId: closed })));

  const decided = await decide('外墙保温');
  const publicised = await publish('垃圾分类');
  actAs(r2);
  await must(follow.objectAction(c.id, null, form({ topicId: publicised, reason: '收费标准不清楚' })));
  const objectionId = one<{ id: number }>(sql`select max(id) as id from objections where topic_id = ${publicised}`).id;
  const assigned = await assign('路灯更换');
  const inProgress = await start('单元门维修');
  const rating = await start('下水道疏通');
  actAs(propertyStaff);
  await must(follow.completeTaskAction(c.id, null, form({ topicId: rating, body: '已疏通。' })));
  const escalated = await accept('违建拆除');
  actAs(secretary);
  await must(follow.escalateAction(c.id, null, form({ topicId: escalated, reason: '需要城管执法' })));
  const escalationId = one<{ id: number }>(sql`select max(id) as id from escalations where topic_id = ${escalated}`).id;

  return {
    compoundId: c.id,
    communityId: c.communityId,
    companyId,
    buildingId,
    raised,
    photoId,
    deliberating,
    commentId,
    meetingId,
    consultation,
    owners,
    freeHolderKey: freeKey ?? '',
    paperHolderKey: paperKey ?? '',
    ended,
    closed,
    decided,
    publicised,
    objectionId,
    assigned,
    inProgress,
    rating,
    escalationId,
    resident: r1,
    revokable,
  };
}
