import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { reachSql } from '../people/reach';
import { correctionRequests, people, personViews } from '../schema';

/** Personal information (个人信息保护法): who looked, what the platform holds, corrections asked and answered. */

/** Staff opened a person's page: kept, and shown to the person. */
export function logPersonView(personId: number, viewerId: number, at: number) {
  writeTransaction((tx) => {
    tx.insert(personViews).values({ personId, viewerId, at }).run();
  });
}

export function viewsOf(personId: number, limit = 20) {
  return getDb().all<{ at: number; viewer: string; roles: string }>(sql`
    select v.at, p.name as viewer,
           (select group_concat(m.role) from memberships m where m.person_id = p.id) as roles
      from person_views v join people p on p.id = v.viewer_id
     where v.person_id = ${personId} order by v.id desc limit ${limit}`);
}

export function privacyOf(personId: number) {
  return getDb()
    .select({ acceptedAt: people.privacyAcceptedAt, version: people.privacyVersion })
    .from(people)
    .where(eq(people.id, personId))
    .get();
}

/** A resident asks for a correction; the community workers over their compounds are told. */
export function fileCorrection(
  personId: number,
  c: { topic: 'area' | 'name' | 'unit' | 'other'; unitId: number | null; body: string },
  now: number,
): number {
  return writeTransaction((tx) => {
    const id = tx
      .insert(correctionRequests)
      .values({ personId, ...c, createdAt: now })
      .returning({ id: correctionRequests.id })
      .get().id;
    appendAudit(tx, {
      compoundId: null,
      actorId: personId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: 'request_correction',
      data: { requestId: id, topic: c.topic, unitId: c.unitId },
    });
    const staff = tx.all<{ id: number }>(sql`
      select distinct m.person_id as id from memberships m
       where m.role = 'community_worker' and m.scope_type = 'community' and m.scope_id in (
         select c.community_id from compounds c where c.id in (
           select h.compound_id from holder_members hm join holders h on h.id = hm.holder_id where hm.person_id = ${personId}
           union select m2.scope_id from memberships m2 where m2.person_id = ${personId} and m2.scope_type = 'compound'))`);
    notify(
      tx,
      staff.map((s) => s.id),
      { compoundId: 0, kind: 'correction_request', actorId: personId, detail: String(id) },
      now,
    );
    return id;
  });
}

export function correctionsOf(personId: number) {
  return getDb()
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.personId, personId))
    .orderBy(desc(correctionRequests.id))
    .all();
}

/** Open requests of people at least partly within the staff member's reach, for their queue. */
export function openCorrections(reach: StaffReach) {
  const r = reachSql(reach);
  return getDb().all<{
    id: number;
    personId: number;
    name: string;
    mobile: string;
    topic: string;
    body: string;
    createdAt: number;
    unitLabel: string | null;
  }>(sql`
    select cr.id, people.id as personId, people.name, people.mobile, cr.topic, cr.body, cr.created_at as createdAt,
           (select b.name || u.number from units u join buildings b on b.id = u.building_id where u.id = cr.unit_id) as unitLabel
      from correction_requests cr join people on people.id = cr.person_id
     where cr.status = 'open' and (${r.whole} or ${r.some}) order by cr.id`);
}

/** Answers a request, if its person is within the staff member's reach; the person is told. */
export function answerCorrection(
  requestId: number,
  answer: string,
  reach: StaffReach,
  actorId: number,
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const r = reachSql(reach);
    const row = tx.get<{ personId: number }>(sql`
      select people.id as personId from correction_requests cr join people on people.id = cr.person_id
       where cr.id = ${requestId} and cr.status = 'open' and (${r.whole} or ${r.some})`);
    if (!row) return false;
    tx.update(correctionRequests)
      .set({ status: 'answered', answer, answeredBy: actorId, answeredAt: now })
      .where(and(eq(correctionRequests.id, requestId), eq(correctionRequests.status, 'open')))
      .run();
    appendAudit(tx, {
      compoundId: null,
      actorId,
      at: now,
      entity: 'person',
      entityId: row.personId,
      action: 'answer_correction',
      data: { requestId },
    });
    notify(tx, [row.personId], { compoundId: 0, kind: 'correction_answered', actorId, detail: String(requestId) }, now);
    return true;
  });
}

/**
 * Everything the platform holds about a person, for "my data": one object per concern, each a list of rows. Never
 * a password hash, never anyone else's mobile.
 */
export function exportPersonData(personId: number): Record<string, Record<string, unknown>[]> {
  const db = getDb();
  const q = (query: ReturnType<typeof sql>) => db.all<Record<string, unknown>>(query);
  return {
    person:
      q(sql`select id, name, mobile, party_member as partyMember, disabled, privacy_accepted_at as privacyAcceptedAt,
                   privacy_version as privacyVersion, created_at as createdAt, password_hash is not null as hasPassword
                    from people where id = ${personId}`),
    roles:
      q(sql`select m.role, m.scope_type as scopeType, m.scope_id as scopeId, m.unit_id as unitId, m.ends_at as endsAt,
                  m.created_at as createdAt from memberships m where m.person_id = ${personId}`),
    homes:
      q(sql`select c.name as compound, b.name || u.number as unit, u.area_centi as areaCenti, u.area_source as areaSource,
                  h.kind as holderKind, h.name as holderName, h.voter_person_id = ${personId} as votes
                   from holder_members hm join holders h on h.id = hm.holder_id join units u on u.holder_id = h.id
                   join buildings b on b.id = u.building_id join compounds c on c.id = u.compound_id where hm.person_id = ${personId}`),
    topics: q(
      sql`select id, compound_id as compoundId, title, description, status, created_at as createdAt from topics where author_id = ${personId}`,
    ),
    comments: q(
      sql`select id, topic_id as topicId, body, created_at as createdAt, hidden_at as hiddenAt from comments where author_id = ${personId}`,
    ),
    cosigns: q(
      sql`select topic_id as topicId, created_at as createdAt from topic_cosigns where person_id = ${personId}`,
    ),
    ballots:
      q(sql`select v.id as voteId, v.question, b.choice, b.channel, b.receipt_code as receipt, b.created_at as createdAt
                    from vote_voters vv join votes v on v.id = vv.vote_id
                    join ballots b on b.vote_id = vv.vote_id and b.voter_key = vv.voter_key where vv.person_id = ${personId}`),
    ratings: q(
      sql`select topic_id as topicId, round, stars, comment, created_at as createdAt from ratings where person_id = ${personId}`,
    ),
    objections: q(
      sql`select topic_id as topicId, reason, outcome, answer, created_at as createdAt from objections where author_id = ${personId}`,
    ),
    sessions: q(
      sql`select created_at as createdAt, last_seen_at as lastSeenAt, revoked_at as revokedAt from sessions where person_id = ${personId}`,
    ),
    joinRequests: q(
      sql`select unit_id as unitId, relation, status, created_at as createdAt, decided_at as decidedAt from join_requests where person_id = ${personId}`,
    ),
    corrections: q(
      sql`select topic, body, status, answer, created_at as createdAt, answered_at as answeredAt from correction_requests where person_id = ${personId}`,
    ),
    viewedBy: q(
      sql`select v.at, p.name as viewer from person_views v join people p on p.id = v.viewer_id where v.person_id = ${personId}`,
    ),
    notifications: q(
      sql`select kind, detail, created_at as createdAt, read_at as readAt from notifications where person_id = ${personId}`,
    ),
  };
}
