import 'server-only';
import { sql } from 'drizzle-orm';
import { HOUSEHOLD_JOINERS } from '@/lib/auth/roles';
import { getDb } from '../client';
import { roleIn } from '../roles';

/** "My home" (我的房屋): what a person holds or lives in, how they vote for it, and their past ballots. */

export interface MyUnit {
  unitId: number;
  compoundId: number;
  compoundName: string;
  label: string;
  areaCenti: number;
  areaSource: 'register' | 'survey' | 'contract';
  holderId: number;
  holderKind: 'person' | 'co_owners' | 'developer';
  voterId: number | null;
  voterName: string | null;
  /** The agent of a confirmed proxy for this holder in an assembly not yet closed (issue 16), if any. */
  proxyAgentId: number | null;
}

/** The units of every holder the person is a member of. */
export function myUnits(personId: number): MyUnit[] {
  return getDb().all<MyUnit>(sql`
    select u.id as unitId, c.id as compoundId, c.name as compoundName, b.name || u.number as label,
           u.area_centi as areaCenti, u.area_source as areaSource, h.id as holderId, h.kind as holderKind,
           h.voter_person_id as voterId, (select name from people where id = h.voter_person_id) as voterName,
           (select x.agent_id from proxies x join assemblies a on a.id = x.assembly_id
             where x.holder_id = h.id and x.status = 'effective' and x.withdrawn_at is null and a.status <> 'closed'
             order by x.id desc limit 1) as proxyAgentId
      from holder_members hm join holders h on h.id = hm.holder_id join units u on u.holder_id = h.id
      join buildings b on b.id = u.building_id join compounds c on c.id = u.compound_id
     where hm.person_id = ${personId} order by c.name, b.id, u.number`);
}

/** The named members of the co-owned holders the person belongs to. */
export function coOwnersOf(personId: number) {
  return getDb().all<{ holderId: number; personId: number; name: string }>(sql`
    select hm2.holder_id as holderId, p.id as personId, p.name from holder_members hm
      join holders h on h.id = hm.holder_id and h.kind = 'co_owners'
      join holder_members hm2 on hm2.holder_id = h.id join people p on p.id = hm2.person_id
     where hm.person_id = ${personId} order by p.id`);
}

/** Units the person lives in as a tenant or family member, and until when. */
export function myTenancies(personId: number) {
  return getDb().all<{
    membershipId: number;
    compoundName: string;
    label: string | null;
    role: 'tenant' | 'family_member';
    endsAt: number | null;
  }>(sql`
    select m.id as membershipId, c.name as compoundName, b.name || u.number as label, m.role, m.ends_at as endsAt
      from memberships m join compounds c on c.id = m.scope_id
      left join units u on u.id = m.unit_id left join buildings b on b.id = u.building_id
     where m.person_id = ${personId} and m.scope_type = 'compound' and ${roleIn(sql`m.role`, HOUSEHOLD_JOINERS)}`);
}

/**
 * Every vote the person was (or is) on the frozen electorate of, with their ballot's receipt: kept after they move
 * out or sell, so a former owner can still see how their household voted.
 */
export function myBallots(personId: number, limit = 30) {
  return getDb().all<{
    voteId: number;
    compoundId: number;
    compoundName: string;
    question: string;
    kind: 'consultation' | 'council' | 'owners';
    status: string;
    endsAt: number;
    receipt: string | null;
    choice: string | null;
  }>(sql`
    select v.id as voteId, v.compound_id as compoundId, c.name as compoundName, v.question, v.kind, v.status,
           v.ends_at as endsAt, b.receipt_code as receipt, b.choice
      from vote_voters vv join votes v on v.id = vv.vote_id join compounds c on c.id = v.compound_id
      left join ballots b on b.vote_id = vv.vote_id and b.voter_key = vv.voter_key
     where vv.person_id = ${personId} order by v.ends_at desc limit ${limit}`);
}
