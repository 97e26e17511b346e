import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { COUNCIL, PROPERTY } from '@/lib/auth/roles';
import { moveFrom } from '@/lib/topics/lifecycle';
import { VOTE_OPENED } from '@/lib/voting/lifecycle';
import { appendAudit } from '../audit/append';
import { type Tx, writeTransaction } from '../client';
import { applyDueTransfers } from '../households/transfers';
import { roleIn } from '../roles';
import { topics, voteOptions, votes } from '../schema';
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
    tx.run(sql`insert into vote_units (vote_id, unit_id, holder_id, area_centi)
               select ${voteId}, u.id, u.holder_id, u.area_centi from units u
                where u.compound_id = ${v.compoundId} and u.holder_id is not null`);
    tx.run(sql`insert into vote_voters (vote_id, voter_key, person_id, holder_id, name, place, area_centi)
               select ${voteId}, 'h:' || h.id, h.voter_person_id, h.id, h.name,
                      (select group_concat(b.name || u2.number, '、') from units u2 join buildings b on b.id = u2.building_id
                        where u2.holder_id = h.id and u2.compound_id = ${v.compoundId}),
                      sum(vu.area_centi)
                 from vote_units vu join holders h on h.id = vu.holder_id
                where vu.vote_id = ${voteId} group by h.id`);
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
 * Opens a vote on a topic under deliberation: the vote, its options and its frozen electorate, the
 * topic's move to "voting", the audit entries and the notices, all in one transaction. Returns
 * null when the topic is not (or no longer) open to a vote.
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
    // A change of owner whose date has come is in the register before the electorate is frozen, whether or not
    // the clock has got to it yet (db/households/transfers.ts).
    applyDueTransfers(tx, v.compoundId, now);
    const { options, buildingIds, ...fields } = v;
    const voteId = tx
      .insert(votes)
      .values({
        ...fields,
        buildingIds: buildingIds ? JSON.stringify(buildingIds) : null,
        status: VOTE_OPENED,
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
      toState: VOTE_OPENED,
      data: { kind: v.kind, matterItem: v.matterItem, electorate, startsAt: v.startsAt, endsAt: v.endsAt },
    });
    const moved = moveTopic(
      tx,
      { compoundId: v.compoundId, topicId: v.topicId, actorId: v.openedBy, move, data: { voteId, kind: v.kind } },
      now,
    );
    if (!moved) throw new Error(`topic ${v.topicId} left ${move.from} inside its own write transaction`);
    return voteId;
  });
}
