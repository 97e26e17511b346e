import 'server-only';
import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '@/lib/auth/roles';
import type { TopicCategory } from '@/lib/topics/categories';
import { MERGE_TARGET_STATES, type TopicStatus } from '@/lib/topics/lifecycle';
import type { PositionParty } from '@/lib/topics/rules';
import type { VoteStatus } from '@/lib/voting/lifecycle';
import { escapeLike } from '../like';
import { ftsPhrase, searchableText } from './search-text';
import { statusIn } from './status';
import { getDb } from '../client';
import { auditLog, buildings, people, propertyCompanies, topicPhotos, topics } from '../schema';

export const TOPIC_PAGE_SIZE = 20;

export interface TopicFilters {
  status?: TopicStatus;
  category?: TopicCategory;
  building?: number;
  q?: string;
  sort: 'new' | 'cosigns' | 'active';
  page: number;
}

/**
 * Search that works for Chinese: FTS5 trigram for 3+ characters (one quoted phrase, so user text
 * cannot inject FTS syntax), LIKE on the base table for 1–2 characters, which trigram cannot match.
 * Text that is only control characters searches for nothing, i.e. filters nothing.
 */
function searchCondition(raw: string): SQL | undefined {
  const q = searchableText(raw);
  if (!q) return undefined;
  if ([...q].length >= 3) {
    return sql`${topics.id} in (select rowid from topics_fts where topics_fts match ${ftsPhrase(q)})`;
  }
  const pattern = `%${escapeLike(q)}%`;
  return or(
    sql`${topics.title} like ${pattern} escape '\\'`,
    sql`${topics.description} like ${pattern} escape '\\'`,
  ) as SQL;
}

/** One page of a compound's topics and the total: two queries whatever the compound's size. */
export function listTopics(compoundId: number, f: TopicFilters) {
  const where = and(
    eq(topics.compoundId, compoundId),
    f.status ? eq(topics.status, f.status) : undefined,
    f.category ? eq(topics.category, f.category) : undefined,
    f.building ? eq(topics.buildingId, f.building) : undefined,
    f.q ? searchCondition(f.q) : undefined,
  );
  const order =
    f.sort === 'cosigns'
      ? [desc(topics.cosignCount), desc(topics.id)]
      : f.sort === 'active'
        ? [desc(topics.activityAt), desc(topics.id)]
        : [desc(topics.id)];
  const db = getDb();
  const rows = db
    .select({
      id: topics.id,
      title: topics.title,
      category: topics.category,
      status: topics.status,
      buildingName: buildings.name,
      authorName: people.name,
      cosignCount: topics.cosignCount,
      commentCount: topics.commentCount,
      createdAt: topics.createdAt,
      activityAt: topics.activityAt,
    })
    .from(topics)
    .innerJoin(people, eq(people.id, topics.authorId))
    .leftJoin(buildings, eq(buildings.id, topics.buildingId))
    .where(where)
    .orderBy(...order)
    .limit(TOPIC_PAGE_SIZE)
    .offset((f.page - 1) * TOPIC_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(topics).where(where).get()?.n ?? 0;
  return { rows, total };
}

/**
 * A topic of this compound (a forged id from another compound is simply not found), with its photo
 * ids and whether `readerId` co-signed and follows it: one query.
 */
export function getTopic(compoundId: number, topicId: number, readerId = 0) {
  const row = getDb()
    .select({
      id: topics.id,
      compoundId: topics.compoundId,
      title: topics.title,
      description: topics.description,
      category: topics.category,
      status: topics.status,
      statusReason: topics.statusReason,
      mergedIntoId: topics.mergedIntoId,
      mergedIntoTitle: sql<string | null>`(select t2.title from topics t2 where t2.id = ${topics.mergedIntoId})`,
      routedCompanyName: propertyCompanies.name,
      authorId: topics.authorId,
      authorName: people.name,
      buildingId: topics.buildingId,
      buildingName: buildings.name,
      cosignCount: topics.cosignCount,
      commentCount: topics.commentCount,
      createdAt: topics.createdAt,
      photos: sql<
        string | null
      >`(select group_concat(id) from (select id from topic_photos where topic_id = ${topicId} and update_id is null order by id))`,
      cosigned: sql<number>`exists(select 1 from topic_cosigns where topic_id = ${topicId} and person_id = ${readerId})`,
      following: sql<number>`exists(select 1 from topic_follows where topic_id = ${topicId} and person_id = ${readerId})`,
    })
    .from(topics)
    .innerJoin(people, eq(people.id, topics.authorId))
    .leftJoin(buildings, eq(buildings.id, topics.buildingId))
    .leftJoin(propertyCompanies, eq(propertyCompanies.id, topics.routedCompanyId))
    .where(and(eq(topics.id, topicId), eq(topics.compoundId, compoundId)))
    .get();
  if (!row) return undefined;
  const { photos, cosigned, following, ...topic } = row;
  return {
    ...topic,
    photoIds: photos ? photos.split(',').map(Number) : [],
    cosigned: Boolean(cosigned),
    following: Boolean(following),
  };
}

/** The topic's timeline: its audit entries with who made them. */
export function topicTimeline(topicId: number) {
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      reason: auditLog.reason,
      actorName: people.name,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, 'topic'), eq(auditLog.entityId, topicId)))
    .orderBy(asc(auditLog.id))
    .all();
}

