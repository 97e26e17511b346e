import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, writeTransaction } from '../client';
import { meetingInvitees, meetings, meetingTopics, people, topics } from '../schema';
import { appendAudit } from '../audit/append';
import { notify } from '../notifications/notifications';

/** People who can be invited: the compound's officials, property staff, staff above and "N" guests. */
export function listInvitable(place: { id: number; communityId: number; companyIds: readonly number[] }) {
  const companies = place.companyIds.length
    ? sql.join(
        place.companyIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  return getDb().all<{ id: number; name: string; roles: string }>(sql`
    select p.id, p.name, group_concat(m.role) as roles
      from memberships m join people p on p.id = m.person_id
     where ((m.scope_type = 'compound' and m.scope_id = ${place.id} and m.role <> 'tenant')
        or (m.scope_type = 'company' and m.scope_id in (${companies}))
        or (m.scope_type = 'community' and m.scope_id = ${place.communityId}))
     group by p.id order by p.name`);
}

/** People with an account in this compound found by mobile (for inviting ordinary residents). */
export function findCompoundPeopleByMobile(compoundId: number, mobiles: readonly string[]) {
  if (mobiles.length === 0) return [];
  return getDb().all<{ id: number; mobile: string }>(sql`
    select distinct p.id, p.mobile from people p
     where p.mobile in (${sql.join(
       mobiles.map((m) => sql`${m}`),
       sql`, `,
     )})
       and (exists (select 1 from holder_members hm join holders h on h.id = hm.holder_id
                     where hm.person_id = p.id and h.compound_id = ${compoundId})
            or exists (select 1 from memberships m where m.person_id = p.id
                        and m.scope_type = 'compound' and m.scope_id = ${compoundId}))`);
}

export function scheduleMeeting(
  input: {
    compoundId: number;
    actorId: number;
    title: string;
    startsAt: number;
    place: string;
    topicIds: number[];
    inviteeIds: number[];
  },
  now: number,
): number {
  return writeTransaction((tx) => {
    const id = tx
      .insert(meetings)
      .values({
        compoundId: input.compoundId,
        title: input.title,
        startsAt: input.startsAt,
        place: input.place,
        createdBy: input.actorId,
        createdAt: now,
      })
      .returning({ id: meetings.id })
      .get().id;
    for (const topicId of input.topicIds) {
      tx.insert(meetingTopics).values({ meetingId: id, topicId }).run();
      appendAudit(tx, {
        compoundId: input.compoundId,
        actorId: input.actorId,
        at: now,
        entity: 'topic',
        entityId: topicId,
        action: 'meeting_scheduled',
        data: { meetingId: id, startsAt: input.startsAt, place: input.place },
      });
    }
    for (const personId of new Set(input.inviteeIds))
      tx.insert(meetingInvitees).values({ meetingId: id, personId }).run();
    notify(
      tx,
      input.inviteeIds,
      { compoundId: input.compoundId, kind: 'meeting', actorId: input.actorId, meetingId: id, detail: input.title },
      now,
    );
    return id;
  });
}

export function listMeetings(compoundId: number) {
  return getDb()
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      status: meetings.status,
      topics: sql<number>`(select count(*) from meeting_topics mt where mt.meeting_id = meetings.id)`,
      invitees: sql<number>`(select count(*) from meeting_invitees mi where mi.meeting_id = meetings.id)`,
    })
    .from(meetings)
    .where(eq(meetings.compoundId, compoundId))
    .orderBy(desc(meetings.startsAt))
    .limit(100)
    .all();
}

export function getMeeting(compoundId: number, meetingId: number) {
  const db = getDb();
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.compoundId, compoundId)))
    .get();
  if (!meeting) return undefined;
  const agenda = db
    .select({ id: topics.id, title: topics.title, status: topics.status })
    .from(meetingTopics)
    .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
    .where(eq(meetingTopics.meetingId, meetingId))
    .all();
  const invitees = db
    .select({ id: people.id, name: people.name, attended: meetingInvitees.attended })
    .from(meetingInvitees)
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .where(eq(meetingInvitees.meetingId, meetingId))
    .orderBy(asc(people.name))
    .all();
  return { ...meeting, agenda, invitees };
}

/** Records that a meeting was held: who attended and the minutes, which then show on each topic. */
export function recordMinutes(
  input: {
    compoundId: number;
    meetingId: number;
    actorId: number;
    minutes: string;
    attendeeIds: number[];
    topicIds: number[];
  },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .update(meetings)
      .set({ status: 'held', minutes: input.minutes, heldRecordedAt: now })
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.compoundId, input.compoundId)))
      .run();
    if (res.changes === 0) return false;
    tx.update(meetingInvitees).set({ attended: false }).where(eq(meetingInvitees.meetingId, input.meetingId)).run();
    if (input.attendeeIds.length) {
      tx.update(meetingInvitees)
        .set({ attended: true })
        .where(
          and(eq(meetingInvitees.meetingId, input.meetingId), inArray(meetingInvitees.personId, input.attendeeIds)),
        )
        .run();
    }
    for (const topicId of input.topicIds) {
      appendAudit(tx, {
        compoundId: input.compoundId,
        actorId: input.actorId,
        at: now,
        entity: 'topic',
        entityId: topicId,
        action: 'meeting_held',
        data: { meetingId: input.meetingId, attended: input.attendeeIds.length },
      });
      tx.update(topics).set({ activityAt: now }).where(eq(topics.id, topicId)).run();
    }
    return true;
  });
}
