import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { COUNCIL, PROPERTY } from '@/lib/auth/roles';
import { moveFrom } from '@/lib/topics/lifecycle';
import type { MatterKind } from '@/lib/voting/count-matters';
import { VOTE_OPENED, type VoteStatus } from '@/lib/voting/lifecycle';
import { appendAudit } from '../audit/append';
import { type Tx, writeTransaction } from '../client';
import { roleIn } from '../roles';
import { topics, voteOptions, votes } from '../schema';
import { notify } from '../notifications/notifications';
import { applyDueTransfers } from '../households/transfers';
import { moveTopic } from '../topics/move';

export interface NewVote {
  compoundId: number;
  topicId: number;
  kind: 'consultation' | 'council' | 'owners';
  question: string;
  matterItem: number | null;
  choiceMode: 'single' | 'multiple';
  secret: boolean;
  allowChange: boolean;
  buildingIds: number[] | null;
  nonVotersFollowMajority: boolean;
  startsAt: number;
  endsAt: number;
  options: { key: string; label: string }[];
  openedBy: number;
  /** A matter of an owners' assembly: created announced, opened by the clock at its start time. */
  assemblyId?: number | null;
  matterKind?: MatterKind | null;
  seats?: number | null;
}

/**
 * How many units of the compound have a holder: an owners' decision over none could never be
 * counted (the kernel refuses an empty electorate), so it is refused when it is called.
 */
export function registeredUnits(tx: Pick<Tx, 'get'>, compoundId: number): number {
  return (
    tx.get<{ n: number }>(
      sql`select count(*) as n from units where compound_id = ${compoundId} and holder_id is not null`,
    )?.n ?? 0
  );
}

/**
 * The owners' electorate of a vote, frozen from the register: every unit with its holder and area,
 * and one voter per holder (its designated voter, its name, where its units are, its area). An
 * assembly's matter is frozen again, whole, when the register is corrected before it opens
 * (db/assembly/objections.ts).
 */
export function freezeOwners(tx: Pick<Tx, 'run'>, voteId: number, compoundId: number) {
  tx.run(sql`insert into vote_units (vote_id, unit_id, holder_id, area_centi)
             select ${voteId}, u.id, u.holder_id, u.area_centi from units u
              where u.compound_id = ${compoundId} and u.holder_id is not null`);
  tx.run(sql`insert into vote_voters (vote_id, voter_key, person_id, holder_id, name, place, area_centi)
             select ${voteId}, 'h:' || h.id, h.voter_person_id, h.id, h.name,
                    (select group_concat(b.name || u2.number, '、') from units u2 join buildings b on b.id = u2.building_id
                      where u2.holder_id = h.id and u2.compound_id = ${compoundId}),
                    sum(vu.area_centi)
               from vote_units vu join holders h on h.id = vu.holder_id
              where vu.vote_id = ${voteId} group by h.id`);
}

/** Freezes who may vote, so later changes to the register or to roles do not change this vote. */
function freezeElectorate(tx: Tx, voteId: number, v: NewVote, companyIds: readonly number[]) {
  const inBuildings = v.buildingIds?.length
    ? sql`and u.building_id in (${sql.join(
        v.buildingIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  if (v.kind === 'owners') {
    freezeOwners(tx, voteId, v.compoundId);
    return;
  }
  if (v.kind === 'consultation') {
    // Every resident, one person one vote: owners from the register and tenants.
    tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
               select ${voteId}, 'p:' || p.id, p.id, null, p.name, min(b.name || u.number)
                 from units u join buildings b on b.id = u.building_id
                 join holder_members hm on hm.holder_id = u.holder_id join people p on p.id = hm.person_id
                where u.compound_id = ${v.compoundId} ${inBuildings} group by p.id`);
    tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
               select ${voteId}, 'p:' || p.id, p.id, null, p.name, coalesce(min(b.name || u.number), '')
                 from memberships m join people p on p.id = m.person_id
                 left join units u on u.id = m.unit_id left join buildings b on b.id = u.building_id
                where m.role = 'tenant' and m.scope_type = 'compound' and m.scope_id = ${v.compoundId}
                  ${v.buildingIds?.length ? inBuildings : sql``} group by p.id`);
    return;
  }
  const companies = companyIds.length
    ? sql.join(
        companyIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
             select ${voteId}, 'p:' || p.id, p.id, null, p.name, group_concat(m.role)
               from memberships m join people p on p.id = m.person_id
              where (m.scope_type = 'compound' and m.scope_id = ${v.compoundId} and ${roleIn(sql`m.role`, COUNCIL)})
                 or (m.scope_type = 'company' and ${roleIn(sql`m.role`, PROPERTY)} and m.scope_id in (${companies}))
              group by p.id`);
}