/**
 * The official positions on a topic (with every earlier version), the meetings it was on (with
 * minutes and who attended) and the votes held on it, in one statement, so the topic page stays
 * within a handful of queries.
 */
export function topicSideData(topicId: number) {
  const row = getDb().get<{ positions: string; meetings: string; votes: string }>(sql`
    select
      (select json_group_array(json_object('id', p.id, 'party', p.party, 'body', p.body, 'authorName', a.name,
              'updatedAt', p.updated_at, 'revisions', json((select json_group_array(json_object('body', r.body,
                'authorName', ra.name, 'createdAt', r.created_at))
                from (select * from position_revisions where position_id = p.id order by id desc) r
                join people ra on ra.id = r.author_id))))
         from positions p join people a on a.id = p.author_id where p.topic_id = ${topicId}) as positions,
      (select json_group_array(json_object('id', id, 'title', title, 'startsAt', starts_at, 'place', place,
              'status', status, 'minutes', minutes, 'attended', attended, 'attendeeNames', attendeeNames))
         from (select m.id, m.title, m.starts_at, m.place, m.status, m.minutes,
                      (select count(*) from meeting_invitees mi where mi.meeting_id = m.id and mi.attended = 1) as attended,
                      (select group_concat(p.name, '、') from meeting_invitees mi join people p on p.id = mi.person_id
                        where mi.meeting_id = m.id and mi.attended = 1) as attendeeNames
                 from meeting_topics mt join meetings m on m.id = mt.meeting_id
                where mt.topic_id = ${topicId} order by m.starts_at)) as meetings,
      (select json_group_array(json_object('id', id, 'kind', kind, 'question', question, 'status', status,
              'endsAt', ends_at, 'secret', secret, 'startsAt', starts_at, 'assemblyId', assembly_id, 'result', result))
         from (select * from votes where topic_id = ${topicId} order by id)) as votes`);
  return {
    positions: JSON.parse(row?.positions ?? '[]') as {
      id: number;
      party: PositionParty;
      body: string;
      authorName: string;
      updatedAt: number;
      revisions: { body: string; authorName: string; createdAt: number }[];
    }[],
    meetings: JSON.parse(row?.meetings ?? '[]') as {
      id: number;
      title: string;
      startsAt: number;
      place: string;
      status: TopicStatus;
      minutes: string | null;
      attended: number;
      attendeeNames: string | null;
    }[],
    votes: JSON.parse(row?.votes ?? '[]') as {
      id: number;
      kind: 'consultation' | 'council' | 'owners';
      question: string;
      status: VoteStatus;
      endsAt: number;
      secret: number;
      startsAt: number;
      /** The owners' assembly the vote is a matter of, if any. */
      assemblyId: number | null;
      /** The stored result once closed (lib/voting/outcome.ts reads its verdict). */
      result: string | null;
    }[],
  };
}

/** Topics another may be merged into (same compound, still open), newest first. */
export function listMergeTargets(compoundId: number, exceptId: number) {
  return getDb()
    .select({ id: topics.id, title: topics.title })
    .from(topics)
    .where(
      and(
        eq(topics.compoundId, compoundId),
        statusIn(topics.status, MERGE_TARGET_STATES),
        sql`${topics.id} <> ${exceptId}`,
      ),
    )
    .orderBy(desc(topics.id))
    .limit(100)
    .all();
}

export function listDeliberatingTopics(compoundId: number) {
  return getDb()
    .select({ id: topics.id, title: topics.title })
    .from(topics)
    .where(and(eq(topics.compoundId, compoundId), eq(topics.status, 'deliberating')))
    .orderBy(desc(topics.id))
    .limit(200)
    .all();
}

/**
 * Each person's roles in a compound, for the badges beside what they say: one query for any number
 * of speakers (memberships in scope, plus ownership from the register).
 */
export function rolesOfPeople(
  place: { id: number; communityId: number; streetId: number; districtId: number; companyIds: readonly number[] },
  personIds: readonly number[],
): Map<number, Set<Role>> {
  const out = new Map<number, Set<Role>>();
  if (personIds.length === 0) return out;
  const ids = sql.join(
    personIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const companies = place.companyIds.length
    ? sql.join(
        place.companyIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  const rows = getDb().all<{ personId: number; role: Role }>(sql`
    select person_id as personId, role from memberships
     where person_id in (${ids}) and (
       (scope_type = 'compound' and scope_id = ${place.id}) or
       (scope_type = 'company' and scope_id in (${companies})) or
       (scope_type = 'community' and scope_id = ${place.communityId}) or
       (scope_type = 'street' and scope_id = ${place.streetId}) or
       (scope_type = 'district' and scope_id = ${place.districtId}))
    union
    select hm.person_id as personId, 'owner' as role from holder_members hm
      join holders h on h.id = hm.holder_id
     where h.compound_id = ${place.id} and hm.person_id in (${ids})`);
  for (const r of rows) {
    const set = out.get(r.personId) ?? new Set<Role>();
    set.add(r.role);
    out.set(r.personId, set);
  }
  return out;
}

export function findPhoto(photoId: number) {
  return getDb()
    .select({ compoundId: topicPhotos.compoundId, file: topicPhotos.file, mime: topicPhotos.mime })
    .from(topicPhotos)
    .where(eq(topicPhotos.id, photoId))
    .get();
}
