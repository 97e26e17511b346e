import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import type { LetterAuthority } from '@/lib/households/rules';
import { getDb } from '../client';
import { reachSql } from '../people/reach';

/** Which units a batch of letters is for: the compound, one building, or a list of unit ids. */
export type LetterScope =
  | { kind: 'compound' }
  | { kind: 'building'; buildingId: number }
  | { kind: 'units'; unitIds: number[] };

/** A holder a letter may be made for, with what the slip shows. */
export interface LetterHolder {
  holderId: number;
  name: string;
  /** The first of the holder's units in the scope: where the letter is filed. */
  building: string;
  /** Every unit the holder has in the compound, "3号楼2单元501、3号楼2单元502". */
  units: string;
}

export interface EligibleHolders {
  holders: LetterHolder[];
  /** Holders whose every member already has an account. */
  activated: number;
  /** Holders with a member yet to activate beyond the maker's reach (staff) or with a place elsewhere (committee). */
  outOfReach: number;
}

function scopeSql(scope: LetterScope): SQL {
  if (scope.kind === 'building') return sql`and u.building_id = ${scope.buildingId}`;
  if (scope.kind === 'units') return sql`and u.id in (select value from json_each(${JSON.stringify(scope.unitIds)}))`;
  return sql``;
}

/**
 * The holders of units in the scope that letters can be made for: not the developer, with at least one member
 * without an account, and every member handed over only by someone allowed to (docs/decisions/0012): for staff,
 * wholly within their reach; for the owners' committee, with no unit and no role outside this compound.
 */
export function eligibleHolders(
  compoundId: number,
  scope: LetterScope,
  who: { authority: LetterAuthority; reach: StaffReach },
): EligibleHolders {
  const allowed =
    who.authority === 'staff'
      ? reachSql(who.reach).whole
      : sql`(not exists (select 1 from holder_members hm2 join holders h2 on h2.id = hm2.holder_id
                          where hm2.person_id = people.id and h2.compound_id <> ${compoundId})
             and not exists (select 1 from memberships m where m.person_id = people.id
                              and not (m.scope_type = 'compound' and m.scope_id = ${compoundId})))`;
  const rows = getDb().all<{
    holderId: number;
    name: string;
    building: string;
    units: string;
    pending: number;
    outside: number;
  }>(sql`
    select h.id as holderId, h.name,
      (select b.name from units u join buildings b on b.id = u.building_id
        where u.holder_id = h.id ${scopeSql(scope)} order by b.id, u.number limit 1) as building,
      (select group_concat(b.name || u.number, '、') from
         (select u.* from units u where u.holder_id = h.id order by u.building_id, u.number) u
         join buildings b on b.id = u.building_id) as units,
      (select count(*) from holder_members hm join people on people.id = hm.person_id
        where hm.holder_id = h.id and people.password_hash is null) as pending,
      (select count(*) from holder_members hm join people on people.id = hm.person_id
        where hm.holder_id = h.id and people.password_hash is null and not ${allowed}) as outside
    from holders h
    where h.compound_id = ${compoundId} and h.kind <> 'developer'
      and exists (select 1 from units u where u.holder_id = h.id ${scopeSql(scope)})
    order by (select min(u.building_id) from units u where u.holder_id = h.id ${scopeSql(scope)}),
             (select min(u.number) from units u where u.holder_id = h.id ${scopeSql(scope)})`);
  const out: EligibleHolders = { holders: [], activated: 0, outOfReach: 0 };
  for (const r of rows) {
    if (r.pending === 0) out.activated++;
    else if (r.outside > 0) out.outOfReach++;
    else out.holders.push({ holderId: r.holderId, name: r.name, building: r.building, units: r.units });
  }
  return out;
}

/** Units of the compound named by building and number, as ids; those not found are returned by their index. */
export function findUnitIds(compoundId: number, refs: readonly { building: string; number: string }[]) {
  const found = getDb().all<{ i: number; id: number | null }>(sql`
    select r.key as i, (select u.id from units u join buildings b on b.id = u.building_id
                         where u.compound_id = ${compoundId} and b.name = json_extract(r.value, '$.building')
                           and u.number = json_extract(r.value, '$.number')) as id
      from json_each(${JSON.stringify(refs)}) r`);
  const ids: number[] = [];
  const missing: number[] = [];
  for (const f of found) {
    if (f.id === null) missing.push(f.i);
    else ids.push(f.id);
  }
  return { ids, missing };
}