/**
 * Inserts a vote (its options, its frozen electorate and its audit entry) in the caller's transaction,
 * with `status`: open, or announced for an assembly's matter. Returns its id and electorate size.
 */
export function insertVote(
  tx: Tx,
  v: NewVote,
  companyIds: readonly number[],
  status: VoteStatus,
  now: number,
): { voteId: number; electorate: number } {
  // A change of owner whose date has come is in the register before the electorate is frozen, whether or not
  // the clock has got to it yet (db/households/transfers.ts).
  applyDueTransfers(tx, v.compoundId, now);
  const { options, buildingIds, ...fields } = v;
  const voteId = tx
    .insert(votes)
    .values({
      ...fields,
      buildingIds: buildingIds ? JSON.stringify(buildingIds) : null,
      status,
      createdAt: now,
    })
    .returning({ id: votes.id })
    .get().id;
  options.forEach((o, position) => {
    tx.insert(voteOptions).values({ voteId, key: o.key, label: o.label, position }).run();
  });
  freezeElectorate(tx, voteId, v, companyIds);
  const electorate =
    tx.get<{ n: number }>(sql`select count(*) as n from vote_voters where vote_id = ${voteId}`)?.n ?? 0;
  appendAudit(tx, {
    compoundId: v.compoundId,
    actorId: v.openedBy,
    at: now,
    entity: 'vote',
    entityId: voteId,
    action: 'open_vote',
    toState: status,
    data: {
      kind: v.kind,
      matterItem: v.matterItem,
      electorate,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      ...(v.assemblyId ? { assemblyId: v.assemblyId, matterKind: v.matterKind, seats: v.seats ?? null } : {}),
    },
  });
  return { voteId, electorate };
}

/**
 * Opens a vote on a topic under deliberation: the vote, its options and its frozen electorate, the
 * topic's move to "voting", the audit entries and the notices, all in one transaction. Returns
 * null when the topic is not (or no longer) open to a vote. An owners' decision over a compound with
 * no registered units is refused (it could never be counted): the caller checks registeredUnits first.
 */
export function openVote(v: NewVote, companyIds: readonly number[], now: number): number | null {
  return writeTransaction((tx) => {
    // The write lock is held from here on: the status read now is the one the move starts from.
    const topic = tx
      .select({ status: topics.status })
      .from(topics)
      .where(and(eq(topics.id, v.topicId), eq(topics.compoundId, v.compoundId)))
      .get();
    const move = topic && moveFrom('open_vote', topic.status);
    if (!move) return null;
    if (v.kind === 'owners' && registeredUnits(tx, v.compoundId) === 0) return null;
    const { voteId } = insertVote(tx, v, companyIds, VOTE_OPENED, now);
    const moved = moveTopic(
      tx,
      { compoundId: v.compoundId, topicId: v.topicId, actorId: v.openedBy, move, data: { voteId, kind: v.kind } },
      now,
    );
    if (!moved) throw new Error(`topic ${v.topicId} left ${move.from} inside its own write transaction`);
    // Everyone who may cast a ballot online hears that a vote concerning them is open.
    const voters = tx
      .all<{ id: number }>(sql`select distinct person_id as id from vote_voters
          where vote_id = ${voteId} and person_id is not null`)
      .map((r) => r.id);
    notify(
      tx,
      voters,
      { compoundId: v.compoundId, kind: 'vote_opened', actorId: v.openedBy, topicId: v.topicId, voteId },
      now,
    );
    return voteId;
  });
}
