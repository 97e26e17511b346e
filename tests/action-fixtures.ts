/**
 * Objects in every state the actions act on, built through the actions themselves in one compound:
 * topics raised, under deliberation, decided, published with an objection, assigned, in progress,
 * being rated, escalated; a comment, a meeting, open and ended votes, a paper ballot. Import this
 * after mocking Next's request-bound modules (see tests/mocks).
 */
import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { closeAssembly, openAssembly } from '../db/assembly/moves';
import { endNotice } from '../db/followthrough/timers';
import { fileJoinRequest } from '../db/households/join';
import { fileCorrection } from '../db/households/privacy';
import { proposeVoterChange } from '../db/households/voter-change';
import { shanghaiMinute } from '../lib/time';
import { actAs, form, one, PNG, personId } from './harness';

export const admin = await import('@/app/admin/actions');
export const compoundAdmin = await import('@/app/admin/compounds/[compoundId]/actions');
export const peopleAdmin = await import('@/app/admin/people/actions');
export const account = await import('@/app/account/actions');
export const notifications = await import('@/app/notifications/actions');
export const locale = await import('@/app/locale-action');
export const care = await import('@/app/care-action');
export const settings = await import('@/app/notifications/settings/actions');
export const reminders = await import('@/app/c/[compoundId]/reminders/actions');
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
export const paperBatch = await import('@/app/c/[compoundId]/votes/paper-actions');
export const assemblies = await import('@/app/c/[compoundId]/assemblies/actions');
export const register = await import('@/app/c/[compoundId]/assemblies/register-actions');
export const proxies = await import('@/app/c/[compoundId]/assemblies/proxy-actions');
export const nominations = await import('@/app/c/[compoundId]/topics/[topicId]/_nominations/actions');
export const assemblyRules = await import('@/app/admin/compounds/[compoundId]/assembly-rules-actions');
export const districtRules = await import('@/app/admin/district-rules-actions');
export const assemblyFileRoute = await import('@/app/api/assembly-files/[fileId]/route');
export const escalations = await import('@/app/escalations/actions');
export const exportRoute = await import('@/app/api/compounds/[compoundId]/export/route');
export const ballotsRoute = await import('@/app/api/compounds/[compoundId]/votes/[voteId]/ballots/route');
export const photoRoute = await import('@/app/api/photos/[photoId]/route');
export const receiptsRoute = await import('@/app/api/compounds/[compoundId]/votes/[voteId]/receipts/route');
export const letters = await import('@/app/c/[compoundId]/households/letter-actions');
export const activation = await import('@/app/activate/actions');
export const smsLogin = await import('@/app/login/actions');
export const join = await import('@/app/join/actions');
export const household = await import('@/app/join-actions');
export const transfers = await import('@/app/c/[compoundId]/households/transfers/actions');
export const home = await import('@/app/account/home-actions');
export const corrections = await import('@/app/admin/corrections/actions');
export const myDataRoute = await import('@/app/api/me/data/route');

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
  districtId: number;
  /** An assembly in its notice period, with a material file, an objection and a proxy submitted by 刘建国 (owner). */
  announced: number;
  materialFileId: number;
  proxyFileId: number;
  registerObjectionId: number;
  proxyId: number;
  /** An open assembly whose end time has passed (the committee may close it). */
  endedAssembly: number;
  /** A topic back from an owners' decision that failed (may be recorded as not passed). */
  failedTopic: number;
  failedVote: number;
  /** A topic with nominations open, and a pending nomination on it. */
  nominating: number;
  nominationId: number;
  /** A unit number in buildingId, a pending request to join the unit of the 'owner' label (合和大院) or another. */
  unitNumber: string;
  buildingName: string;
  joinRequestId: number;
  tenancyId: number;
  /** A resident's open correction request, a co-owned holder and a proposal to change its voter. */
  correctionId: number;
  coHolderId: number;
  voterChangeId: number;
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
  // Owners' decisions are called as assemblies: announced with the notice period, then (as if the
  // period had passed) moved to their start and opened.
  const announce = async (title: string, kind = 'decision') => {
    const t = await accept(title);
    actAs(com1);
    const r = await must(
      assemblies.announceAssemblyAction(
        c.id,
        null,
        form({
          title: `${title}业主大会`,
          howToVote: '网上或纸质投票。',
          objectionsUntil: shanghai(now + 10 * DAY),
          startsAt: shanghai(now + 16 * DAY),
          endsAt: shanghai(now + 23 * DAY),
          m1_topicId: t,
          m1_kind: kind,
          m1_item: 1,
          m1_question: `${title}？`,
          files: new File([PNG], '预算.png', { type: 'image/png' }),
        }),
      ),
    );
    if (!r.ok) throw new Error('announce failed');
    return { topicId: t, assemblyId: r.data.assemblyId };
  };
  const openNow = (assemblyId: number, endsAt = now + 3 * DAY) => {
    one(
      sql`update assemblies set starts_at = ${now - 60_000}, ends_at = ${endsAt} where id = ${assemblyId} returning id`,
    );
    one(
      sql`update votes set starts_at = ${now - 60_000}, ends_at = ${endsAt} where assembly_id = ${assemblyId} returning id`,
    );
    if (!openAssembly(c.id, assemblyId, now)) throw new Error('assembly did not open');
    return one<{ id: number }>(sql`select min(id) as id from votes where assembly_id = ${assemblyId}`).id;
  };
  const lift = await announce('更换电梯');
  const owners = openNow(lift.assemblyId);
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

  // An assembly in its notice period: an owner objects and hands in a proxy.
  const notice = await announce('屋面防水');
  const materialFileId = one<{ id: number }>(
    sql`select max(id) as id from assembly_files where assembly_id = ${notice.assemblyId}`,
  ).id;
  // 刘建国 (the matrix's owner) in 合和大院; elsewhere an owner from the register who votes for their household.
  const liuId = personId('13800000004');
  const liu =
    getDb().get<{
      id: number;
    }>(sql`select hm.person_id as id from holder_members hm join holders h on h.id = hm.holder_id
      where h.compound_id = ${c.id} and hm.person_id = ${liuId}`)?.id ??
    one<{ id: number }>(sql`select h.voter_person_id as id from holders h where h.compound_id = ${c.id}
      and h.kind = 'person' and h.voter_person_id is not null order by h.id limit 1`).id;
  const liuUnit = getDb().get<{
    id: number;
  }>(sql`select u.id from units u join holder_members hm on hm.holder_id = u.holder_id
      where hm.person_id = ${liu} and u.compound_id = ${c.id} limit 1`);
  let registerObjectionId = 0;
  let proxyId = 0;
  let proxyFileId = 0;
  if (liuUnit) {
    actAs(liu);
    await must(
      register.registerObjectionAction(
        c.id,
        null,
        form({
          assemblyId: notice.assemblyId,
          unitId: liuUnit.id,
          kind: 'area',
          claimedArea: '88.00',
          reason: '面积有误',
        }),
      ),
    );
    registerObjectionId = one<{ id: number }>(sql`select max(id) as id from register_objections`).id;
    const key = one<{ k: string }>(sql`select voter_key as k from vote_voters
        where vote_id = (select min(id) from votes where assembly_id = ${notice.assemblyId}) and person_id = ${liu}`).k;
    await must(
      proxies.grantProxyAction(
        c.id,
        null,
        form({
          assemblyId: notice.assemblyId,
          voterKey: key,
          agentMobile: '13800000020',
          document: new File([PNG], '委托书.png', { type: 'image/png' }),
        }),
      ),
    );
    const p = one<{ id: number; fileId: number }>(
      sql`select id, file_id as fileId from proxies order by id desc limit 1`,
    );
    proxyId = p.id;
    proxyFileId = p.fileId;
  }
  // An open assembly whose end time has passed, and one that closed without enough owners taking part.
  const endedAssembly = (await announce('小区大门改造')).assemblyId;
  openNow(endedAssembly, now - 1000);
  const failed = await announce('增设充电桩');
  const failedVote = openNow(failed.assemblyId);
  if (!closeAssembly(c.id, failed.assemblyId, null, now)) throw new Error('assembly did not close');
  // Nominations for the committee, open on a topic under deliberation, one pending.
  const nominating = await accept('业委会换届');
  actAs(com1);
  await must(nominations.openNominationsAction(c.id, null, form({ topicId: nominating })));
  const candidate = one<{
    id: number;
  }>(sql`select hm.person_id as id from holder_members hm join holders h on h.id = hm.holder_id
      join people p on p.id = hm.person_id where h.compound_id = ${c.id} and p.password_hash is null
      and h.voter_person_id = hm.person_id order by hm.person_id limit 1`).id;
  actAs(candidate);
  await must(nominations.nominateAction(c.id, null, form({ topicId: nominating, statement: '愿意服务。' })));
  const nominationId = one<{ id: number }>(
    sql`select max(id) as id from nominations where topic_id = ${nominating}`,
  ).id;
  const districtId = one<{
    id: number;
  }>(sql`select s.district_id as id from communities m join streets s on s.id = m.street_id
      where m.id = ${c.communityId}`).id;

  // A request to join a unit, waiting for its household's voter (刘建国's flat in 合和大院), and a tenant to move out.
  const joinUnit = one<{ id: number; label: string; voterId: number | null }>(sql`
    select u.id, b.name || u.number as label, h.voter_person_id as voterId from units u
      join buildings b on b.id = u.building_id join holders h on h.id = u.holder_id
     where u.compound_id = ${c.id} and h.kind = 'person'
     order by (h.voter_person_id = (select id from people where mobile = '13800000004')) desc, u.id limit 1`);
  const joinRequestId =
    fileJoinRequest(
      {
        compoundId: c.id,
        unitId: joinUnit.id,
        unitLabel: joinUnit.label,
        voterId: joinUnit.voterId,
        personId: null,
        name: '新租户',
        mobile: compoundName === '合和大院' ? '13977770001' : '13977770002',
        passwordHash: null,
        relation: 'tenant',
        moveOutAt: null,
      },
      now,
    ) ?? 0;
  const tenancyId = one<{
    id: number;
  }>(sql`insert into memberships (person_id, role, scope_type, scope_id, unit_id, created_at)
            values (${r2}, 'tenant', 'compound', ${c.id}, ${joinUnit.id}, ${now}) returning id`).id;
  const unitNumber = one<{ n: string }>(
    sql`select number as n from units where building_id = ${buildingId} order by id desc limit 1`,
  ).n;

  const correctionId = fileCorrection(r1, { topic: 'area', unitId: null, body: '面积登记有误。' }, now);
  // A co-owner who does not vote proposes themself; the one who votes has yet to confirm.
  const co = getDb().get<{ id: number; other: number }>(sql`select h.id, min(hm.person_id) as other
      from holders h join holder_members hm on hm.holder_id = h.id and hm.person_id <> h.voter_person_id
     where h.compound_id = ${c.id} and h.kind = 'co_owners' group by h.id limit 1`);
  const coHolderId = co?.id ?? 0;
  if (co) proposeVoterChange(co.id, co.other, co.other, now);
  const voterChangeId =
    getDb().get<{ id: number }>(sql`select max(id) as id from voter_changes where holder_id = ${coHolderId}`)?.id ?? 0;

  const buildingName = one<{ n: string }>(sql`select name as n from buildings where id = ${buildingId}`).n;

  return {
    districtId,
    announced: notice.assemblyId,
    materialFileId,
    proxyFileId,
    registerObjectionId,
    proxyId,
    endedAssembly,
    failedTopic: failed.topicId,
    failedVote,
    nominating,
    nominationId,
    buildingName,
    correctionId,
    coHolderId,
    voterChangeId,
    unitNumber,
    joinRequestId,
    tenancyId,
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
