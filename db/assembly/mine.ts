import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';

/**
 * The assemblies a person must act on, for the top of their home page: announced or open, where they
 * vote for a holder (as its designated voter, or as its effective agent) that has not yet voted on every
 * matter. Two index look-ups (vote_voters by person, proxies by agent), whatever the district's size.
 */
export function openAssembliesFor(personId: number) {
  const rows = getDb().all<{
    id: number;
    compoundId: number;
    compoundName: string;
    title: string;
    status: 'announced' | 'open';
    startsAt: number;
    endsAt: number;
    objectionsUntil: number;
    matters: number;
    voterKey: string;
    holderName: string;
    byProxy: number;
    voted: number;
  }>(sql`
    with mine as (
      select v.assembly_id as assemblyId, w.voter_key as voterKey, w.name as holderName, 0 as byProxy
        from vote_voters w join votes v on v.id = w.vote_id
       where w.person_id = ${personId} and v.assembly_id is not null and v.status in ('announced', 'open')
      union
      select p.assembly_id, p.voter_key, (select name from holders where id = p.holder_id), 1
        from proxies p where p.agent_id = ${personId} and p.status = 'effective'
    )
    select a.id, a.compound_id as compoundId, c.name as compoundName, a.title, a.status, a.starts_at as startsAt,
           a.ends_at as endsAt, a.objections_until as objectionsUntil,
           (select count(*) from votes v where v.assembly_id = a.id) as matters,
           m.voterKey, m.holderName, m.byProxy,
           (select count(*) from ballots b join votes v on v.id = b.vote_id
             where v.assembly_id = a.id and b.voter_key = m.voterKey) as voted
      from mine m join assemblies a on a.id = m.assemblyId join compounds c on c.id = a.compound_id
     where a.status in ('announced', 'open')
     order by a.starts_at, a.id, m.byProxy, m.holderName`);
  return rows.filter((r) => r.voted < r.matters);
}

/** The printable delivery list of an assembly's notice: every unit of its frozen electorate, by building. */
export function deliveryList(assemblyId: number) {
  return getDb().all<{ building: string; number: string; holderName: string; floor: number }>(sql`
    select b.name as building, u.number, h.name as holderName, u.floor
      from vote_units vu join units u on u.id = vu.unit_id join buildings b on b.id = u.building_id
      join holders h on h.id = vu.holder_id
     where vu.vote_id = (select min(id) from votes where assembly_id = ${assemblyId})
     order by b.id, u.number`);
}

/** The units this person holds in the assembly's frozen electorate, with the area frozen for each. */
export function myUnits(assemblyId: number, personId: number) {
  return getDb().all<{ unitId: number; place: string; areaCenti: number; holderName: string }>(sql`
    select u.id as unitId, b.name || u.number as place, vu.area_centi as areaCenti, h.name as holderName
      from vote_units vu join units u on u.id = vu.unit_id join buildings b on b.id = u.building_id
      join holders h on h.id = vu.holder_id join holder_members hm on hm.holder_id = vu.holder_id
     where vu.vote_id = (select min(id) from votes where assembly_id = ${assemblyId}) and hm.person_id = ${personId}
     order by b.id, u.number`);
}

/** Who votes for the households this person belongs to but does not vote for (co-owners): "陈志强 votes for you". */
export function householdVoters(compoundId: number, personId: number) {
  return getDb().all<{ holderName: string; voterName: string | null }>(sql`
    select h.name as holderName, (select name from people where id = h.voter_person_id) as voterName
      from holder_members hm join holders h on h.id = hm.holder_id
     where hm.person_id = ${personId} and h.compound_id = ${compoundId}
       and (h.voter_person_id is null or h.voter_person_id <> ${personId})`);
}
